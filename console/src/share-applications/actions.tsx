// The forms behind the buttons of a share application (CaseActions specs): the provider's
// decision (通过 / 不予共享 / 要求补正 / 延期), the applicant's 补正, 撤回, 申请续期 and 提出异议,
// the bureau's 督办, 撤销 of a grant, and the applicant's 获取访问凭证 while the grant is live. Form
// item names are the endpoints' body fields.
import { terms } from '@glossary';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import type { NavigateFunction } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import type { operations } from '../api/schema.d.ts';
import type { SpecsFor } from '../components/CaseActions.tsx';
import type { shareButtons } from './buttons.ts';
import type { IssuedCredential } from '../components/CredentialModal.tsx';
import { CheckboxGroupField, max, notice, opt, optional, required, text } from './form-items.tsx';
import { keyFor } from './shared.tsx';

type Application = Schemas['ShareApplication'];
type Decision = operations['decideShareApplication']['requestBody']['content']['application/json'];

const MAX_PERIOD_MONTHS = 36;
const MAX_EXTENSION_WD = 10;
const range = (what: string, top: number, unit: string) => ({
  type: 'number' as const,
  min: 1,
  max: top,
  message: `${what}为1至${top}${unit}`,
});
const number = (label: string, name: string, top: number, unit: string, extra?: string) => (
  <Form.Item
    label={label}
    name={name}
    extra={extra}
    rules={[{ required: true, message: `请填写${label}` }, range(label, top, unit)]}
  >
    <InputNumber min={1} max={top} precision={0} style={{ width: 160 }} />
  </Form.Item>
);

/**
 * 需补正材料: one input per item, at least one; everything is asked for at once (一次性告知). A blank
 * item says so under itself; the list's own rule speaks only when there is no item at all, so each
 * problem shows once.
 */
