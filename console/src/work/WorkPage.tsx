// 待办: one list across every process — what awaits me (待办), what I handled (已办), and my
// agency's other open cases (关注) — sorted by deadline, due-soon rows amber, overdue rows red.
import { actionLabelIn, processLabels, stateLabels, terms, type actionLabels } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Empty, Input, Select, Space, Spin } from 'antd';
import { Muted, PageTitle, Panel, TabBar } from '../components/light.tsx';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { DueTag } from '../components/DueTag.tsx';
import { SimpleTable, type Column } from '../components/SimpleTable.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { useAgencies, useAgencyName } from '../components/agencies.ts';
import { caseLink, shortId, type Process } from '../components/links.ts';
import { LoadMore } from '../components/LoadMore.tsx';

type View = 'todo' | 'done' | 'watching';
type Item = Schemas['WorkItem'];
/**
 * The 状态 filter's options: the chosen process's states, or with none chosen every state once by its
 * key (the API filters by key), a key that reads differently in two processes showing both words.
 */
function stateOptions(process: Process | undefined): { value: string; label: string }[] {
  const byKey = new Map<string, string[]>();
  const processes = process ? [process] : (Object.keys(stateLabels) as Process[]);
  for (const p of processes) {
    for (const [key, label] of Object.entries(stateLabels[p] as Record<string, string>)) {
      const labels = byKey.get(key) ?? [];
      if (!labels.includes(label)) labels.push(label);
      byKey.set(key, labels);
    }
  }
  return [...byKey].map(([value, labels]) => ({ value, label: labels.join('／') }));
}

const views: { key: View; label: string }[] = [
  { key: 'todo', label: terms.todo },
  { key: 'done', label: terms.done },
  { key: 'watching', label: terms.watching },
];

export default function WorkPage() {
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'todo';
  const process = (params.get('process') as Process | null) ?? undefined;
  const agency = params.get('agency') ?? undefined;
  const q = params.get('q') ?? undefined;
  const states = stateOptions(process);
  const stateParam = params.get('state') ?? undefined;
  const state = stateParam && states.some((s) => s.value === stateParam) ? stateParam : undefined;
  const agencyName = useAgencyName();
  const agencies = useAgencies();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A state the newly chosen process does not have is dropped with it.
    const kept = next.get('state');
    const dropped =
      key === 'process' && kept && !stateOptions(value as Process | undefined).some((s) => s.value === kept);
    if (dropped) next.delete('state');
    setParams(next, { replace: true });
  };

  const list = useInfiniteQuery({
    queryKey: ['work-items', view, process, state, agency, q],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/work-items', {
          params: {
            query: {
              view,
              limit: 50,
              ...(process ? { process } : {}),
              ...(state ? { state } : {}),
              ...(agency ? { agency } : {}),
              ...(q ? { q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: Column<Item>[] = [
    {
      title: '事项',
      key: 'title',
      render: (r) => (
        <Space direction="vertical" size={0}>
          <Link to={caseLink(r.process, r.caseId)}>{r.title}</Link>
          <Muted style={{ fontSize: 12 }}>
            {[
              processLabels[r.process],
              shortId(r.caseId),
              ...r.agencies.filter((a) => a !== r.agency).map(agencyName),
            ].join(' · ')}
          </Muted>
        </Space>
      ),
    },
    { title: '状态', key: 'state', render: (r) => <StateTag process={r.process} state={r.state} /> },
    { title: terms.handlingAgency, key: 'agency', render: (r) => agencyName(r.agency) },
    {
      title: view === 'done' ? '办理时间' : terms.deadline,
      key: 'due',
      render: (r) =>
        view === 'done' && r.actedAt ? (
          dayjs(r.actedAt).format('YYYY-MM-DD HH:mm')
        ) : (
          <DueTag dueDate={r.dueDate} workingDaysLeft={r.workingDaysLeft} dueSoon={r.dueSoon} overdue={r.overdue} />
        ),
    },
    {
      title: '可办理',
      key: 'actions',
      render: (r) =>
        r.actions.length ? (
          r.actions.map((a) => actionLabelIn(r.process, a as keyof typeof actionLabels)).join('、')
        ) : (
          <Muted>—</Muted>
        ),
    },
  ];

  return (
    <Panel>
      <PageTitle>{terms.todo}</PageTitle>
      <TabBar label="事项视图" tabs={views} active={view} onChange={(k) => set('view', k === 'todo' ? undefined : k)} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="业务类型"
          placeholder="全部业务"
          allowClear
          style={{ width: 160 }}
          value={process}
          onChange={(v) => set('process', v)}
          options={Object.entries(processLabels).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          value={state}
          onChange={(v) => set('state', v)}
          options={states}
        />
        <Select
          aria-label="相关单位"
          placeholder="全部单位"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={agency}
          onChange={(v) => set('agency', v)}
          options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
        />
        <Input.Search
          aria-label="搜索事项"
          placeholder="事项编号或资源名称"
          allowClear
          defaultValue={q}
          style={{ width: 260 }}
          onSearch={(v) => set('q', v.trim() || undefined)}
        />
      </Space>
      <Spin spinning={list.isPending}>
        <SimpleTable<Item>
          caption={views.find((v) => v.key === view)!.label}
          rowKey={(r) => `${r.process}:${r.caseId}`}
          columns={columns}
          rows={items}
          rowStyle={(r) => ({ background: r.overdue ? '#fff1f0' : r.dueSoon ? '#fffbe6' : undefined })}
          empty={
            list.isError ? (
              messageOf(list.error)
            ) : list.isPending ? (
              '正在加载'
            ) : (
              <Empty description={view === 'todo' ? '暂无待办事项' : '暂无事项'} />
            )
          }
        />
      </Spin>
      <LoadMore list={list} />
    </Panel>
  );
}
