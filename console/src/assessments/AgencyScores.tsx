// An agency's scores as they were given: the self-assessment with its evidence, the assessor's
// review, the result (preliminary, then final) with the notice period and the appeal, and the
// rectification (整改) with its plan, reports and the bureau's verifications.
import { assessmentTerms as t, rectificationStateLabels, resultStageLabels, terms } from '@glossary';
import { Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { DueTag } from '../components/DueTag.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { GradeTag, indicatorNamer, reasonText, type AgencyAssessment } from './shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Text, Title } from '../components/Typography.tsx';

type Signed = { by: { id: string; name?: string | null }; at: string };
type Item = { indicator: string; score: number; evidence?: string; comment?: string };

const h3 = (text: string) => (
  <Title level={3} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Title>
);
const signedBy = (s: Signed) => `${s.by.name ?? s.by.id} · ${dayjs(s.at).format('YYYY-MM-DD HH:mm')}`;
const text = (s: string | undefined) => <Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s || '—'}</Paragraph>;
const signer = (s: Signed | null) => (s ? <Text type="secondary">{signedBy(s)}</Text> : null);

/** The system score beside each indicator, from its metric. */
function systemScore(a: AgencyAssessment, code: string): number | null {
  const metric = a.indicators?.indicators.find((i) => i.code === code)?.metric;
  return metric ? (a.metrics?.[metric]?.systemScore ?? null) : null;
}

export function SelfAssessmentCard({ a }: { a: AgencyAssessment }) {
  const name = indicatorNamer(a.indicators);
  const s = a.selfAssessment;
  return (
    <Card title={h3(`${t.selfAssessment}（含${t.evidence}）`)} extra={signer(s)}>
      {s ? (
        <SimpleTable<Item>
          caption={`${t.selfAssessment}明细`}
          rowKey={(i) => i.indicator}
          rows={s.value}
          empty="—"
          columns={[
            { title: t.indicator, key: 'name', render: (i) => name(i.indicator), width: 180 },
            { title: t.systemScore, key: 'system', render: (i) => systemScore(a, i.indicator) ?? '—', width: 100 },
            { title: t.selfScore, key: 'score', render: (i) => i.score, width: 90 },
            { title: t.evidence, key: 'evidence', render: (i) => text(i.evidence) },
          ]}
        />
      ) : (
        <Text type="secondary">
          {a.selfAssessmentMissed
            ? `${t.selfAssessment}期已届满，未提交${t.selfAssessment}，评审依系统记录进行`
            : `尚未提交${t.selfAssessment}`}
        </Text>
      )}
    </Card>
  );
}

export function ReviewCard({ a }: { a: AgencyAssessment }) {
  const name = indicatorNamer(a.indicators);
  const r = a.review;
  const self = new Map((a.selfAssessment?.value ?? []).map((i) => [i.indicator, i.score]));
  return (
    <Card title={h3(`${t.review}（${t.assessor}）`)} extra={signer(r)}>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: r ? 12 : 0 }}
        items={[
          {
            key: 'assessor',
            label: t.assessor,
            children: a.assessor ? (a.assessor.name ?? a.assessor.id) : <Text type="secondary">尚未指派</Text>,
          },
        ]}
      />
      {r ? (
        <SimpleTable<Item>
          caption={`${t.review}明细`}
          rowKey={(i) => i.indicator}
          rows={r.value}
          empty="—"
          columns={[
            { title: t.indicator, key: 'name', render: (i) => name(i.indicator), width: 180 },
            { title: t.selfScore, key: 'self', render: (i) => self.get(i.indicator) ?? '—', width: 90 },
            { title: t.reviewScore, key: 'score', render: (i) => i.score, width: 90 },
            { title: t.reviewComment, key: 'comment', render: (i) => text(i.comment) },
          ]}
        />
      ) : (
        <Text type="secondary">尚未{t.review}</Text>
      )}
    </Card>
  );
}

