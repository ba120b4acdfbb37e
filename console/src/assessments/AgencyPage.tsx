// One agency's assessment of a year: where it stands, the metrics the system computed, the stage
// deadlines, the self-assessment with its evidence, the assessor's review, the result with the
// notice period and the appeal, the rectification (整改), and its 审批记录. Every button comes from
// the answer's actions.
import { assessmentTerms as t, terms } from '@glossary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, isBureau, usePrincipal } from '../auth/session.ts';
import { CaseActions } from '../components/CaseActions.tsx';
import { DueTag } from '../components/DueTag.tsx';
import { StageBar } from '../components/StageBar.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { CaseTimeline } from '../components/Timeline.tsx';
import { AgencyMetrics } from './AgencyMetrics.tsx';
import { AppealCard, RectificationCard, ResultCard, ReviewCard, SelfAssessmentCard } from './AgencyScores.tsx';
import { agencyButtons } from './buttons.ts';
import { agencyKey, type AgencyAssessment } from './shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';

// The forms behind the buttons: loaded at the first click (or once the page is idle).
const loadSpecs = () => import('./agencySpecs.tsx');

type Stage = { dueDate: string; overdue: boolean; submittedAt?: string | null } | null;

function StageDue({ stage }: { stage: Stage }) {
  if (!stage) return <Text type="secondary">—</Text>;
  return (
    <Space size={4} wrap>
      <DueTag dueDate={stage.dueDate} overdue={stage.overdue} />
      {stage.submittedAt && <ToneTag tone="green">已于{dayjs(stage.submittedAt).format('YYYY-MM-DD')}提交</ToneTag>}
    </Space>
  );
}

function Deadlines({ a }: { a: AgencyAssessment }) {
  const s = a.stages;
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'self', label: t.selfAssessmentDue, children: <StageDue stage={s.selfAssessment} /> },
    { key: 'review', label: t.reviewDue, children: <StageDue stage={s.review} /> },
    ...(s.notice ? [{ key: 'notice', label: t.noticeDue, children: <StageDue stage={s.notice} /> }] : []),
    ...(s.rectificationPlan
      ? [{ key: 'plan', label: t.rectificationPlanDue, children: <StageDue stage={s.rectificationPlan} /> }]
      : []),
    ...(s.rectificationCompletion
      ? [{ key: 'done', label: t.rectificationDue, children: <StageDue stage={s.rectificationCompletion} /> }]
      : []),
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />;
}

export default function AgencyPage() {
  const params = useParams();
  const year = Number(params.year);
  const code = params.code ?? '';
  const p = usePrincipal();
  const queryClient = useQueryClient();
  const assessment = useQuery({
    queryKey: agencyKey(year, code),
    queryFn: () =>
      ok(api.GET('/api/v1/assessment-cycles/{year}/agencies/{code}', { params: { path: { year, code } } })),
    enabled: Number.isInteger(year) && !!code,
    // While the metrics are computed the page waits for them.
    refetchInterval: (q) => (q.state.data?.state === 'collecting' ? 3_000 : false),
  });
  if (assessment.isPending) return <Card loading />;
  if (assessment.isError) return <Alert type="error" showIcon title={messageOf(assessment.error)} />;
  const a = assessment.data;
  const seesCycle = isBureau(p) || hasRole(p, 'assessor');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <div>
            <Title level={2} style={{ fontSize: 20, marginTop: 0, marginBottom: 4 }}>
              {a.year}年度评估 · {a.agencyName}
            </Title>
            <Space size={4} wrap>
              <StateTag process="assessment" state={a.state} />
              {a.overdue && <ToneTag tone="red">{terms.overdue}</ToneTag>}
              {seesCycle && <Link to={`/assessments/${a.year}`}>返回{a.year}年度评估</Link>}
            </Space>
          </div>
          <CaseActions
            process="assessment"
            actions={a.actions}
            buttons={agencyButtons}
            queryKey={agencyKey(year, code)}
            load={loadSpecs}
            specs={(m) => m.agencySpecs(a, queryClient)}
          />
        </Space>
        <div style={{ marginTop: 16 }}>
          <StageBar process="assessment" state={a.state} />
        </div>
        <Title level={3} style={{ fontSize: 16 }}>
          办理期限
        </Title>
        <Deadlines a={a} />
      </Card>
      <Card
        title={
          <Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {t.metrics}（{a.year}年度系统记录）
          </Title>
        }
      >
        <AgencyMetrics a={a} />
      </Card>
      <SelfAssessmentCard a={a} />
      <ReviewCard a={a} />
      <ResultCard a={a} />
      <AppealCard a={a} />
      <RectificationCard a={a} />
      <CaseTimeline process="assessment" events={a.timeline ?? []} />
    </Space>
  );
}
