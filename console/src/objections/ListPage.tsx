// 异议协商: the objections to refusals the caller may see (the bureau all, the parties their own),
// newest first, filtered by state, paged with 加载更多.
import { processLabels, stateLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { date } from '../share-applications/shared.tsx';
import { currentDue } from './due.ts';
import { shortId } from '../components/links.ts';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { useSearchParam } from '../components/searchParam.ts';

type Objection = Schemas['Objection'];
type State = Objection['state'];

export default function ListPage() {
  const agencyName = useAgencyName();
  const [state, setState] = useSearchParam<State>('state');
  const list = useInfiniteQuery({
    queryKey: ['objections', state],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/objections', {
          params: { query: { limit: 50, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((pg) => pg.items) ?? [];

  return (
    <Card>
      <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {processLabels.objection}
      </Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={state}
          onChange={setState}
          options={Object.entries(stateLabels.objection).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <SimpleTable<Objection>
        look="antd"
        caption={processLabels.objection}
        rowKey={(r) => r.id}
        size="middle"
        loading={list.isPending}
        rows={items}
        empty={list.isError ? messageOf(list.error) : '暂无异议'}
        scrollX={900}
        columns={[
          {
            title: terms.resource,
            key: 'resource',
            render: (o) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/objections/${o.id}`}>{o.resourceName}</Link>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {o.resourceCode} · {shortId(o.id)}
                </Text>
              </Space>
            ),
          },
          { title: terms.applicant, key: 'applicant', render: (o) => agencyName(o.applicantAgency) },
          { title: terms.provider, key: 'provider', render: (o) => agencyName(o.providerAgency) },
          { title: '状态', key: 'state', render: (o) => <StateTag process="objection" state={o.state} /> },
          {
            title: terms.deadline,
            key: 'due',
            render: (o) => {
              const due = currentDue(o);
              if (!due) return <Text type="secondary">—</Text>;
              return (
                <Space orientation="vertical" size={0}>
                  <Text type="secondary" style={{ fontSize: 12 }}>
                    {due.label}
                  </Text>
                  <DueTag dueDate={due.dueDate} overdue={o.overdue} />
                </Space>
              );
            },
          },
          { title: '提出日期', key: 'filed', render: (o) => date(o.filedAt) },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
