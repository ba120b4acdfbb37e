// A cycle's agencies: the table (by state, page by page), assigning an assessor to agencies, and the
// final ranking with the results' CSV export.
import { actionLabels, assessmentTerms as t, stateLabels, terms } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { lazy, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { prefetch } from '../components/idle.ts';
import { Later } from '../components/later.tsx';
import { LazySelect } from '../components/LazySelect.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { cycleKey, GradeTag, useCycleAgencies, type AgencyAssessment, type Cycle } from './shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';
import { LoadMore } from '../components/LoadMore.tsx';

type AgencyState = keyof typeof stateLabels.assessment;
const loadDialog = () => import('./AssignDialog.tsx');
const AssignDialog = lazy(loadDialog);
const pageSize = 20;

const nameLink = (a: AgencyAssessment) => (
  <Link to={`/assessments/${a.year}/agencies/${a.agencyCode}`}>{a.agencyName}</Link>
);
const assessorOf = (a: AgencyAssessment) =>
  a.assessor ? (a.assessor.name ?? a.assessor.id) : <Text type="secondary">未指派</Text>;

export function AgenciesTable({ year }: { year: number }) {
  const [state, setState] = useState<AgencyState | undefined>();
  const list = useInfiniteQuery({
    queryKey: [...cycleKey(year), 'agencies', 'page', state ?? null],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/assessment-cycles/{year}/agencies', {
          params: {
            path: { year },
            query: { limit: pageSize, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <LazySelect
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 180 }}
          value={state}
          onChange={(v) => setState(v as AgencyState | undefined)}
          options={Object.entries(stateLabels.assessment).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      {list.isError ? (
        <Alert type="error" showIcon title={messageOf(list.error)} />
      ) : (
        <SimpleTable<AgencyAssessment>
          caption="参评单位"
          rowKey={(a) => a.agencyCode}
          rows={rows}
          empty={list.isPending ? '正在加载' : state ? '没有处于该状态的单位' : '暂无参评单位'}
          columns={[
            { title: '参评单位', key: 'name', render: (a) => nameLink(a) },
            {
              title: '状态',
              key: 'state',
              render: (a) => (
                <Space size={4}>
                  <StateTag process="assessment" state={a.state} />
                  {a.overdue && <ToneTag tone="red">{terms.overdue}</ToneTag>}
                </Space>
              ),
            },
            { title: t.assessor, key: 'assessor', render: (a) => assessorOf(a) },
            { title: t.total, key: 'total', render: (a) => a.total ?? '—' },
            { title: t.grade, key: 'grade', render: (a) => <GradeTag code={a.gradeCode} /> },
            { title: t.rank, key: 'rank', render: (a) => a.rank ?? '—' },
          ]}
        />
      )}
      <LoadMore list={list} />
    </>
  );
}

/** The bureau admin assigns an assessor to agencies: offered while some agency's answer allows it. */
export function AssignAssessors({ year }: { year: number }) {
  const all = useCycleAgencies(year);
  const [opened, setOpened] = useState(0);
  const label = actionLabels.assign_assessor;
  const assignable = (all.data ?? []).filter((a) => a.actions.includes('assign_assessor'));
  const anyAssignable = assignable.length > 0;
  useEffect(() => (anyAssignable ? prefetch(loadDialog) : undefined), [anyAssignable]);
  if (!assignable.length) return null;
  const unassigned = assignable.filter((a) => !a.assessor).length;

  return (
    <Card
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {label}
        </Title>
      }
    >
      <Space wrap>
        <Text>
          {assignable.length}家单位可指派{t.assessor}，其中{unassigned}家尚未指派。
        </Text>
        <Button type="primary" onClick={() => setOpened((n) => n + 1)}>
          {label}
        </Button>
      </Space>
      <Later when={opened > 0}>
        <AssignDialog year={year} assignable={assignable} opened={opened} />
      </Later>
    </Card>
  );
}

/** The final ranking, in rank order, and the published results as CSV (fetched with the token, saved from memory). */
export function Ranking({ year, cycle, canExport }: { year: number; cycle: Cycle; canExport: boolean }) {
  const all = useCycleAgencies(year);
  const [busy, setBusy] = useState(false);
  const ranked = (all.data ?? [])
    .filter((a) => a.rank !== null)
    .sort((x, y) => x.rank! - y.rank! || x.agencyCode.localeCompare(y.agencyCode));

  const download = async () => {
    setBusy(true);
    try {
      const blob = await ok(
        api.GET('/api/v1/assessment-cycles/{year}/results.csv', {
          params: { path: { year } },
          parseAs: 'blob',
        }),
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `assessment-${year}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toast.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t.ranking}
        </Title>
      }
      extra={
        canExport && cycle.publishedAt.preliminary ? (
          <Button onClick={download} loading={busy}>
            {t.exportCsv}
          </Button>
        ) : null
      }
    >
      <SimpleTable<AgencyAssessment>
        caption={t.ranking}
        rowKey={(a) => a.agencyCode}
        rows={ranked}
        empty={all.isPending ? '正在加载' : cycle.publishedAt.final ? '暂无排名' : '最终结果发布后生成排名'}
        columns={[
          { title: t.rank, key: 'rank', render: (a) => a.rank, width: 80 },
          { title: '参评单位', key: 'name', render: (a) => nameLink(a) },
          { title: t.total, key: 'total', render: (a) => a.total ?? '—' },
          { title: t.grade, key: 'grade', render: (a) => <GradeTag code={a.gradeCode} /> },
          {
            title: terms.rectification,
            key: 'rect',
            render: (a) => (a.rectification ? <ToneTag tone="orange">须{terms.rectification}</ToneTag> : '—'),
          },
        ]}
      />
    </Card>
  );
}
