// The forms behind the buttons of an objection (CaseActions specs): the provider's 协商一致, the
// bureau's 受理协调, 会商纪要, 协调意见 and 提请市政府, either party's 陈述, and the recorded
// decision of the municipal government. Form item names are the endpoints' body fields.
import { objectionOutcomeLabels, terms } from '@glossary';
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ok, type Schemas } from '../api/client.ts';
import type { SpecsFor } from '../components/CaseActions.tsx';
import type { objectionButtons } from './buttons.ts';
import { max, optional, required, text } from '../share-applications/form-items.tsx';

type Objection = Schemas['Objection'];
type Outcome = keyof typeof objectionOutcomeLabels;

/** 结论 (outcome), and 共享条件 — required for a conditional share unless `conditionsOptional`. */
function OutcomeItems({
  outcomes,
  conditionsOptional = false,
}: {
  outcomes: readonly Outcome[];
  conditionsOptional?: boolean;
}) {
  const conditionsRules = [...(conditionsOptional ? [] : [required('有条件共享须写明共享条件')]), max(4000)];
  return (
    <>
      <Form.Item label="结论" name="outcome" rules={[{ required: true, message: '请选择结论' }]}>
        <Radio.Group options={outcomes.map((o) => ({ value: o, label: objectionOutcomeLabels[o] }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['outcome']}>
        {({ getFieldValue }) =>
          conditionsOptional
            ? text(terms.conditions, 'conditions', conditionsRules, 3, '选填：市政府决定所附条件')
            : getFieldValue('outcome') === 'conditional_share'
              ? text(terms.conditions, 'conditions', conditionsRules)
              : null
        }
      </Form.Item>
    </>
  );
}

/** The conditions, sent only with a conditional share. */
const conditionsOf = (v: { outcome: Outcome; conditions?: string }) =>
  v.outcome === 'conditional_share' ? optional('conditions', v.conditions) : {};

/** `reassign`: the caller is the assigned coordinator, whose 受理协调 hands the case to another (改派协调人). */
export function objectionActionSpecs(o: Objection, reassign = false): SpecsFor<typeof objectionButtons> {
  const path = { params: { path: { id: o.id } } };
  return {
    settle: {
      initialValues: { outcome: 'share' },
      form: () => <OutcomeItems outcomes={['share', 'conditional_share']} />,
      submit: (v: { outcome: 'share' | 'conditional_share'; conditions?: string }) =>
        ok(
          api.POST('/api/v1/objections/{id}/settlement', { ...path, body: { outcome: v.outcome, ...conditionsOf(v) } }),
        ),
    },
    assign: {
      form: () => (
        <>
          <Form.Item
            label="指定协调人（用户标识）"
            name="coordinator"
            rules={reassign ? [required('请填写改派的协调人'), max(200)] : [max(200)]}
            extra={
              reassign
                ? '改派给其他协调人；协调人不得来自申请单位或数据提供单位'
                : '留空则由本人受理；协调人不得来自申请单位或数据提供单位'
            }
          >
            <Input />
          </Form.Item>
          <Form.Item label="协调人姓名" name="coordinatorName" rules={[max(200)]} extra="指定他人时填写">
            <Input />
          </Form.Item>
        </>
      ),
      // An empty body takes the case oneself.
      submit: (v: { coordinator?: string; coordinatorName?: string }) =>
        ok(
          api.POST('/api/v1/objections/{id}/assignment', {
            ...path,
            body: v.coordinator?.trim()
              ? { coordinator: v.coordinator.trim(), ...optional('coordinatorName', v.coordinatorName) }
              : {},
          }),
        ),
      // A coordinator already on the case is replaced (改派), whoever does it.
      done: o.state === 'coordinating' && o.coordinator ? '已改派协调人' : '已受理协调',
    },
    statement: {
      form: () =>
        text(`${terms.statement}内容`, 'text', [required('请填写陈述内容'), max(8000)], 5, '陈述提交后不可修改'),
      submit: (v: { text: string }) =>
        ok(api.POST('/api/v1/objections/{id}/statements', { ...path, body: { text: v.text.trim() } })),
      done: '陈述已提交',
    },
    minutes: {
      initialValues: { heldAt: dayjs() },
      form: () => (
        <>
          <Form.Item
            label="会商时间"
            name="heldAt"
            rules={[
              { required: true, message: '请选择会商时间' },
              {
                validator: async (_, d?: Dayjs) => {
                  if (d && d.isAfter(dayjs().add(5, 'minute'))) throw new Error('会商时间不能晚于现在');
                },
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: 220 }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          {text(
            `${terms.minutes}内容`,
            'text',
            [required('请填写会商纪要'), max(20000)],
            6,
            '参会单位、各方意见、会商结论；提交后不可修改',
          )}
        </>
      ),
      submit: (v: { text: string; heldAt: Dayjs }) =>
        ok(
          api.POST('/api/v1/objections/{id}/minutes', {
            ...path,
            body: { text: v.text.trim(), heldAt: v.heldAt.toISOString() },
          }),
        ),
      done: '会商纪要已记录',
    },
    rule: {
      form: () => (
        <>
          <OutcomeItems outcomes={['share', 'conditional_share', 'uphold_refusal']} />
          {text('理由', 'reasoning', [required('请填写协调意见的理由'), max(8000)], 5)}
        </>
      ),
      submit: (v: { outcome: Outcome; reasoning: string; conditions?: string }) =>
        ok(
          api.POST('/api/v1/objections/{id}/ruling', {
            ...path,
            body: { outcome: v.outcome, reasoning: v.reasoning.trim(), ...conditionsOf(v) },
          }),
        ),
    },
    escalate: {
      form: () => text('提请理由', 'reason', [required('请填写提请市人民政府统筹协调的理由'), max(2000)], 4),
      submit: (v: { reason: string }) =>
        ok(api.POST('/api/v1/objections/{id}/escalation', { ...path, body: { reason: v.reason.trim() } })),
    },
    government_decision: {
      form: () => (
        <>
          <OutcomeItems outcomes={['share', 'conditional_share', 'uphold_refusal']} conditionsOptional />
          {text('决定理由', 'reasoning', [required('请填写决定理由'), max(8000)], 4)}
          <Form.Item label="决定文号" name="documentRef" rules={[max(200)]} extra="选填：市人民政府决定文件的文号">
            <Input />
          </Form.Item>
        </>
      ),
      submit: (v: { outcome: Outcome; reasoning: string; conditions?: string; documentRef?: string }) =>
        ok(
          api.POST('/api/v1/objections/{id}/government-decision', {
            ...path,
            body: {
              outcome: v.outcome,
              reasoning: v.reasoning.trim(),
              ...optional('conditions', v.conditions),
              ...optional('documentRef', v.documentRef),
            },
          }),
        ),
    },
  };
}
