// 报告数据错误: which record of a resource is wrong, in which data item, what it says and what it
// should say, why, and the evidence. The resource is marked 数据存疑 until the provider has verified.
// Submitted with an Idempotency-Key, so a double click or a retry files one report.
import { processLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import type { operations } from '../api/schema.d.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { showFieldErrors } from '../components/fieldErrors.ts';
import { LazySelect } from '../components/LazySelect.tsx';
import { errorText } from '../open-data/shared.ts';
import { keyFor, Section } from '../share-applications/shared.tsx';
import { mayOpen } from '../components/access.ts';
import { Card } from '../components/Card.tsx';
import { Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';
import { Notice } from '../components/Notice.tsx';

type Body = operations['reportCorrection']['requestBody']['content']['application/json'];
interface Values {
  recordRef: string;
  field?: string;
  currentValue?: string;
  claimedValue?: string;
  description: string;
  evidence?: string;
}

const required = (what: string) => ({ required: true, whitespace: true, message: `请填写${what}` });
const max = (n: number) => ({ max: n, message: `最多${n}个字` });
const opt = (s: string | undefined): string | undefined => (s?.trim() ? s.trim() : undefined);

export default function ReportPage() {
  const [params] = useSearchParams();
  const p = usePrincipal();
  const navigate = useNavigate();
  const resourceId = params.get('resourceId') ?? '';
  const resource = useQuery({
    queryKey: ['catalog', 'resource', resourceId],
    queryFn: () => ok(api.GET('/api/v1/catalog/resources/{id}', { params: { path: { id: resourceId } } })),
    enabled: !!resourceId,
  });
  if (!resourceId) {
    const [to, where] = hasRole(p, 'public') ? ['/open-data', terms.openData] : ['/catalog', terms.catalog];
    const go = mayOpen(p, to) ? (
      <Button type="primary" onClick={() => navigate(to)}>
        前往{where}
      </Button>
    ) : null;
    return <Notice status="info" title="请先选择存在错误的数据资源" extra={go} />;
  }
  if (resource.isPending) return <Card loading />;
  if (resource.isError) return <Alert type="error" showIcon title={messageOf(resource.error)} />;
  return <ReportForm resource={resource.data} />;
}

function ReportForm({ resource: r }: { resource: Schemas['Resource'] }) {
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = async (v: Values) => {
    const body: Body = {
      resourceId: r.id,
      recordRef: v.recordRef.trim(),
      description: v.description.trim(),
      ...(v.field ? { field: v.field } : {}),
      ...(opt(v.currentValue) ? { currentValue: opt(v.currentValue)! } : {}),
      ...(opt(v.claimedValue) ? { claimedValue: opt(v.claimedValue)! } : {}),
      ...(opt(v.evidence) ? { evidence: opt(v.evidence)! } : {}),
    };
    setBusy(true);
    try {
      const header = { 'idempotency-key': keyFor(attempt, body) };
      const created = await ok(api.POST('/api/v1/corrections', { params: { header }, body }));
      toast.success('已报告，数据提供单位将在期限内核实');
      void navigate(`/corrections/${created.id}`, { replace: true });
    } catch (error) {
      if (!showFieldErrors(form, error)) {
        toast.error(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {processLabels.correction}：{r.name}
        </Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'code', label: '资源编码', children: r.code },
            { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
          ]}
        />
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title={`报告后，该资源将标注为“${terms.disputed}”，由${terms.provider}在${terms.verifyDue}内核实处理`}
        />
      </Card>
      <Card title={<Section>错误内容</Section>}>
        <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} scrollToFirstError>
          <Form.Item
            label={terms.recordRef}
            name="recordRef"
            rules={[required(terms.recordRef), max(200)]}
            extra="能唯一确定出错记录的编号或关键信息，如统一社会信用代码、登记编号"
          >
            <Input />
          </Form.Item>
          <Form.Item label={terms.dataItems} name="field" extra="选填：出错的数据项">
            <LazySelect
              allowClear
              placeholder="请选择数据项"
              style={{ maxWidth: 320 }}
              options={r.fields.map((f) => ({ value: f.name, label: f.name }))}
            />
          </Form.Item>
          <Space size="large" wrap align="start" style={{ width: '100%' }}>
            <Form.Item label={terms.currentValue} name="currentValue" rules={[max(2000)]} style={{ minWidth: 320 }}>
              <Input />
            </Form.Item>
            <Form.Item label={terms.claimedValue} name="claimedValue" rules={[max(2000)]} style={{ minWidth: 320 }}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item
            label={terms.errorDescription}
            name="description"
            rules={[required(terms.errorDescription), max(4000)]}
          >
            <Input.TextArea rows={4} placeholder="说明数据错在哪里、如何发现" />
          </Form.Item>
          <Form.Item
            label={terms.evidence}
            name="evidence"
            rules={[max(8000)]}
            extra="选填：证明正确数据的依据，如文件名称、文号或链接"
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交报告
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
