// One year's assessment (年度评估周期): where the cycle stands, its agencies by state, the stage
// deadlines, the agencies table, the final ranking with its CSV export, assigning assessors, the
// publications (from the answer's actions) and the framework it scores with.
import { assessmentTerms as t, gradeLabels, stateLabels, terms } from '@glossary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import { Navigate, useParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { isAgencyUser, isBureau, usePrincipal } from '../auth/session.ts';
import { CaseActions, type SpecsFor } from '../components/CaseActions.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { StageBar } from '../components/StageBar.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { CaseTimeline } from '../components/Timeline.tsx';
import { cycleButtons } from './buttons.ts';
import { AgenciesTable, AssignAssessors, Ranking } from './CycleAgencies.tsx';
import { cycleKey, metricLabel, StageDate, type Cycle, type Indicator } from './shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Text, Title } from '../components/Typography.tsx';

const h3 = (text: string) => (
  <Title level={3} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Title>
);

export default function CyclePage() {
  const year = Number(useParams().year);
  const p = usePrincipal();
  const queryClient = useQueryClient();
  const cycle = useQuery({
    queryKey: cycleKey(year),
    queryFn: () => ok(api.GET('/api/v1/assessment-cycles/{year}', { params: { path: { year } } })),
    enabled: !isAgencyUser(p) && Number.isInteger(year),
  });
  // An agency sees its own assessment of the year, not the cycle.
  if (isAgencyUser(p)) return <Navigate to={`/assessments/${year}/agencies/${p.agency}`} replace />;
  if (cycle.isPending) return <Card loading />;
  if (cycle.isError) return <Alert type="error" showIcon title={messageOf(cycle.error)} />;
  const c = cycle.data;

  const publish = (stage: 'preliminary' | 'final') => async () => {
    await ok(api.POST('/api/v1/assessment-cycles/{year}/publication', { params: { path: { year } }, body: { stage } }));
    await queryClient.invalidateQueries({ queryKey: ['assessment-cycles'] });
  };
  const specs: SpecsFor<typeof cycleButtons> = {
    publish_preliminary: {
      submit: publish('preliminary'),
      confirm: `发布后进入${terms.notice}期，各单位可在${terms.notice}期内对初步结果提出申诉。`,
    },
    publish_final: {
      submit: publish('final'),
      confirm: `最终结果发布后生成排名并报市人民政府，未达标的单位进入${terms.rectification}。`,
    },
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <Space align="center" wrap>
            <Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {c.year}年度评估
            </Title>
            <StateTag process="assessment-cycle" state={c.state} />
            {c.overdue && (
              <ToneTag tone="red">
                {terms.overdue}
                {c.overdueAgencies}家
              </ToneTag>
            )}
          </Space>
          <CaseActions
            process="assessment-cycle"
            actions={c.actions}
            buttons={cycleButtons}
            specs={() => specs}
            queryKey={cycleKey(year)}
          />
        </Space>
        <div style={{ marginTop: 16 }}>
          <StageBar process="assessment-cycle" state={c.state} />
        </div>
        <Progress c={c} />
      </Card>
      <AssignAssessors year={year} />
      <Card title={h3('参评单位')}>
        <AgenciesTable year={year} />
      </Card>
      <Ranking year={year} cycle={c} canExport={isBureau(p)} />
      <Indicators c={c} />
      <CaseTimeline process="assessment-cycle" events={c.timeline ?? []} />
    </Space>
  );
}

function Progress({ c }: { c: Cycle }) {
  const states = Object.entries(stateLabels.assessment) as [keyof typeof stateLabels.assessment, string][];
  const at = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '未发布');
  return (
    <>
      <Title level={3} style={{ fontSize: 16 }}>
        办理进度
      </Title>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'count', label: '参评单位', children: `${c.agencyCount}家` },
          {
            key: 'overdue',
            label: `${terms.overdue}单位`,
            children: c.overdueAgencies ? <ToneTag tone="red">{c.overdueAgencies}家</ToneTag> : '0家',
          },
          { key: 'unreviewed', label: '尚未评审', children: `${c.pending.unreviewed}家` },
          {
            key: 'states',
            label: '各状态单位数',
            span: 3,
            children: (
              <Space wrap>
                {states.map(([s, label]) => (
                  <ToneTag key={s} tone={c.counts[s] ? 'blue' : 'grey'}>
                    {label} {c.counts[s] ?? 0}
                  </ToneTag>
                ))}
              </Space>
            ),
          },
          { key: 'self', label: t.selfAssessmentDue, children: <StageDate due={c.stages.selfAssessment} /> },
          { key: 'review', label: t.reviewDue, children: <StageDate due={c.stages.review} /> },
          { key: 'notice', label: t.noticeDue, children: <StageDate due={c.stages.notice} /> },
          { key: 'prelim', label: '初步结果发布', children: at(c.publishedAt.preliminary) },
          { key: 'final', label: '最终结果发布', children: at(c.publishedAt.final) },
          { key: 'appeals', label: '待答复申诉', children: `${c.pending.pendingAppeals}件` },
          { key: 'rect', label: `${terms.rectification}单位`, children: `${c.rectifying}家` },
          { key: 'started', label: '启动', children: `${at(c.startedAt)}（${c.startedBy.name ?? c.startedBy.id}）` },
        ]}
      />
    </>
  );
}

function Indicators({ c }: { c: Cycle }) {
  const g = c.indicators.grades;
  return (
    <Card
      title={h3(`${t.indicator}：${c.indicators.title}`)}
      extra={
        <Text type="secondary">
          {t.indicatorsVersion} {c.indicatorsVersion}
        </Text>
      }
    >
      <SimpleTable<Indicator>
        caption={t.indicator}
        rowKey={(i) => i.code}
        rows={c.indicators.indicators}
        empty="—"
        columns={[
          { title: t.indicator, key: 'name', render: (i) => i.name },
          { title: '数据来源', key: 'metric', render: (i) => metricLabel(i.metric) },
          { title: t.weight, key: 'weight', render: (i) => i.weight },
          { title: t.floor, key: 'floor', render: (i) => i.floor ?? '—' },
        ]}
      />
      <Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {`${t.grade}：${gradeLabels.excellent} ≥ ${g.excellent}分，${gradeLabels.good} ≥ ${g.good}分，` +
          `${gradeLabels.pass} ≥ ${g.pass}分，低于${g.pass}分为${gradeLabels.fail}；` +
          `不适用的指标不计入，权重按适用指标重新折算；任一指标低于${t.floor}或${gradeLabels.fail}的单位须${terms.rectification}。`}
      </Paragraph>
    </Card>
  );
}