function MissingItems() {
  return (
    <Form.List
      name="missing"
      rules={[
        {
          validator: async (_, v?: string[]) => {
            if (!v?.length) throw new Error('请一次性列明需补正的全部材料');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={terms.missingItems} required>
          {fields.map((f, i) => (
            <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <Form.Item
                name={f.name}
                style={{ flex: 1, marginBottom: 8 }}
                rules={[required(fields.length > 1 ? '请填写该项材料，或删除此项' : '请填写需补正的材料'), max(500)]}
              >
                <Input
                  aria-label={`${terms.missingItems}第${i + 1}项`}
                  placeholder="例如：履职依据文件（盖章扫描件）"
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button type="link" onClick={() => remove(f.name)} aria-label={`删除第${i + 1}项`}>
                  删除
                </Button>
              )}
            </div>
          ))}
          <Button type="dashed" onClick={() => add('')}>
            ＋ 添加一项
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}

export function shareActionSpecs(
  a: Application,
  navigate: NavigateFunction,
  objectionAttempt: { current: { body: string; key: string } | null },
  /** Receives a credential just issued for the grant, shown once. */
  onCredential: (issued: IssuedCredential) => void,
): SpecsFor<typeof shareButtons> {
  const path = { params: { path: { id: a.id } } };
  const decide = (body: Decision) => ok(api.POST('/api/v1/share-applications/{id}/decision', { ...path, body }));
  // A renewal is approved like the first request, within the grant's fields and the renewal's period.
  const renewal = a.state === 'granted' && a.renewal?.state === 'pending_review' ? a.renewal : null;
  const requested = renewal ? (a.grant?.fields ?? []) : a.fields;
  const maxPeriod = renewal ? renewal.periodMonths : a.periodMonths;

  return {
    approve: {
      initialValues: { fields: requested, periodMonths: maxPeriod },
      form: () => (
        <>
          {text(terms.conditions, 'conditions', [max(4000)], 3, '选填：使用数据须遵守的条件，如脱敏、仅限核验等')}
          <Form.Item
            label={`同意共享的${terms.dataItems}`}
            name="fields"
            extra="可缩小为申请数据项中的一部分"
            rules={[{ type: 'array', min: 1, required: true, message: '请至少保留一个数据项' }]}
          >
            <CheckboxGroupField
              label={`同意共享的${terms.dataItems}`}
              options={requested.map((f) => ({ value: f, label: f }))}
            />
          </Form.Item>
          {number(`${terms.periodOfUse}（月）`, 'periodMonths', maxPeriod, '个月', `可缩短，最长${maxPeriod}个月`)}
        </>
      ),
      submit: (v: { conditions?: string; fields: string[]; periodMonths: number }) =>
        decide({
          decision: 'approve',
          ...optional('conditions', v.conditions),
          ...(v.fields.length < requested.length ? { fields: v.fields } : {}),
          ...(v.periodMonths !== maxPeriod ? { periodMonths: v.periodMonths } : {}),
        }),
    },
    reject: {
      form: () => (
        <>
          {text('理由', 'reason', [required('请填写不予共享的理由'), max(2000)])}
          {text(
            terms.legalBasis,
            'legalBasis',
            [required('不予共享须注明法律依据'), max(2000)],
            2,
            '如：《中华人民共和国个人信息保护法》第十三条',
          )}
        </>
      ),
      submit: (v: { reason: string; legalBasis: string }) =>
        decide({ decision: 'reject', reason: v.reason.trim(), legalBasis: v.legalBasis.trim() }),
    },
    request_supplement: {
      initialValues: { missing: [''] },
      form: () => (
        <>
          {notice(`${terms.oneTimeNotice}：请一次列明需补正的全部材料，补正只能要求一次`)}
          <MissingItems />
        </>
      ),
      submit: (v: { missing: string[] }) =>
        decide({ decision: 'request_supplement', missing: v.missing.map((s) => s.trim()).filter(Boolean) }),
    },
    extend: {
      form: () => (
        <>
          {notice(`${terms.reviewDue}只能延长一次，最多${MAX_EXTENSION_WD}个工作日，须在期限届满前申请`)}
          {number('延长工作日数', 'extendWd', MAX_EXTENSION_WD, '个工作日')}
          {text('延期理由', 'reason', [required('请填写延期理由'), max(2000)])}
        </>
      ),
      submit: (v: { extendWd: number; reason: string }) =>
        decide({ decision: 'extend', extendWd: v.extendWd, reason: v.reason.trim() }),
    },
    supplement: {
      initialValues: { purpose: a.purpose, dutyBasis: a.dutyBasis, usageScope: a.usageScope },
      form: () => (
        <>
          {a.missing?.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={terms.missingItems}
              description={
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {a.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ol>
              }
            />
          ) : null}
          {text('补正说明', 'note', [required('请填写补正说明'), max(2000)], 3, '说明已补充的材料及其提交方式')}
          {text(terms.purpose, 'purpose', [required(`请填写${terms.purpose}`), max(2000)], 2, '如需更正请修改')}
          {text(terms.dutyBasis, 'dutyBasis', [required(`请填写${terms.dutyBasis}`), max(2000)], 2, '如需更正请修改')}
          {text(
            terms.usageScope,
            'usageScope',
            [required(`请填写${terms.usageScope}`), max(2000)],
            2,
            '如需更正请修改',
          )}
        </>
      ),
      submit: (v: { note: string; purpose: string; dutyBasis: string; usageScope: string }) => {
        // Only what the applicant corrected is sent: the rest of the request stays as it was.
        const changed = (k: 'purpose' | 'dutyBasis' | 'usageScope') =>
          optional(k, opt(v[k]) !== a[k] ? v[k] : undefined);
        return ok(
          api.POST('/api/v1/share-applications/{id}/supplement', {
            ...path,
            body: { note: v.note.trim(), ...changed('purpose'), ...changed('dutyBasis'), ...changed('usageScope') },
          }),
        );
      },
      done: '已补正，等待数据提供单位审核',
    },
    withdraw: {
      form: () => text('撤回理由', 'reason', [max(2000)], 2, '选填'),
      submit: (v: { reason?: string }) =>
        ok(api.POST('/api/v1/share-applications/{id}/withdrawal', { ...path, body: optional('reason', v.reason) })),
    },
    urge: {
      form: () => text('督办意见', 'note', [max(2000)], 2, '选填：将通知数据提供单位'),
      submit: (v: { note?: string }) =>
        ok(api.POST('/api/v1/share-applications/{id}/urge', { ...path, body: optional('note', v.note) })),
    },
    renew: {
      initialValues: { periodMonths: a.periodMonths },
      form: () => (
        <>
          {number(
            '续期期限（月）',
            'periodMonths',
            MAX_PERIOD_MONTHS,
            '个月',
            `自当前授权到期日起计算，最长${MAX_PERIOD_MONTHS}个月`,
          )}
          {text('续期理由', 'reason', [required('请填写续期理由'), max(2000)])}
        </>
      ),
      submit: (v: { periodMonths: number; reason: string }) =>
        ok(
          api.POST('/api/v1/share-applications/{id}/renewal', {
            ...path,
            body: { periodMonths: v.periodMonths, reason: v.reason.trim() },
          }),
        ),
    },
    credential: {
      confirm:
        `${terms.credential}供数据共享交换平台核验本单位的${terms.grant}；签发后，此前签发的${terms.credential}随即停止使用。` +
        '新凭证只显示这一次。',
      // The answer goes straight to the page's memory: no query holds it.
      submit: async () => {
        const issued = await ok(api.POST('/api/v1/share-applications/{id}/credential', path));
        onCredential(issued);
        return null;
      },
      done: `${terms.credential}已签发`,
    },
    revoke: {
      form: () => text('撤销理由', 'reason', [required('请填写撤销理由'), max(2000)]),
      submit: (v: { reason: string }) =>
        ok(api.POST('/api/v1/share-applications/{id}/revocation', { ...path, body: { reason: v.reason.trim() } })),
    },
    object: {
      form: () => (
        <>
          {notice('提出异议后，双方先行协商；协商不成的，由大数据局协调')}
          {text('异议陈述', 'statement', [required('请填写异议陈述'), max(8000)], 5, '说明不同意不予共享决定的理由')}
          {text(terms.dutyBasis, 'dutyBasis', [max(2000)], 2, '选填：补充本单位的履职依据')}
        </>
      ),
      submit: async (v: { statement: string; dutyBasis?: string }) => {
        const body = { statement: v.statement.trim(), ...optional('dutyBasis', v.dutyBasis) };
        const objection = await ok(
          api.POST('/api/v1/share-applications/{id}/objection', {
            params: { path: { id: a.id }, header: { 'idempotency-key': keyFor(objectionAttempt, body) } },
            body,
          }),
        );
        void navigate(`/objections/${objection.id}`);
        return objection;
      },
      done: '异议已提出',
    },
  };
}
