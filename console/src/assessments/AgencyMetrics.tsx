// An agency's metrics from the system's own records of the assessed year, per source: applicable
// or 不适用 (nothing to measure — never a zero), what was counted, the ratio and the system score.
import { assessmentTerms as t, metricSourceLabels, terms } from '@glossary';
import { Tag } from 'antd';
import { SimpleTable, type Column } from '../components/SimpleTable.tsx';
import {
  metricSentence,
  metricSources,
  percent,
  type AgencyAssessment,
  type Metric,
  type MetricSource,
} from './shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Text } from '../components/Typography.tsx';

interface Row {
  source: MetricSource;
  metric: Metric;
  indicators: string;
}

export function AgencyMetrics({ a }: { a: AgencyAssessment }) {
  if (!a.metrics) return <Text type="secondary">正在从系统采集该单位的年度指标数据…</Text>;
  const metrics = a.metrics;
  const set = a.indicators?.indicators ?? [];
  const rows: Row[] = metricSources
    .filter((s) => metrics[s])
    .map((source) => ({
      source,
      metric: metrics[source]!,
      indicators:
        set
          .filter((i) => i.metric === source)
          .map((i) => i.name)
          .join('、') || '—',
    }));
  const dash = (m: Metric, v: number | null) => (m.applicable && v !== null ? v : '—');
  const columns: Column<Row>[] = [
    { title: '数据来源', key: 'source', render: (r) => metricSourceLabels[r.source], width: 110 },
    { title: t.indicator, key: 'indicators', render: (r) => r.indicators, width: 140 },
    {
      title: '是否适用',
      key: 'applicable',
      width: 90,
      render: (r) =>
        r.metric.applicable ? <ToneTag tone="green">{t.applicable}</ToneTag> : <Tag>{t.notApplicable}</Tag>,
    },
    { title: '统计数', key: 'total', render: (r) => dash(r.metric, r.metric.total), width: 70 },
    { title: '达标数', key: 'ok', render: (r) => dash(r.metric, r.metric.ok), width: 70 },
    { title: `${terms.overdue}数`, key: 'overdue', render: (r) => dash(r.metric, r.metric.overdue), width: 70 },
    { title: '达标率', key: 'ratio', width: 80, render: (r) => (r.metric.applicable ? percent(r.metric.ratio) : '—') },
    { title: t.systemScore, key: 'score', render: (r) => dash(r.metric, r.metric.systemScore), width: 80 },
    { title: '说明', key: 'note', render: (r) => metricSentence(r.metric) },
  ];
  return (
    <div style={{ overflowX: 'auto' }}>
      <SimpleTable<Row>
        caption={`${t.metrics}：各数据来源的统计`}
        rowKey={(r) => r.source}
        columns={columns}
        rows={rows}
        empty="—"
      />
    </div>
  );
}
