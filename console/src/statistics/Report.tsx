// The numbers of one statistics answer: the totals, the per-process summary, and the four charts,
// each with its data table (ECharts loads after the numbers, in a chunk of its own).
import { processLabels, terms } from '@glossary';
import { Col, Empty, Row, Space, Statistic } from 'antd';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import type { Schemas } from '../api/client.ts';
import { stateLabel } from '../components/StateTag.tsx';
import type { ChartOption } from './Chart.tsx';
import { buildCharts, DECIDED, SUBMITTED } from './charts.ts';
import { DataTable } from './DataTable.tsx';
import { Card } from '../components/Card.tsx';
import { Title } from '../components/Typography.tsx';

const Chart = lazy(() => import('./Chart.tsx'));
const drawing = { height: 300, display: 'grid', placeItems: 'center' } as const;

export function Report({ s, agencyName }: { s: Schemas['Statistics']; agencyName: (code: string) => string }) {
  const c = useMemo(() => buildCharts(s, agencyName), [s, agencyName]);
  const total = s.processes.reduce((n, x) => n + x.total, 0);
  const overdue = s.processes.reduce((n, x) => n + x.overdue, 0);
  const decided = s.processes.reduce((n, x) => n + x.decided, 0);
  const card = (title: string, value: number, suffix: string, alarm = false) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={title} value={value} suffix={suffix} valueStyle={alarm ? { color: '#a8071a' } : undefined} />
      </Card>
    </Col>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {card('事项总数', total, '件')}
        {card(`其中${terms.overdue}`, overdue, '件', overdue > 0)}
        {card(DECIDED, decided, '件')}
        {card(`${terms.overdue}率`, total ? Math.round((overdue / total) * 1000) / 10 : 0, '%')}
      </Row>

      <section aria-labelledby="stats-summary-title">
        <Title level={3} id="stats-summary-title" style={{ fontSize: 16 }}>
          各业务汇总
        </Title>
        <DataTable
          id="stats-summary"
          caption={`各业务事项数、${terms.overdue}数、${DECIDED}数和${terms.medianReviewWd}`}
          head={['业务', '事项总数', terms.overdue, DECIDED, `${terms.medianReviewWd}（${terms.workingDay}）`]}
          rows={s.processes.map((x) => [
            processLabels[x.process],
            x.total,
            x.overdue,
            x.decided,
            x.medianReviewWd ?? '—',
          ])}
        />
      </section>

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={12}>
          <ChartSection
            id="states"
            title="按状态分布"
            text={c.states.text}
            option={c.states.option}
            empty={c.shown.length === 0 ? '所选范围内暂无事项' : null}
          >
            <DataTable
              id="stats-states"
              caption="各业务按状态的事项数"
              head={['业务', '状态', '数量']}
              rows={c.shown.flatMap((x) =>
                x.byState.map((b) => [processLabels[x.process], stateLabel(x.process, b.state), b.count]),
              )}
            />
          </ChartSection>
        </Col>
        <Col xs={24} xl={12}>
          <ChartSection
            id="overdue"
            title={`${terms.overdue}事项（按承办单位）`}
            text={c.byAgency.text}
            option={c.byAgency.option}
            empty={s.overdueByAgency.length === 0 ? `所选范围内没有${terms.overdue}事项` : null}
          >
            <DataTable
              id="stats-overdue"
              caption={`各承办单位的${terms.overdue}事项数`}
              head={['承办单位', '业务', `${terms.overdue}数量`]}
              rows={s.overdueByAgency.map((r) => [agencyName(r.agency), processLabels[r.process], r.count])}
            />
          </ChartSection>
        </Col>
        <Col xs={24} xl={12}>
          <ChartSection
            id="median"
            title={`${terms.medianReviewWd}（${terms.workingDay}）`}
            describedBy="stats-summary"
            text={c.median.text}
            option={c.median.option}
            empty={c.timed.length === 0 ? `所选范围内尚无${DECIDED}的事项` : null}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartSection id="trend" title="月度趋势" text={c.trend.text} option={c.trend.option}>
            <DataTable
              id="stats-trend"
              caption={`逐月${SUBMITTED}、${DECIDED}和${terms.overdue}事项数`}
              head={['月份', SUBMITTED, DECIDED, terms.overdue]}
              rows={c.monthRows.map((r) => [r.month, r.submitted, r.decided, r.overdue])}
            />
          </ChartSection>
        </Col>
      </Row>
    </Space>
  );
}

/** A chart under its heading: an image named by its numbers, described by its table (or the summary). */
function ChartSection({
  id,
  title,
  text,
  option,
  empty = null,
  describedBy,
  children,
}: {
  id: string;
  title: string;
  text: string;
  option: ChartOption;
  empty?: string | null;
  describedBy?: string;
  children?: ReactNode;
}) {
  const heading = `stats-${id}-title`;
  return (
    <Card
      size="small"
      title={
        <Title level={3} id={heading} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Title>
      }
    >
      <figure aria-labelledby={heading} style={{ margin: 0 }}>
        {empty ? (
          <Empty description={empty} style={{ padding: 24 }} />
        ) : (
          <Suspense
            fallback={
              <div role="status" style={drawing}>
                正在绘制图表…
              </div>
            }
          >
            <Chart option={option} label={`${title}图表。${text}`} describedBy={describedBy ?? `stats-${id}`} />
          </Suspense>
        )}
        {children && (
          <details style={{ marginTop: 8 }} open={!!empty || undefined}>
            <summary style={{ cursor: 'pointer' }}>{title}：数据表</summary>
            {children}
          </details>
        )}
      </figure>
    </Card>
  );
}