export function ResultCard({ a }: { a: AgencyAssessment }) {
  if (!a.scores) return null;
  const name = indicatorNamer(a.indicators);
  const floor = new Map((a.indicators?.indicators ?? []).map((i) => [i.code, i.floor]));
  const revised = new Set((a.appeal?.answer?.value.revised ?? []).map((i) => i.indicator));
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'stage', label: '结果', children: a.resultStage ? resultStageLabels[a.resultStage] : '—' },
    { key: 'total', label: t.total, children: a.total ?? '—' },
    { key: 'grade', label: t.grade, children: <GradeTag code={a.gradeCode} /> },
    { key: 'rank', label: t.rank, children: a.rank ?? (a.resultStage === 'final' ? '—' : '最终结果发布后排名') },
  ];
  return (
    <Card title={h3('评估结果')}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} items={items} style={{ marginBottom: 12 }} />
      <SimpleTable
        caption={`各指标${t.score}`}
        rowKey={(s) => s.indicator}
        rows={a.scores}
        empty="—"
        columns={[
          { title: t.indicator, key: 'name', render: (s) => name(s.indicator) },
          { title: t.weight, key: 'weight', render: (s) => s.weight },
          { title: t.floor, key: 'floor', render: (s) => floor.get(s.indicator) ?? '—' },
          {
            title: t.score,
            key: 'score',
            render: (s) => (
              <Space size={4}>
                {s.score}
                {s.belowFloor && <ToneTag tone="red">低于{t.floor}</ToneTag>}
                {revised.has(s.indicator) && <ToneTag tone="blue">申诉后调整</ToneTag>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function AppealCard({ a }: { a: AgencyAssessment }) {
  const inNotice = a.state === 'notice';
  if (!a.appeal && !inNotice) return null;
  const name = indicatorNamer(a.indicators);
  const ap = a.appeal;
  return (
    <Card title={h3(`${terms.notice}与${t.appeal}`)}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'notice',
            label: t.noticeDue,
            children: a.stages.notice ? <DueTag dueDate={a.stages.notice.dueDate} overdue={false} /> : '—',
          },
          {
            key: 'appeal',
            label: t.appeal,
            children: ap ? (
              <div>
                {text(ap.text)}
                <Text type="secondary">{signedBy(ap)}</Text>
              </div>
            ) : (
              <Text type="secondary">
                {terms.notice}期内可对初步结果提出{t.appeal}
              </Text>
            ),
          },
          ...(ap
            ? [
                {
                  key: 'answer',
                  label: t.appealAnswer,
                  children: ap.answer ? (
                    <div>
                      {text(ap.answer.value.text)}
                      {ap.answer.value.revised.length > 0 && (
                        <Paragraph style={{ margin: 0 }}>
                          {t.revisedScores}：
                          {ap.answer.value.revised.map((r) => `${name(r.indicator)} ${r.score}分`).join('；')}
                        </Paragraph>
                      )}
                      <Text type="secondary">{signedBy(ap.answer)}</Text>
                    </div>
                  ) : (
                    <Text type="secondary">待大数据局答复</Text>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export function RectificationCard({ a }: { a: AgencyAssessment }) {
  const r = a.rectification;
  if (!r) return null;
  const name = indicatorNamer(a.indicators);
  const entries = [
    ...r.reports.map((x, n) => ({
      key: `report-${n}`,
      at: x.at,
      title: `${t.rectificationReport}（第${n + 1}次）`,
      body: x.value,
      by: signedBy(x),
      tag: null,
    })),
    ...r.verifications.map((x, n) => ({
      key: `check-${n}`,
      at: x.at,
      title: `${t.verification}（第${n + 1}次）`,
      body: x.value.note ?? '',
      by: signedBy(x),
      tag: x.value.passed ? <ToneTag tone="green">通过</ToneTag> : <ToneTag tone="red">未通过，重新整改</ToneTag>,
    })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <Card
      title={h3(terms.rectification)}
      extra={<ToneTag tone={r.state === 'verified' ? 'green' : 'orange'}>{rectificationStateLabels[r.state]}</ToneTag>}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'reasons',
            label: t.rectificationReasons,
            children: (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {r.reasons.map((x) => (
                  <li key={x}>{reasonText(x, name)}</li>
                ))}
              </ul>
            ),
          },
          {
            key: 'plan',
            label: t.rectificationPlan,
            children: r.plan ? (
              <div>
                {text(r.plan.value)}
                {signer(r.plan)}
              </div>
            ) : (
              <Text type="secondary">尚未提交</Text>
            ),
          },
        ]}
      />
      <Title level={4} style={{ fontSize: 14 }}>
        {t.rectificationReport}与{t.verification}
      </Title>
      {entries.length === 0 ? (
        <Text type="secondary">尚无{t.rectificationReport}</Text>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {entries.map((x) => (
            <li key={x.key} style={{ marginBottom: 8 }}>
              <Space size={8}>
                <Text strong>{x.title}</Text>
                {x.tag}
              </Space>
              {x.body && text(x.body)}
              <Text type="secondary">{x.by}</Text>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
