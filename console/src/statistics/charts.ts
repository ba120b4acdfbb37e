// The statistics answer as the four charts draw it, each with the sentence that says the same to a
// screen reader: cases by state, overdue cases by agency, the median review time, the monthly trend.
import { processLabels, stateLabels, terms } from '@glossary';
import dayjs from 'dayjs';
import type { Schemas } from '../api/client.ts';
import { stateLabel } from '../components/StateTag.tsx';
import type { ChartOption } from './Chart.tsx';

type Stats = Schemas['Statistics'];
type ProcessStats = Stats['processes'][number];

export const DECIDED = '已答复';
export const SUBMITTED = '新提交';

const legendGrid = { legend: { top: 0 }, grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true } };
const shadow = { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } };
const label = (x: { process: ProcessStats['process'] }) => processLabels[x.process];

/** Every month from `from` to `to`, as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = dayjs(from).startOf('month'); !m.isAfter(dayjs(to), 'month'); m = m.add(1, 'month')) {
    out.push(m.format('YYYY-MM'));
  }
  return out;
}

const sum = <T>(xs: T[], n: (x: T) => number) => xs.reduce((total, x) => total + n(x), 0);

type StateLabel = {
  [P in keyof typeof stateLabels]: (typeof stateLabels)[P][keyof (typeof stateLabels)[P]];
}[keyof typeof stateLabels];

/**
 * One colour per state word, the same in every filter: 33 colours from antd's palettes, each at least
 * 3:1 against white (WCAG 1.4.11), picked farthest apart (no two closer than ΔE 13), and grouped by
 * meaning where they can be — greens for data in use, reds for refusals, greys for cases closed.
 */
const stateColors = {
  待审核: '#1d5fbf',
  待补正: '#d46b08',
  已共享: '#389e0d',
  不予共享: '#f5222d',
  异议中: '#722ed1',
  已撤回: '#8c8c8c',
  已关闭: '#595959',
  已到期: '#262626',
  已撤销: '#820014',
  协商中: '#08979c',
  协调中: '#10239e',
  已提请市政府: '#c41d7f',
  已办结: '#00474f',
  形式审查: '#2f54eb',
  已退回: '#ad6800',
  提供单位审核: '#9254de',
  待签署协议: '#876800',
  使用中: '#237804',
  已暂停: '#fa541c',
  不予开放: '#a8071a',
  已失效: '#873800',
  转办中: '#22075e',
  核实中: '#f759ab',
  已更正: '#5b8c00',
  维持原数据: '#ad8b00',
  已转办: '#006d75',
  指标采集: '#002c8c',
  自评: '#780650',
  评审: '#1677ff',
  已评审: '#ad4e00',
  公示: '#ff4d4f',
  整改: '#ad2102',
  结果已发布: '#135200',
} as const satisfies Record<StateLabel, string>;

const stateColor = (name: string): string | undefined => (stateColors as Record<string, string>)[name];

export function buildCharts(s: Stats, agencyName: (code: string) => string) {
  const shown = s.processes.filter((x) => x.total > 0 || x.decided > 0);

  // Cases by state: a bar per process, stacked by state (a state's word may recur across processes).
  const stateNames = [...new Set(shown.flatMap((x) => x.byState.map((b) => stateLabel(x.process, b.state))))];
  const countOf = (x: ProcessStats, name: string) =>
    sum(
      x.byState.filter((b) => stateLabel(x.process, b.state) === name),
      (b) => b.count,
    );
  const states: ChartOption = {
    ...legendGrid,
    tooltip: shadow,
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map(label), inverse: true },
    series: stateNames.map((name) => ({
      name,
      type: 'bar',
      stack: 'state',
      barMaxWidth: 28,
      data: shown.map((x) => countOf(x, name)),
      ...(stateColor(name) ? { itemStyle: { color: stateColor(name) } } : {}),
    })),
  };
  const statesText = shown
    .map((x) => `${label(x)}${x.byState.map((b) => `${stateLabel(x.process, b.state)}${b.count}件`).join('、')}`)
    .join('；');

  // Overdue cases by the agency that was to answer, stacked by process.
  const agencies = [...new Set(s.overdueByAgency.map((r) => r.agency))];
  const overdueProcesses = [...new Set(s.overdueByAgency.map((r) => r.process))];
  const overdueOf = (agency: string, process: string) =>
    sum(
      s.overdueByAgency.filter((r) => r.agency === agency && r.process === process),
      (r) => r.count,
    );
  const byAgency: ChartOption = {
    ...legendGrid,
    tooltip: shadow,
    xAxis: {
      type: 'category',
      data: agencies.map(agencyName),
      axisLabel: { interval: 0, rotate: agencies.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: overdueProcesses.map((p) => ({
      name: processLabels[p],
      type: 'bar',
      stack: 'overdue',
      barMaxWidth: 36,
      data: agencies.map((a) => overdueOf(a, p)),
    })),
  };
  const byAgencyText = s.overdueByAgency
    .map((r) => `${agencyName(r.agency)}${processLabels[r.process]}${r.count}件`)
    .join('、');

  // The median review time of each process that answered anything in the period.
  const timed = s.processes.filter((x) => x.medianReviewWd !== null);
  const median: ChartOption = {
    ...legendGrid,
    tooltip: { ...shadow, valueFormatter: (v) => `${v}个${terms.workingDay}` },
    xAxis: { type: 'category', data: timed.map(label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: terms.workingDay, minInterval: 1 },
    series: [
      {
        name: terms.medianReviewWd,
        type: 'bar',
        barMaxWidth: 40,
        data: timed.map((x) => x.medianReviewWd!),
        label: { show: true, position: 'top' },
      },
    ],
  };
  const medianText = timed.map((x) => `${label(x)}${x.medianReviewWd}个${terms.workingDay}`).join('、');

  // The monthly trend over the processes in the filter, every month of the period shown.
  const monthRows = monthsBetween(s.from, s.to).map((month) => {
    const rows = s.monthly.filter((r) => r.month === month);
    const total = (key: 'submitted' | 'decided' | 'overdue') => sum(rows, (r) => r[key]);
    return { month, submitted: total('submitted'), decided: total('decided'), overdue: total('overdue') };
  });
  const line = (name: string, data: number[], dashed = false) => ({
    name,
    type: 'line' as const,
    data,
    symbolSize: 6,
    ...(dashed ? { lineStyle: { type: 'dashed' as const } } : {}),
  });
  const trend: ChartOption = {
    ...legendGrid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: monthRows.map((r) => r.month), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(
        SUBMITTED,
        monthRows.map((r) => r.submitted),
      ),
      line(
        DECIDED,
        monthRows.map((r) => r.decided),
      ),
      line(
        terms.overdue,
        monthRows.map((r) => r.overdue),
        true,
      ),
    ],
  };
  const trendText =
    `${monthRows[0]?.month ?? ''}至${monthRows.at(-1)?.month ?? ''}` +
    `共${SUBMITTED}${sum(monthRows, (r) => r.submitted)}件、` +
    `${DECIDED}${sum(monthRows, (r) => r.decided)}件、${terms.overdue}${sum(monthRows, (r) => r.overdue)}件，逐月数字见数据表`;

  return {
    shown,
    timed,
    monthRows,
    states: { option: states, text: statesText || '暂无事项' },
    byAgency: { option: byAgency, text: byAgencyText },
    median: { option: median, text: medianText },
    trend: { option: trend, text: trendText },
  };
}
