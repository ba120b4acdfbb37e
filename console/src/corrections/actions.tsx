// The forms behind the buttons of a correction (CaseActions specs): the verifying agency's 延期
// (once, approved by its head, recorded by name), 核实处理 (已更正 / 维持原数据 / 转办) and 退回大数据局
// (not its data, owner unknown); the bureau coordinator's 转交核实单位 of a returned report.
// Form item names are the endpoints' body fields.
import { correctionOutcomeLabels, terms } from '@glossary';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { api, ok, type Schemas } from '../api/client.ts';
import type { operations } from '../api/schema.d.ts';
import type { SpecsFor } from '../components/CaseActions.tsx';
import type { correctionButtons } from './buttons.ts';

type Correction = Schemas['Correction'];
type Verification = operations['verifyCorrection']['requestBody']['content']['application/json'];

const required = (message: string) => ({ required: true, whitespace: true, message });
const max = (n: number) => ({ max: n, message: `最多${n}个字` });

export function correctionActionSpecs(
  c: Correction,
  agencies: { code: string; name: string }[],
): SpecsFor<typeof correctionButtons> {
  const path = { params: { path: { id: c.id } } };
  const others = agencies.filter((a) => a.code !== c.assignedAgency);
  return {
    extend: {
      form: () => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${terms.verifyDue}只能延长一次，须经本单位负责人批准，并在期限届满前办理`}
          />
          <Form.Item
            label={terms.approvedBy}
            name="approvedBy"
            rules={[required('请填写批准延期的单位负责人姓名'), max(200)]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="延期理由" name="reason" rules={[required('请填写延期理由'), max(2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ),
      submit: (v: { approvedBy: string; reason: string }) =>
        ok(
          api.POST('/api/v1/corrections/{id}/extension', {
            ...path,
            body: { approvedBy: v.approvedBy.trim(), reason: v.reason.trim() },
          }),
        ),
      done: `${terms.verifyDue}已延长`,
    },
    verify: {
      initialValues: { outcome: 'corrected' },
      form: () => (
        <>
          <Form.Item
            label={terms.outcome}
            name="outcome"
            rules={[{ required: true, message: `请选择${terms.outcome}` }]}
          >
            <Radio.Group
              options={Object.entries(correctionOutcomeLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) =>
              getFieldValue('outcome') === 'transferred' ? (
                <Form.Item
                  label={terms.transferTo}
                  name="transferTo"
                  rules={[{ required: true, message: '请选择数据所有单位' }]}
                >
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder="请选择数据所有单位"
                    options={others.map((a) => ({ value: a.code, label: a.name }))}
                  />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) => (
              <Form.Item
                label={terms.verifyNote}
                name="note"
                rules={[required(`请填写${terms.verifyNote}`), max(4000)]}
                extra={
                  getFieldValue('outcome') === 'no_change' ? '维持原数据的，请说明理由和依据' : '说明核实情况和处理结果'
                }
              >
                <Input.TextArea rows={4} />
              </Form.Item>
            )}
          </Form.Item>
        </>
      ),
      submit: (v: { outcome: Verification['outcome']; note: string; transferTo?: string }) => {
        const to = v.outcome === 'transferred' && v.transferTo ? { transferTo: v.transferTo } : {};
        const body = { outcome: v.outcome, note: v.note.trim(), ...to };
        return ok(api.POST('/api/v1/corrections/{id}/verification', { ...path, body }));
      },
      done: '核实结果已提交',
    },
    return: {
      form: () => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="确非本单位数据、又不清楚数据所有单位的，退回大数据局，由协调人转交；知道所有单位的，请用“核实处理”转办"
          />
          <Form.Item
            label={terms.returnReason}
            name="reason"
            rules={[required(`请填写${terms.returnReason}`), max(2000)]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ),
      submit: (v: { reason: string }) =>
        ok(api.POST('/api/v1/corrections/{id}/return', { ...path, body: { reason: v.reason.trim() } })),
      done: '已退回大数据局',
    },
    forward: {
      form: () => (
        <>
          <Form.Item
            label={terms.verifyingAgency}
            name="agency"
            rules={[{ required: true, message: '请选择核实单位' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="请选择核实单位"
              options={agencies.map((a) => ({ value: a.code, label: a.name }))}
            />
          </Form.Item>
          <Form.Item label="转交说明" name="note" rules={[max(2000)]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ),
      submit: (v: { agency: string; note?: string }) => {
        const note = v.note?.trim() ? { note: v.note.trim() } : {};
        return ok(api.POST('/api/v1/corrections/{id}/forwarding', { ...path, body: { agency: v.agency, ...note } }));
      },
      done: '已转交核实单位',
    },
  };
}
