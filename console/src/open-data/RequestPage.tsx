// 申请使用 a conditionally-open dataset: who asks (个人 with 身份证号, or 组织 with 统一社会信用代码 —
// both checked as they are typed, the API staying the authority), which data items, for what use
// and scenario, for how long, in what processing environment, and the accepted security commitment.
// Submitted with an Idempotency-Key, so a double click or a retry files one request.
import { terms, updateCycleLabels } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import type { operations } from '../api/schema.d.ts';
import { useAgencyName } from '../components/agencies.ts';
import { showFieldErrors } from '../components/fieldErrors.ts';
import { CheckboxGroupField } from '../share-applications/form-items.tsx';
import { keyFor, Section } from '../share-applications/shared.tsx';
import { commitmentParagraphs } from './commitment.ts';
import { identifierRule, serverIdentifierMessage, type IdentifierKind } from './identifiers.ts';
import { errorText, MAX_PERIOD_MONTHS, periodRules } from './shared.ts';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';
import { Notice } from '../components/Notice.tsx';

type Body = operations['submitOpenDataRequest']['requestBody']['content']['application/json'];
interface Values {
  requester: { kind: 'person' | 'organization'; name: string; idNumber?: string; creditCode?: string; contact: string };
  fields: string[];
  purpose: string;
  scenario: string;
  periodMonths: number;
  securityMeasures: string;
  commitmentAccepted: boolean;
}

const required = (what: string) => ({ required: true, whitespace: true, message: `请填写${what}` });
const max = (n: number) => ({ max: n, message: `最多${n}个字` });
const kinds = [
  { value: 'person', label: terms.person },
  { value: 'organization', label: terms.organization },
];

export default function RequestPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resourceId = params.get('resourceId') ?? '';
  const resource = useQuery({
    queryKey: ['catalog', 'resource', resourceId],
    queryFn: () => ok(api.GET('/api/v1/catalog/resources/{id}', { params: { path: { id: resourceId } } })),
    enabled: !!resourceId,
  });
  const toPortal = (
    <Button type="primary" onClick={() => navigate('/open-data')}>
      前往{terms.openData}
    </Button>
  );
  if (!resourceId) return <Notice status="info" title="请先在开放数据中选择要申请使用的数据" extra={toPortal} />;
  if (resource.isPending) return <Card loading />;
  if (resource.isError) return <Alert type="error" showIcon title={messageOf(resource.error)} />;
  if (resource.data.openType !== 'conditional') {
    return <Notice status="warning" title="该数据不属于有条件开放数据，无需在此申请" extra={toPortal} />;
  }
  return <RequestForm resource={resource.data} />;
}

