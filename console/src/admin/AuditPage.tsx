// 审计校验: the audit chain recomputed end to end (审计链完整 / 审计链在第N条被篡改), and a case's
// audit events looked up by its id, each with its hash and the hash it chains to.
import { eventLabels, processLabels, roleLabels, stateLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencyName } from '../components/agencies.ts';
import { Card } from '../components/Card.tsx';
import { CopyText } from '../components/CopyText.tsx';
import { Paragraph, Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';

type AuditEvent = Schemas['AuditEvent'];
const CASE_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}(?::[A-Za-z0-9_-]{1,64})?)$/i;

/** A state in the words of whichever process has it (an audit event does not name its process). */
function stateWord(state: string | null, caseId: string): string {
  if (!state) return '—';
  const preferred = /^\d{4}$/.test(caseId) ? 'assessment-cycle' : /^\d{4}:/.test(caseId) ? 'assessment' : null;
  const order = preferred ? [preferred, ...Object.keys(processLabels)] : Object.keys(processLabels);
  for (const p of order) {
    const label = (stateLabels[p as keyof typeof stateLabels] as Record<string, string>)[state];
    if (label) return label;
  }
  return state;
}

const roleWord = (role: string) => (roleLabels as Record<string, string>)[role] ?? (role === 'system' ? '系统' : role);

function Hash({ value }: { value: string }) {
  return (
    <CopyText
      code
      text={value}
      tooltips={['复制哈希', '已复制']}
      title={value}
      style={{ fontSize: 12, whiteSpace: 'nowrap' }}
    >
      {value.slice(0, 12)}…
    </CopyText>
  );
}

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const caseId = params.get('caseId') ?? '';
  const agencyName = useAgencyName();
  const verification = useQuery({
    queryKey: ['audit-events', 'verification'],
    queryFn: () => ok(api.GET('/api/v1/audit-events/verification')),
    staleTime: Infinity,
  });
  const events = useQuery({
    queryKey: ['audit-events', caseId],
    queryFn: () => ok(api.GET('/api/v1/audit-events', { params: { query: { caseId } } })),
    enabled: CASE_ID.test(caseId),
  });
  const broken = verification.data?.ok === false ? verification.data.firstBrokenId : undefined;

  return (
    <Card>
      <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        审计校验
      </Title>
      <Paragraph type="secondary">
        每条审批记录都含有前一条记录的哈希，组成一条{terms.auditChain}；任何记录被修改或删除，自该条起哈希即对不上。
      </Paragraph>

      <section aria-labelledby="audit-verify">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
          <Title level={3} id="audit-verify" style={{ fontSize: 16, margin: 0 }}>
            {terms.auditChain}校验
          </Title>
          <Button onClick={() => verification.refetch()} loading={verification.isFetching}>
            重新校验
          </Button>
        </Space>
        <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
          {verification.isError && <Alert type="error" showIcon message={messageOf(verification.error)} />}
          {verification.isPending && <Alert type="info" showIcon message="正在校验…" />}
          {verification.data &&
            (verification.data.ok ? (
              <Alert
                type="success"
                showIcon
                message={`${terms.auditChain}完整`}
                description={
                  `已校验全部 ${verification.data.checked} 条审计记录，未发现篡改。` +
                  `校验时间：${dayjs(verification.dataUpdatedAt).format('YYYY-MM-DD HH:mm:ss')}`
                }
              />
            ) : (
              <Alert
                type="error"
                showIcon
                message={`${terms.auditChain}在第${broken}条被篡改`}
                description={`第${broken}条审计记录的哈希与内容不符：该条或其前后的记录被修改或删除。已校验 ${verification.data.checked} 条。请立即保全数据库并上报。`}
              />
            ))}
        </div>
      </section>

      <Divider />
      <section aria-labelledby="audit-lookup">
        <Title level={3} id="audit-lookup" style={{ fontSize: 16 }}>
          按事项查询审计记录
        </Title>
        <Form
          layout="inline"
          initialValues={{ caseId }}
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={({ caseId: id }: { caseId: string }) =>
            setParams(id.trim() ? { caseId: id.trim() } : {}, { replace: true })
          }
        >
          <Form.Item
            name="caseId"
            label="事项编号"
            rules={[
              { required: true, whitespace: true, message: '请填写事项编号' },
              {
                pattern: CASE_ID,
                message: '请填写事项编号（UUID），或评估年度（如 2025）、年度:机构代码（如 2025:PSB）',
              },
            ]}
          >
            <Input placeholder="事项编号、评估年度或 年度:机构代码" style={{ width: 380 }} allowClear />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
        </Form>
        {caseId && CASE_ID.test(caseId) && (
          <SimpleTable<AuditEvent>
            look="antd"
            caption="审计记录"
            rowKey={(e) => String(e.id)}
            size="small"
            loading={events.isPending}
            rows={events.data?.items ?? []}
            scrollX={1100}
            rowStyle={(e) => (broken !== undefined && e.id >= broken ? { background: '#fff1f0' } : {})}
            empty={events.isError ? messageOf(events.error) : '该事项暂无审计记录'}
            columns={[
              { title: '序号', key: 'id', width: 70, render: (e) => e.id },
              { title: '时间', key: 'at', width: 150, render: (e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
              {
                title: '事件',
                key: 'action',
                render: (e) => (eventLabels as Record<string, string>)[e.action] ?? e.action,
              },
              {
                title: '办理人',
                key: 'actor',
                render: (e) =>
                  `${e.actorName ?? e.actorId}（${roleWord(e.actorRole)}` +
                  `${e.actorAgency ? ` · ${agencyName(e.actorAgency)}` : ''}）`,
              },
              {
                title: '状态',
                key: 'state',
                render: (e) => `${stateWord(e.fromState, caseId)} → ${stateWord(e.toState, caseId)}`,
              },
              {
                title: '理由',
                key: 'reason',
                render: (e) => e.reason ?? e.legalBasis ?? <Text type="secondary">—</Text>,
              },
              { title: '哈希', key: 'hash', render: (e) => <Hash value={e.hash} /> },
              { title: '前一条哈希', key: 'prevHash', render: (e) => <Hash value={e.prevHash} /> },
            ]}
          />
        )}
      </section>
    </Card>
  );
}
