// 数据纠错: the corrections the caller may see (what they reported; their agency's to verify or
// about its resources; all for the bureau), newest first, paged with 加载更多.
import { actionLabelIn, processLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { date } from '../share-applications/shared.tsx';
import { shortId } from '../components/links.ts';
import { mayOpen } from '../components/access.ts';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { LoadMore } from '../components/LoadMore.tsx';

type Correction = Schemas['Correction'];
const none = <Text type="secondary">—</Text>;

export default function ListPage() {
  const p = usePrincipal();
  const navigate = useNavigate();
  const agencyName = useAgencyName();
  const list = useInfiniteQuery({
    queryKey: ['corrections'],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/corrections', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((pg) => pg.items) ?? [];
  const [to, where] = hasRole(p, 'public') ? ['/open-data', terms.openData] : ['/catalog', terms.catalog];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {processLabels.correction}
        </Title>
        {/* Only where the person's menu leads (an assessor has no catalog to report from). */}
        {mayOpen(p, to) && <Button onClick={() => navigate(to)}>在{where}中报告数据错误</Button>}
      </Space>
      <SimpleTable<Correction>
        look="antd"
        caption={processLabels.correction}
        rowKey={(r) => r.id}
        size="middle"
        loading={list.isPending}
        rows={items}
        empty={list.isError ? messageOf(list.error) : `暂无${processLabels.correction}事项`}
        scrollX={960}
        columns={[
          {
            title: terms.resource,
            key: 'resource',
            render: (c) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/corrections/${c.id}`}>{c.resourceName}</Link>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {c.resourceCode} · {shortId(c.id)}
                </Text>
              </Space>
            ),
          },
          {
            title: terms.recordRef,
            key: 'record',
            render: (c) => (
              <>
                {c.recordRef}
                {c.field ? ` · ${c.field}` : ''}
              </>
            ),
          },
          { title: terms.verifyingAgency, key: 'agency', render: (c) => agencyName(c.assignedAgency) },
          { title: '状态', key: 'state', render: (c) => <StateTag process="correction" state={c.state} /> },
          {
            title: terms.verifyDue,
            key: 'due',
            render: (c) => (c.state === 'verifying' ? <DueTag dueDate={c.verifyDueDate} overdue={c.overdue} /> : none),
          },
          { title: '报告日期', key: 'submitted', render: (c) => date(c.submittedAt) },
          {
            title: '可办理',
            key: 'actions',
            render: (c) => (c.actions.length ? c.actions.map((a) => actionLabelIn('correction', a)).join('、') : none),
          },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