function RequestForm({ resource: r }: { resource: Schemas['Resource'] }) {
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch(['requester', 'kind'], form) ?? 'person';
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = async (v: Values) => {
    const q = v.requester;
    const requester: Body['requester'] =
      q.kind === 'person'
        ? { kind: 'person', name: q.name.trim(), idNumber: (q.idNumber ?? '').trim(), contact: q.contact.trim() }
        : {
            kind: 'organization',
            name: q.name.trim(),
            creditCode: (q.creditCode ?? '').trim(),
            contact: q.contact.trim(),
          };
    const body: Body = {
      resourceId: r.id,
      requester,
      fields: v.fields,
      purpose: v.purpose.trim(),
      scenario: v.scenario.trim(),
      periodMonths: v.periodMonths,
      securityMeasures: v.securityMeasures.trim(),
      commitmentAccepted: true,
    };
    setBusy(true);
    try {
      const header = { 'idempotency-key': keyFor(attempt, body) };
      const created = await ok(api.POST('/api/v1/open-data-requests', { params: { header }, body }));
      toast.success('申请已提交');
      void navigate(`/open-data-requests/${created.id}`, { replace: true });
    } catch (error) {
      const shown = showFieldErrors(form, error);
      // The identifiers' refusals in the same words as the check as typed.
      if (error instanceof ApiError) {
        for (const e of error.errors) {
          const k = e.path.split('.')[1] as IdentifierKind;
          if (e.path === `requester.${q.kind === 'person' ? 'idNumber' : 'creditCode'}`) {
            form.setFields([{ name: ['requester', k], errors: [serverIdentifierMessage(k, e.message)] }]);
          }
        }
      }
      if (!shown) toast.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const person = kind === 'person';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          申请使用：{r.name}
        </Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'code', label: '数据编码', children: r.code },
            { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
            { key: 'cycle', label: terms.updateCycle, children: updateCycleLabels[r.updateCycle] },
            { key: 'basis', label: terms.legalBasis, children: r.legalBasis ?? '—' },
            { key: 'conditions', label: terms.openConditions, children: r.openConditions ?? '—', span: 2 },
          ]}
        />
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title="申请由大数据局形式审查后，交数据提供单位审核"
          description={`审核同意后，请在期限内阅读并签署${terms.agreement}，签署后即获得${terms.credential}。`}
        />
      </Card>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          requester: { kind: 'person' },
          fields: r.fields.map((f) => f.name),
          periodMonths: 12,
        }}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={<Section>{terms.requester}</Section>}>
            <div style={{ maxWidth: 760 }}>
              <Form.Item
                label={terms.requesterKind}
                name={['requester', 'kind']}
                rules={[{ required: true, message: `请选择${terms.requesterKind}` }]}
              >
                <Radio.Group options={kinds} />
              </Form.Item>
              <Space size="large" wrap align="start" style={{ width: '100%' }}>
                <Form.Item
                  label={person ? terms.personName : terms.organizationName}
                  name={['requester', 'name']}
                  rules={[required(person ? terms.personName : terms.organizationName), max(person ? 100 : 200)]}
                  style={{ minWidth: 280 }}
                >
                  <Input autoComplete={person ? 'name' : 'organization'} />
                </Form.Item>
                {person ? (
                  <Form.Item
                    key="id"
                    label={terms.idNumber}
                    name={['requester', 'idNumber']}
                    style={{ minWidth: 320 }}
                    rules={[required(terms.idNumber), identifierRule('idNumber')]}
                    extra="18位，最后一位可为X"
                  >
                    <Input maxLength={18} inputMode="text" autoComplete="off" spellCheck={false} />
                  </Form.Item>
                ) : (
                  <Form.Item
                    key="credit"
                    label={terms.creditCode}
                    name={['requester', 'creditCode']}
                    style={{ minWidth: 320 }}
                    rules={[required(terms.creditCode), identifierRule('creditCode')]}
                    extra="18位，营业执照上的代码"
                  >
                    <Input maxLength={18} autoComplete="off" spellCheck={false} />
                  </Form.Item>
                )}
              </Space>
              <Form.Item
                label={terms.contact}
                name={['requester', 'contact']}
                rules={[required(terms.contact), max(200)]}
                extra="手机号码或电子邮箱，用于接收审核结果"
                style={{ maxWidth: 400 }}
              >
                <Input autoComplete="tel" />
              </Form.Item>
            </div>
          </Card>
          <Card title={<Section>申请内容</Section>}>
            <div style={{ maxWidth: 760 }}>
              <Form.Item
                label={`申请${terms.dataItems}`}
                name="fields"
                extra="默认申请全部数据项；请按最小必要原则只勾选所需的数据项"
                rules={[{ type: 'array', min: 1, required: true, message: '请至少选择一个数据项' }]}
              >
                <CheckboxGroupField
                  label={`申请${terms.dataItems}`}
                  style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 24px' }}
                  options={r.fields.map((f) => ({ value: f.name, label: f.name }))}
                />
              </Form.Item>
              <Form.Item label={terms.use} name="purpose" rules={[required(terms.use), max(2000)]}>
                <Input.TextArea rows={3} placeholder="例如：研究本市企业信用状况与营商环境的关系" />
              </Form.Item>
              <Form.Item label={terms.scenario} name="scenario" rules={[required(terms.scenario), max(2000)]}>
                <Input.TextArea rows={2} placeholder="例如：学术论文、产品研发、公益服务" />
              </Form.Item>
              <Form.Item label={`${terms.periodOfUse}（月）`} name="periodMonths" rules={periodRules}>
                <InputNumber min={1} max={MAX_PERIOD_MONTHS} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                label={terms.processingEnvironment}
                name="securityMeasures"
                rules={[required(terms.processingEnvironment), max(4000)]}
                extra="数据存放和处理的环境、访问控制、日志留存、脱敏等措施"
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </div>
          </Card>
          <Card title={<Section>{terms.commitment}</Section>}>
            <div
              id="commitment-text"
              role="region"
              aria-label={terms.commitment}
              style={{ maxWidth: 760, marginBottom: 16 }}
            >
              {commitmentParagraphs.map((t) => (
                <Paragraph key={t} style={{ marginBottom: 8 }}>
                  {t}
                </Paragraph>
              ))}
            </div>
            <Form.Item
              name="commitmentAccepted"
              valuePropName="checked"
              rules={[
                {
                  validator: async (_, v?: boolean) => {
                    if (!v) throw new Error(`请阅读并接受${terms.commitment}`);
                  },
                },
              ]}
            >
              <Checkbox aria-describedby="commitment-text">我已阅读并接受《{terms.commitment}》</Checkbox>
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                提交申请
              </Button>
              <Button onClick={() => navigate(-1)}>取消</Button>
            </Space>
          </Card>
        </Space>
      </Form>
    </Space>
  );
}
