// 开放申请: the requests the caller may see (a citizen's own, the provider's, all for the bureau),
// newest first, filtered by state, paged with 加载更多.
import { actionLabelIn, processLabels, stateLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { date } from '../share-applications/shared.tsx';
import { currentDue, requesterKindLabel, type OpenDataRequest } from './shared.ts';
import { shortId } from '../components/links.ts';

type State = OpenDataRequest['state'];
const small = { fontSize: 12 };

export default function ListPage() {
  const p = usePrincipal();
  const navigate = useNavigate();
  const agencyName = useAgencyName();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as State | null) ?? undefined;
  const setState = (value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set('state', value); else next.delete('state');
    setParams(next, { replace: true });
  };

  const list = useInfiniteQuery({
    queryKey: ['open-data-requests', state],
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/open-data-requests', {
      params: { query: { limit: 50, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((pg) => pg.items) ?? [];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {processLabels['open-data-request']}
        </Typography.Title>
        {hasRole(p, 'public') && <Button type="primary" onClick={() => navigate('/open-data')}>浏览{terms.openData}</Button>}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="状态" placeholder="全部状态" allowClear style={{ width: 160 }} value={state} onChange={setState}
          options={Object.entries(stateLabels['open-data-request']).map(([value, label]) => ({ value, label }))} />
      </Space>
      <Table<OpenDataRequest>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: list.isError ? messageOf(list.error) : `暂无${processLabels['open-data-request']}` }}
        scroll={{ x: 960 }}
        columns={[
          {
            title: terms.resource, key: 'resource',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/open-data-requests/${r.id}`}>{r.resourceName}</Link>
                <Typography.Text type="secondary" style={small}>{r.resourceCode} · {shortId(r.id)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: terms.requester, key: 'requester',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.requester.name}</span>
                <Typography.Text type="secondary" style={small}>
                  {requesterKindLabel(r.requester.kind)} · {r.requester.identifier}
                </Typography.Text>
              </Space>
            ),
          },
          { title: terms.provider, key: 'provider', render: (_, r) => agencyName(r.providerAgency) },
          { title: '状态', key: 'state', render: (_, r) => <StateTag process="open-data-request" state={r.state} /> },
          {
            title: terms.deadline, key: 'due',
            render: (_, r) => {
              const due = currentDue(r);
              if (!due?.dueDate) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Space orientation="vertical" size={0}>
                  <Typography.Text type="secondary" style={small}>{due.label}</Typography.Text>
                  <DueTag dueDate={due.dueDate} overdue={r.overdue} />
                </Space>
              );
            },
          },
          { title: '提交日期', key: 'submitted', render: (_, r) => date(r.submittedAt) },
          {
            title: '可办理', key: 'actions',
            render: (_, r) => (r.actions.length
              ? r.actions.map((a) => actionLabelIn('open-data-request', a)).join('、')
              : <Typography.Text type="secondary">—</Typography.Text>),
          },
        ]}
      />
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>加载更多</Button>
        </div>
      )}
    </Card>
  );
}
