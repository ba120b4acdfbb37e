// 申请共享: apply for another agency's resource — which data items, for what purpose, on what duty
// basis, in what scope, for how long, delivered how, under which security measures. Submitted with
// an Idempotency-Key, so a double click or a retry files one application.
import { deliveryMethodLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import type { operations } from '../api/schema.d.ts';
import { usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { showFieldErrors } from '../components/fieldErrors.ts';
import { ShareTypeTag } from '../catalog/tags.tsx';
import { CheckboxGroupField, max, required } from './form-items.tsx';
import { keyFor, PersonalTag, Section } from './shared.tsx';
import { Card } from '../components/Card.tsx';
import { Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';
import { Notice } from '../components/Notice.tsx';

type Body = operations['submitShareApplication']['requestBody']['content']['application/json'];
interface Values {
  fields: string[];
  purpose: string;
  dutyBasis: string;
  usageScope: string;
  periodMonths: number;
  deliveryMethod: Schemas['ShareApplication']['deliveryMethod'];
  securityMeasures?: string;
}

const MAX_PERIOD_MONTHS = 36;
const fill = (what: string) => required(`请填写${what}`);

export default function ApplyPage() {
  const [params] = useSearchParams();
  const resourceId = params.get('resourceId') ?? '';
  const resource = useQuery({
    queryKey: ['catalog', 'resource', resourceId],
    queryFn: () => ok(api.GET('/api/v1/catalog/resources/{id}', { params: { path: { id: resourceId } } })),
    enabled: !!resourceId,
  });

  if (!resourceId) {
    return (
      <Notice
        status="info"
        title="请先在资源目录中选择要申请的数据资源"
        extra={
          <Link to="/catalog">
            <Button type="primary">前往{terms.catalog}</Button>
          </Link>
        }
      />
    );
  }
  if (resource.isPending) return <Card loading />;
  if (resource.isError) return <Alert type="error" showIcon title={messageOf(resource.error)} />;
  return <ApplyForm resource={resource.data} />;
}

function ApplyForm({ resource: r }: { resource: Schemas['Resource'] }) {
  const p = usePrincipal();
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const ownAgency = p.agency === r.providerAgency;

  const submit = async (v: Values) => {
    const body: Body = {
      resourceId: r.id,
      fields: v.fields,
      purpose: v.purpose.trim(),
      dutyBasis: v.dutyBasis.trim(),
      usageScope: v.usageScope.trim(),
      periodMonths: v.periodMonths,
      deliveryMethod: v.deliveryMethod,
      ...(v.securityMeasures?.trim() ? { securityMeasures: v.securityMeasures.trim() } : {}),
    };
    setBusy(true);
    try {
      const created = await ok(
        api.POST('/api/v1/share-applications', {
          params: { header: { 'idempotency-key': keyFor(attempt, body) } },
          body,
        }),
      );
      toast.success('申请已提交');
      void navigate(`/share-applications/${created.id}`, { replace: true });
    } catch (error) {
      if (!showFieldErrors(form, error)) {
        const detailed = error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.detail;
        toast.error(detailed ? `${messageOf(error)}：${error.detail}` : messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          申请共享：{r.name}
        </Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'code', label: '资源编码', children: <Link to={`/catalog/${r.id}`}>{r.code}</Link> },
            { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
            {
              key: 'type',
              label: terms.shareType,
              children: <ShareTypeTag type={r.shareType} tone={r.shareType === 'not_shared' ? 'red' : undefined} />,
            },
            { key: 'basis', label: terms.legalBasis, children: r.legalBasis ?? '—' },
            { key: 'conditions', label: terms.conditions, children: r.shareConditions ?? '—', span: 2 },
          ]}
        />
        {r.shareType === 'not_shared' && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title="该资源在目录中为不予共享"
            description={`提交后将依据目录注明的法律依据（${r.legalBasis ?? '未注明'}）即时不予共享；如确因履职需要，可在不予共享后提出异议。`}
          />
        )}
        {r.shareType === 'conditional' && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title="有条件共享的资源由数据提供单位审核"
            description="请如实填写用途、履职依据和使用范围，数据提供单位将在审核期限内作出决定。"
          />
        )}
        {ownAgency && <Alert style={{ marginTop: 16 }} type="error" showIcon title="本单位提供的资源无需申请共享" />}
      </Card>
      <Card title={<Section>申请内容</Section>}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          style={{ maxWidth: 760 }}
          initialValues={{
            fields: r.fields.filter((f) => !f.personal).map((f) => f.name),
            periodMonths: 12,
            deliveryMethod: 'api',
          }}
        >
          <Form.Item
            label={`申请${terms.dataItems}`}
            name="fields"
            extra={`默认勾选不含${terms.personalInfo}的数据项；请按最小必要原则只勾选履职所需的数据项`}
            rules={[{ type: 'array', min: 1, required: true, message: '请至少选择一个数据项' }]}
          >
            <CheckboxGroupField
              label={`申请${terms.dataItems}`}
              style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 24px' }}
            >
              {r.fields.map((f) => (
                <Checkbox key={f.name} value={f.name}>
                  {f.name}
                  {f.personal && <PersonalTag />}
                </Checkbox>
              ))}
            </CheckboxGroupField>
          </Form.Item>
          <Form.Item label={terms.purpose} name="purpose" rules={[fill(terms.purpose), max(2000)]}>
            <Input.TextArea rows={3} placeholder="例如：企业开办登记时核验法定代表人身份" />
          </Form.Item>
          <Form.Item
            label={terms.dutyBasis}
            name="dutyBasis"
            rules={[fill(terms.dutyBasis), max(2000)]}
            extra="本单位履行职责所依据的法律法规或“三定”规定"
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={terms.usageScope} name="usageScope" rules={[fill(terms.usageScope), max(2000)]}>
            <Input.TextArea rows={2} placeholder="例如：仅限本单位登记注册处使用" />
          </Form.Item>
          <Space size="large" wrap align="start">
            <Form.Item
              label={`${terms.periodOfUse}（月）`}
              name="periodMonths"
              rules={[
                { required: true, message: `请填写${terms.periodOfUse}` },
                {
                  type: 'number',
                  min: 1,
                  max: MAX_PERIOD_MONTHS,
                  message: `${terms.periodOfUse}为1至${MAX_PERIOD_MONTHS}个月`,
                },
              ]}
            >
              <InputNumber min={1} max={MAX_PERIOD_MONTHS} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label={terms.deliveryMethod}
              name="deliveryMethod"
              rules={[{ required: true, message: `请选择${terms.deliveryMethod}` }]}
            >
              <Radio.Group options={Object.entries(deliveryMethodLabels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Space>
          <Form.Item
            label={terms.securityMeasures}
            name="securityMeasures"
            rules={[max(2000)]}
            extra="选填：访问控制、日志留存、脱敏等措施"
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={ownAgency}>
              提交申请
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
