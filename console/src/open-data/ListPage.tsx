// 开放申请: the requests the caller may see (a citizen's own, the provider's, all for the bureau),
// newest first, filtered by state, paged with 加载更多.
import { actionLabelIn, processLabels, stateLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { date } from '../share-applications/shared.tsx';
import { currentDue, requesterKindLabel, type OpenDataRequest } from './shared.ts';
import { shortId } from '../components/links.ts';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { useSearchParam } from '../components/searchParam.ts';

type State = OpenDataRequest['state'];
const small = { fontSize: 12 };

export default function ListPage() {
  const p = usePrincipal();
  const navigate = useNavigate();
  const agencyName = useAgencyName();
  const [state, setState] = useSearchParam<State>('state');

  const list = useInfiniteQuery({
    queryKey: ['open-data-requests', state],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/open-data-requests', {
          params: { query: { limit: 50, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((pg) => pg.items) ?? [];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {processLabels['open-data-request']}
        </Title>
        {hasRole(p, 'public') && (
          <Button type="primary" onClick={() => navigate('/open-data')}>
            浏览{terms.openData}
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={state}
          onChange={setState}
          options={Object.entries(stateLabels['open-data-request']).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <SimpleTable<OpenDataRequest>
        look="antd"
        caption={processLabels['open-data-request']}
        rowKey={(r) => r.id}
        size="middle"
        loading={list.isPending}
        rows={items}
        empty={list.isError ? messageOf(list.error) : `暂无${processLabels['open-data-request']}`}
        scrollX={960}
        columns={[
          {
            title: terms.resource,
            key: 'resource',
            render: (r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/open-data-requests/${r.id}`}>{r.resourceName}</Link>
                <Text type="secondary" style={small}>
                  {r.resourceCode} · {shortId(r.id)}
                </Text>
              </Space>
            ),
          },
          {
            title: terms.requester,
            key: 'requester',
            render: (r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.requester.name}</span>
                <Text type="secondary" style={small}>
                  {requesterKindLabel(r.requester.kind)} · {r.requester.identifier}
                </Text>
              </Space>
            ),
          },
          { title: terms.provider, key: 'provider', render: (r) => agencyName(r.providerAgency) },
          { title: '状态', key: 'state', render: (r) => <StateTag process="open-data-request" state={r.state} /> },
          {
            title: terms.deadline,
            key: 'due',
            render: (r) => {
              const due = currentDue(r);
              if (!due?.dueDate) return <Text type="secondary">—</Text>;
              return (
                <Space orientation="vertical" size={0}>
                  <Text type="secondary" style={small}>
                    {due.label}
                  </Text>
                  <DueTag dueDate={due.dueDate} overdue={r.overdue} />
                </Space>
              );
            },
          },
          { title: '提交日期', key: 'submitted', render: (r) => date(r.submittedAt) },
          {
            title: '可办理',
            key: 'actions',
            render: (r) =>
              r.actions.length ? (
                r.actions.map((a) => actionLabelIn('open-data-request', a)).join('、')
              ) : (
                <Text type="secondary">—</Text>
              ),
          },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
