// 年度评估: the years assessed. The bureau sees every cycle and the annual schedule, and its admin
// starts a year that has ended; an assessor sees the agencies assigned to them; an agency sees its
// own assessment of each year.
import { assessmentTerms as t, roleLabels } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Space } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, isAgencyUser, isBureau, usePrincipal } from '../auth/session.ts';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { AssignedAgencies, OwnAssessments } from './CyclesLists.tsx';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';

// The bureau's own parts (a form with its selects, the schedule) load only for the bureau.
const bureauParts = () => import('./StartCycle.tsx');
const StartCycleButton = lazy(() => bureauParts().then((m) => ({ default: m.StartCycleButton })));
const ScheduleCard = lazy(() => bureauParts().then((m) => ({ default: m.ScheduleCard })));

type CycleSummary = Schemas['AssessmentCycleSummary'];

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export default function CyclesPage() {
  const p = usePrincipal();
  const seesCycles = isBureau(p) || hasRole(p, 'assessor');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            年度评估
          </Title>
          {hasRole(p, 'bureau_admin') && (
            <Suspense fallback={null}>
              <StartCycleButton />
            </Suspense>
          )}
        </Space>
        {seesCycles ? (
          <CycleList />
        ) : isAgencyUser(p) ? (
          <OwnAssessments agency={p.agency!} />
        ) : (
          <Alert type="info" showIcon title="年度评估仅对大数据局、参评单位和第三方评估机构开放" />
        )}
      </Card>
      {isBureau(p) && (
        <Suspense fallback={null}>
          <ScheduleCard />
        </Suspense>
      )}
      {hasRole(p, 'assessor') && !isBureau(p) && <AssessorCycles />}
    </Space>
  );
}

function useCycles(enabled = true) {
  return useQuery({
    queryKey: ['assessment-cycles'],
    queryFn: () => ok(api.GET('/api/v1/assessment-cycles')),
    enabled,
  });
}

function CycleList() {
  const cycles = useCycles();
  if (cycles.isError) return <Alert type="error" showIcon title={messageOf(cycles.error)} />;
  return (
    <SimpleTable<CycleSummary>
      caption="年度评估"
      rowKey={(c) => String(c.year)}
      rows={cycles.data?.items ?? []}
      empty={cycles.isPending ? '正在加载' : '尚无年度评估'}
      columns={[
        { title: '评估年度', key: 'year', render: (c) => <Link to={`/assessments/${c.year}`}>{c.year}年度评估</Link> },
        { title: '状态', key: 'state', render: (c) => <StateTag process="assessment-cycle" state={c.state} /> },
        { title: '参评单位', key: 'agencies', render: (c) => `${c.agencyCount}家` },
        { title: t.indicatorsVersion, key: 'version', render: (c) => c.indicatorsVersion },
        { title: '启动时间', key: 'startedAt', render: (c) => when(c.startedAt) },
        { title: '初步结果发布', key: 'preliminary', render: (c) => when(c.publishedAt.preliminary) },
        { title: '最终结果发布', key: 'final', render: (c) => when(c.publishedAt.final) },
      ]}
    />
  );
}

/** For an assessor: the agencies assigned to them in each of the latest cycles. */
function AssessorCycles() {
  const cycles = useCycles();
  const latest = (cycles.data?.items ?? []).slice(0, 3);
  return (
    <Card
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          分配给我的评审（{roleLabels.assessor}）
        </Title>
      }
    >
      {cycles.isPending ? null : latest.length === 0 ? (
        <Text type="secondary">尚无年度评估</Text>
      ) : (
        latest.map((c) => <AssignedAgencies key={c.year} year={c.year} />)
      )}
    </Card>
  );
}
