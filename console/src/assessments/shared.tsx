// What the assessment pages share: the answers' types, grades, metric sentences in Chinese, the
// framework's indicator names, and a cycle's agencies read in full.
import { assessmentTerms as t, gradeLabels, metricSourceLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { api, ok, type Schemas } from '../api/client.ts';
import type { Tone } from '../components/tagColors.ts';
import { ToneTag } from '../components/ToneTag.tsx';
import { Text } from '../components/Typography.tsx';

export type Cycle = Schemas['AssessmentCycle'];
export type AgencyAssessment = Schemas['AgencyAssessment'];
export type IndicatorSet = Schemas['IndicatorSet'];
export type Indicator = IndicatorSet['indicators'][number];
export type Metric = NonNullable<AgencyAssessment['metrics']>[string];
export type MetricSource = keyof typeof metricSourceLabels;
export type GradeCode = keyof typeof gradeLabels;

export const metricSources = Object.keys(metricSourceLabels) as MetricSource[];

/** The last year that has ended (the one a cycle may be started for), in the browser's local time. */
export const lastEndedYear = (): number => new Date().getFullYear() - 1;

export const cycleKey = (year: number) => ['assessment-cycle', year] as const;
export const agencyKey = (year: number, code: string) => ['assessment', year, code] as const;

const gradeTones: Record<GradeCode, Tone> = { excellent: 'green', good: 'blue', pass: 'grey', fail: 'red' };

export function GradeTag({ code }: { code: GradeCode | null | undefined }) {
  if (!code) return <Text type="secondary">—</Text>;
  return <ToneTag tone={gradeTones[code]}>{gradeLabels[code]}</ToneTag>;
}

/** A ratio as a percentage, or — when there was nothing to measure. */
export const percent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 1000) / 10}%`;

/** What a metric counted, in a sentence (the API's note is for logs, in English). */
export function metricSentence(m: Metric): string {
  if (!m.applicable) return '该年度无可统计事项，本项不适用';
  switch (m.source) {
    case 'catalog':
      return m.total ? `已编目资源${m.total}项，其中${m.ok}项目录信息完整` : '该年度未编制资源目录';
    case 'freshness':
      return `已编目资源${m.total}项，其中${m.ok}项全年按更新周期更新`;
    case 'share':
      return `有条件共享申请${m.total}件，其中审核超期${m.overdue ?? 0}件`;
    case 'objection':
      return `已办结共享异议${m.total}件，其中维持不予共享${m.ok}件`;
    case 'open':
      return `开放申请${m.total}件，其中审核超期${m.overdue ?? 0}件`;
    case 'correction':
      return `数据纠错${m.total}件，其中核实超期${m.overdue ?? 0}件`;
  }
}

/** An indicator's name by code, from the cycle's framework (its code until known). */
export function indicatorNamer(set: IndicatorSet | null | undefined): (code: string) => string {
  const names = new Map((set?.indicators ?? []).map((i) => [i.code, i.name]));
  return (code) => names.get(code) ?? code;
}

/** Where an indicator's system figure comes from, or 佐证 when it is scored on evidence alone. */
export const metricLabel = (metric: Indicator['metric']): string =>
  metric ? metricSourceLabels[metric] : `依${t.evidence}评分`;

/** The rectification's reasons in Chinese (the rules write them so; cases recorded before did so in English). */
export function reasonText(reason: string, name: (code: string) => string): string {
  const total = /^total ([\d.]+) is below ([\d.]+)/.exec(reason);
  if (total) return `${t.total}${total[1]}分，低于合格线${total[2]}分（${gradeLabels.fail}）`;
  const floor = /\((\w+)\) is below its floor$/.exec(reason);
  if (floor) return `${name(floor[1]!)}得分低于${t.floor}`;
  return reason;
}

/** A deadline of a cycle's stage: the date, marked 暂定 while its calendar year is not published. */
export function StageDate({ due }: { due: { dueDate: string; provisional: boolean } | null | undefined }) {
  if (!due) return <Text type="secondary">未开始</Text>;
  return (
    <Space size={4}>
      <Text>{due.dueDate}</Text>
      {due.provisional && <Tag>{terms.provisional}</Tag>}
    </Space>
  );
}

async function allAgencies(year: number): Promise<AgencyAssessment[]> {
  const all: AgencyAssessment[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await ok(
      api.GET('/api/v1/assessment-cycles/{year}/agencies', {
        params: { path: { year }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    );
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
}

/** Every agency of a cycle the caller may see (the bureau: all; an assessor: those assigned to them). */
export function useCycleAgencies(year: number, enabled = true) {
  return useQuery({
    queryKey: ['assessment-cycle', year, 'agencies', 'all'],
    queryFn: () => allAgencies(year),
    enabled,
  });
}
