// 异议协商: the objections to refusals the caller may see (the bureau all, the parties their own),
// newest first, filtered by state, paged with 加载更多.
import { processLabels, stateLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { date } from '../share-applications/shared.tsx';
import { currentDue } from './sections.tsx';
import { shortId } from '../components/links.ts';

type Objection = Schemas['Objection'];
type State = Objection['state'];

export default function ListPage() {
  const agencyName = useAgencyName();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as State | null) ?? undefined;
  const setState = (v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set('state', v); else next.delete('state');
    setParams(next, { replace: true });
  };
  const list = useInfiniteQuery({
    queryKey: ['objections', state],
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/objections', {
      params: { query: { limit: 50, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
    })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((pg) => pg.items) ?? [];

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>{processLabels.objection}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="状态" placeholder="全部状态" allowClear style={{ width: 160 }} value={state} onChange={setState}
          options={Object.entries(stateLabels.objection).map(([value, label]) => ({ value, label }))} />
      </Space>
      <Table<Objection>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: list.isError ? messageOf(list.error) : '暂无异议' }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: terms.resource, key: 'resource',
            render: (_, o) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/objections/${o.id}`}>{o.resourceName}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.resourceCode} · {shortId(o.id)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: terms.applicant, key: 'applicant', render: (_, o) => agencyName(o.applicantAgency) },
          { title: terms.provider, key: 'provider', render: (_, o) => agencyName(o.providerAgency) },
          { title: '状态', key: 'state', render: (_, o) => <StateTag process="objection" state={o.state} /> },
          {
            title: terms.deadline, key: 'due',
            render: (_, o) => {
              const due = currentDue(o);
              if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Space orientation="vertical" size={0}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{due.label}</Typography.Text>
                  <DueTag dueDate={due.dueDate} overdue={o.overdue} />
                </Space>
              );
            },
          },
          { title: '提出日期', key: 'filed', render: (_, o) => date(o.filedAt) },
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
