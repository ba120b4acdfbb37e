// 共享申请: the applications the caller may see (their agency's, as applicant or provider; the
// bureau sees all), newest first, filtered by state or overdue, paged with 加载更多.
import { processLabels, stateLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Checkbox, Select, Space } from 'antd';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { date } from './shared.tsx';
import { shortId } from '../components/links.ts';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { useSearchParam } from '../components/searchParam.ts';

type Application = Schemas['ShareApplication'];
type State = Application['state'];
const awaitingReview = new Set<State>(['pending_review']);

export default function ListPage() {
  const p = usePrincipal();
  const agencyName = useAgencyName();
  const [state, setState] = useSearchParam<State>('state');
  const [overdueParam, setOverdue] = useSearchParam('overdue');
  const overdue = overdueParam === 'true';

  const list = useInfiniteQuery({
    queryKey: ['share-applications', state, overdue],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/share-applications', {
          params: {
            query: {
              limit: 50,
              ...(state ? { state } : {}),
              ...(overdue ? { overdue: 'true' as const } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
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
          {processLabels['share-application']}
        </Title>
        {hasRole(p, 'agency_staff') && p.agency && (
          <Link to="/catalog">
            <Button type="primary">申请共享数据</Button>
          </Link>
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
          options={Object.entries(stateLabels['share-application']).map(([value, label]) => ({ value, label }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked ? 'true' : undefined)}>
          仅看{terms.overdue}
        </Checkbox>
      </Space>
      <SimpleTable<Application>
        look="antd"
        caption={processLabels['share-application']}
        rowKey={(r) => r.id}
        size="middle"
        loading={list.isPending}
        rows={items}
        empty={list.isError ? messageOf(list.error) : '暂无共享申请'}
        scrollX={900}
        columns={[
          {
            title: terms.resource,
            key: 'resource',
            render: (a) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/share-applications/${a.id}`}>{a.resourceName}</Link>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {a.resourceCode} · {shortId(a.id)}
                </Text>
              </Space>
            ),
          },
          { title: terms.applicant, key: 'applicant', render: (a) => agencyName(a.applicantAgency) },
          { title: terms.provider, key: 'provider', render: (a) => agencyName(a.providerAgency) },
          { title: '状态', key: 'state', render: (a) => <StateTag process="share-application" state={a.state} /> },
          {
            title: terms.reviewDue,
            key: 'due',
            render: (a) =>
              awaitingReview.has(a.state) || a.overdue ? (
                <DueTag dueDate={a.reviewDueDate} overdue={a.overdue} />
              ) : (
                <Text type="secondary">—</Text>
              ),
          },
          { title: '提交日期', key: 'submitted', render: (a) => date(a.submittedAt) },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
