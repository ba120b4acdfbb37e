// The lists of the 年度评估 page for those who do not see whole cycles: an assessor's agencies in a
// cycle, and an agency's own assessment of each recent year.
import { actionLabels, assessmentTerms as t } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { api, ok } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import { DueTag } from '../components/DueTag.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { GradeTag, lastEndedYear, useCycleAgencies, type AgencyAssessment } from './shared.tsx';
import { Text, Title } from '../components/Typography.tsx';

const agencyLink = (a: AgencyAssessment) => `/assessments/${a.year}/agencies/${a.agencyCode}`;
const due = (stage: { dueDate: string; overdue: boolean } | null) =>
  stage ? <DueTag dueDate={stage.dueDate} overdue={stage.overdue} /> : '—';
const todo = (a: AgencyAssessment) =>
  a.actions.length ? a.actions.map((x) => actionLabels[x]).join('、') : <Text type="secondary">—</Text>;

/** An assessor's agencies in one cycle, with the review's deadline. */
export function AssignedAgencies({ year }: { year: number }) {
  const agencies = useCycleAgencies(year);
  return (
    <section style={{ marginBottom: 16 }}>
      <Title level={4} style={{ fontSize: 15 }}>
        {year}年度
      </Title>
      {agencies.isError ? (
        <Alert type="error" showIcon title={messageOf(agencies.error)} />
      ) : (
        <SimpleTable<AgencyAssessment>
          caption={`${year}年度分配给我评审的单位`}
          rowKey={(a) => a.agencyCode}
          rows={agencies.data ?? []}
          empty={agencies.isPending ? '正在加载' : '该年度未分配给您评审的单位'}
          columns={[
            { title: '参评单位', key: 'name', render: (a) => <Link to={agencyLink(a)}>{a.agencyName}</Link> },
            { title: '状态', key: 'state', render: (a) => <StateTag process="assessment" state={a.state} /> },
            { title: t.reviewDue, key: 'due', render: (a) => due(a.stages.review) },
            { title: '可办理', key: 'actions', render: (a) => todo(a) },
          ]}
        />
      )}
    </section>
  );
}

/** An agency's own assessment of each recent year (there is no list for agencies: each year is asked). */
async function ownAssessments(agency: string): Promise<AgencyAssessment[]> {
  const years = Array.from({ length: 6 }, (_, i) => lastEndedYear() - i);
  const found = await Promise.all(
    years.map((year) =>
      ok(
        api.GET('/api/v1/assessment-cycles/{year}/agencies/{code}', {
          params: { path: { year, code: agency } },
        }),
      ).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    ),
  );
  return found.filter((a): a is AgencyAssessment => a !== null);
}

export function OwnAssessments({ agency }: { agency: string }) {
  const own = useQuery({ queryKey: ['assessment', 'own', agency], queryFn: () => ownAssessments(agency) });
  if (own.isError) return <Alert type="error" showIcon title={messageOf(own.error)} />;
  return (
    <SimpleTable<AgencyAssessment>
      caption="本单位年度评估"
      rowKey={(a) => String(a.year)}
      rows={own.data ?? []}
      empty={own.isPending ? '正在加载' : '本单位近年尚无年度评估'}
      columns={[
        { title: '评估年度', key: 'year', render: (a) => <Link to={agencyLink(a)}>{a.year}年度评估</Link> },
        { title: '状态', key: 'state', render: (a) => <StateTag process="assessment" state={a.state} /> },
        { title: t.selfAssessmentDue, key: 'due', render: (a) => due(a.stages.selfAssessment) },
        { title: t.total, key: 'total', render: (a) => a.total ?? '—' },
        { title: t.grade, key: 'grade', render: (a) => <GradeTag code={a.gradeCode} /> },
        { title: t.rank, key: 'rank', render: (a) => a.rank ?? '—' },
        { title: '可办理', key: 'actions', render: (a) => todo(a) },
      ]}
    />
  );
}
