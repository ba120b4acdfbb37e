// The forms behind the buttons of an open-data request (CaseActions specs): the bureau's 形式审查,
// the requester's 重新提交, 签署协议, 报送利用情况 and 获取访问凭证, the provider's 通过 / 不予开放, and 撤销.
// Form item names are the endpoints' body fields.
import { terms } from '@glossary';
import { Alert, Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { api, ok } from '../api/client.ts';
import type { operations } from '../api/schema.d.ts';
import type { SpecsFor } from '../components/CaseActions.tsx';
import type { openDataButtons } from './buttons.ts';
import type { IssuedCredential } from '../components/CredentialModal.tsx';
import { CheckboxGroupField } from '../share-applications/form-items.tsx';
import { AgreementText } from './AgreementText.tsx';
import { MAX_PERIOD_MONTHS, periodRules, type OpenDataRequest } from './shared.ts';
import { Paragraph } from '../components/Typography.tsx';

type Decision = operations['decideOpenDataRequest']['requestBody']['content']['application/json'];
type Resubmission = operations['resubmitOpenDataRequest']['requestBody']['content']['application/json'];

const required = (message: string) => ({ required: true, whitespace: true, message });
const max = (n: number) => ({ max: n, message: `最多${n}个字` });
const opt = (s: string | undefined | null): string | undefined => (s?.trim() ? s.trim() : undefined);
/** One reason a line, blank lines dropped. */
const lines = (s: string | undefined): string[] =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const text = (label: string, name: string, rules: object[] = [], rows = 3, extra?: string) => (
  <Form.Item label={label} name={name} rules={rules} extra={extra}>
    <Input.TextArea rows={rows} />
  </Form.Item>
);

export function openDataActionSpecs(
  r: OpenDataRequest,
  opts: {
    /** The dataset's data items, for a resubmission (the requested ones until they are loaded). */
    datasetFields: string[];
    /** Receives a credential just issued (the signature's, or a new one), shown once. */
    onCredential: (issued: IssuedCredential) => void;
  },
): SpecsFor<typeof openDataButtons> {
  const path = { params: { path: { id: r.id } } };
  const decide = (body: Decision) => ok(api.POST('/api/v1/open-data-requests/{id}/decision', { ...path, body }));

  return {
    formal_check: {
      initialValues: { passed: true },
      form: () => (
        <>
          <Form.Item label="审查结论" name="passed" rules={[{ required: true, message: '请选择审查结论' }]}>
            <Radio.Group
              options={[
                { value: true, label: '通过，转数据提供单位审核' },
                { value: false, label: '不通过，退回申请人补正' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.passed !== b.passed}>
            {({ getFieldValue }) =>
              getFieldValue('passed') === false
                ? text(
                    terms.returnedReasons,
                    'reasons',
                    [required('退回须列明理由'), max(4000)],
                    4,
                    '每行一条，一次性列明需补正的全部内容',
                  )
                : null
            }
          </Form.Item>
        </>
      ),
      submit: (v: { passed: boolean; reasons?: string }) =>
        ok(
          api.POST('/api/v1/open-data-requests/{id}/formal-check', {
            ...path,
            body: v.passed ? { passed: true } : { passed: false, reasons: lines(v.reasons) },
          }),
        ),
      done: '形式审查已完成',
    },
    resubmit: {
      initialValues: {
        fields: r.fields,
        purpose: r.purpose,
        scenario: r.scenario,
        periodMonths: r.periodMonths,
        securityMeasures: r.securityMeasures,
        contact: r.requester.contact,
      },
      form: () => (
        <>
          {r.returnedReasons?.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={terms.returnedReasons}
              description={
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {r.returnedReasons.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ol>
              }
            />
          ) : null}
          <Form.Item
            label={`申请${terms.dataItems}`}
            name="fields"
            rules={[{ type: 'array', min: 1, required: true, message: '请至少选择一个数据项' }]}
          >
            <CheckboxGroupField
              label={`申请${terms.dataItems}`}
              options={opts.datasetFields.map((f) => ({ value: f, label: f }))}
            />
          </Form.Item>
          {text(terms.use, 'purpose', [required(`请填写${terms.use}`), max(2000)], 2)}
          {text(terms.scenario, 'scenario', [required(`请填写${terms.scenario}`), max(2000)], 2)}
          <Form.Item label={`${terms.periodOfUse}（月）`} name="periodMonths" rules={periodRules}>
            <InputNumber min={1} max={MAX_PERIOD_MONTHS} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {text(terms.processingEnvironment, 'securityMeasures', [
            required(`请填写${terms.processingEnvironment}`),
            max(4000),
          ])}
          <Form.Item label={terms.contact} name="contact" rules={[required(`请填写${terms.contact}`), max(200)]}>
            <Input />
          </Form.Item>
        </>
      ),
      submit: (v: Required<Resubmission>) => {
        const body: Resubmission = {
          fields: v.fields,
          purpose: v.purpose.trim(),
          scenario: v.scenario.trim(),
          periodMonths: v.periodMonths,
          securityMeasures: v.securityMeasures.trim(),
          contact: v.contact.trim(),
        };
        return ok(api.POST('/api/v1/open-data-requests/{id}/resubmission', { ...path, body }));
      },
      done: '已重新提交，等待形式审查',
    },
    approve: {
      form: () => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`通过后，申请人须在期限内签署${terms.agreement}`}
          />
          {text(
            terms.useConditions,
            'conditions',
            [max(4000)],
            3,
            '选填：使用数据须遵守的条件，如不得再识别、仅限研究用途等',
          )}
        </>
      ),
      submit: (v: { conditions?: string }) =>
        decide({
          decision: 'approve',
          ...(opt(v.conditions) ? { conditions: opt(v.conditions)! } : {}),
        }),
    },
    reject: {
      form: () => text('不予开放理由', 'reason', [required('请填写不予开放的理由'), max(2000)], 4),
      submit: (v: { reason: string }) => decide({ decision: 'reject', reason: v.reason.trim() }),
    },
    sign: {
      form: () => (
        <>
          <Paragraph>
            {terms.agreement}（第{r.agreementVersion ?? '—'}版）
          </Paragraph>
          {r.agreementText && <AgreementText text={r.agreementText} id="sign-agreement-text" />}
          <Form.Item
            name="accepted"
            valuePropName="checked"
            style={{ marginTop: 16 }}
            rules={[
              {
                validator: async (_, v?: boolean) => {
                  if (!v) throw new Error(`请阅读并同意${terms.agreement}`);
                },
              },
            ]}
          >
            <Checkbox>我已阅读并同意遵守《{terms.agreement}》</Checkbox>
          </Form.Item>
        </>
      ),
      submit: async () => {
        const signed = await ok(
          api.POST('/api/v1/open-data-requests/{id}/agreement', {
            ...path,
            body: { agreementVersion: r.agreementVersion ?? 0, accepted: true },
          }),
        );
        if (signed.credential)
          opts.onCredential({ credential: signed.credential, expiresAt: signed.expiresAt ?? null });
        return null;
      },
      done: '协议已签署',
    },
    report_usage: {
      form: () => (
        <>
          <Form.Item
            label={terms.reportPeriod}
            name="period"
            rules={[required(`请填写${terms.reportPeriod}`), max(100)]}
            extra="例如：2026年第二季度"
          >
            <Input />
          </Form.Item>
          {text(
            terms.usageSummary,
            'summary',
            [required(`请填写${terms.usageSummary}`), max(8000)],
            4,
            '数据使用的范围、方式和安全管理情况',
          )}
          {text(terms.usageOutcomes, 'outcomes', [max(8000)], 3, '选填：形成的研究报告、产品或服务等')}
        </>
      ),
      submit: (v: { period: string; summary: string; outcomes?: string }) => {
        const outcomes = opt(v.outcomes);
        const body = { period: v.period.trim(), summary: v.summary.trim(), ...(outcomes ? { outcomes } : {}) };
        return ok(api.POST('/api/v1/open-data-requests/{id}/usage-reports', { ...path, body }));
      },
      done: `${terms.usageReport}已报送`,
    },
    credential: {
      confirm: `将签发新的${terms.credential}，原${terms.credential}随即停止使用；新凭证只显示这一次。`,
      // The answer goes straight to the page's memory: no query holds it.
      submit: async () => {
        const issued = await ok(api.POST('/api/v1/open-data-requests/{id}/credential', path));
        opts.onCredential(issued);
        return null;
      },
      done: `${terms.credential}已签发`,
    },
    revoke: {
      form: () => (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`撤销后${terms.credential}立即失效，申请人不能再使用该数据`}
          />
          {text('撤销理由', 'reason', [required('请填写撤销理由'), max(2000)])}
        </>
      ),
      submit: (v: { reason: string }) =>
        ok(
          api.POST('/api/v1/open-data-requests/{id}/revocation', {
            ...path,
            body: { reason: v.reason.trim() },
          }),
        ),
    },
  };
}
