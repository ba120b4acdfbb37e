// 评估指标: the versions of the indicator framework (评估指标体系) — grade thresholds and each
// indicator's weight, floor and system metric — and publishing a new version.
import { assessmentTerms, gradeLabels, metricSourceLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { lazy, useState } from 'react';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { Later } from '../components/later.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';

// The new version's form loads when it is first asked for.
const IndicatorSetForm = lazy(() => import('./IndicatorSetForm.tsx').then((m) => ({ default: m.IndicatorSetForm })));

type IndicatorSet = Schemas['IndicatorSet'] & { isDefault: boolean; createdAt: string };
type Indicator = IndicatorSet['indicators'][number];

export default function IndicatorsPage() {
  const p = usePrincipal();
  const [adding, setAdding] = useState(false);
  const sets = useQuery({
    queryKey: ['assessment-indicators'],
    queryFn: () => ok(api.GET('/api/v1/assessment-indicators')),
  });
  // The default version first, then the newest.
  const items = [...(sets.data?.items ?? [])].sort((a, b) =>
    a.isDefault === b.isDefault ? b.createdAt.localeCompare(a.createdAt) : a.isDefault ? -1 : 1,
  );
  const base = items.find((s) => s.isDefault) ?? items[0];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {terms.indicatorFramework}
        </Title>
        {hasRole(p, 'bureau_admin') && !adding && (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增指标版本
          </Button>
        )}
      </Space>
      {adding && (
        <div style={{ marginBottom: 24 }}>
          <Later when={adding} fallback={<Spin />}>
            <IndicatorSetForm base={base} onDone={() => setAdding(false)} />
          </Later>
        </div>
      )}
      {sets.isError && <Alert type="error" showIcon message={messageOf(sets.error)} />}
      <Spin spinning={sets.isPending}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {items.map((s) => (
            <Version key={s.version} set={s} />
          ))}
        </Space>
      </Spin>
    </Card>
  );
}

function Version({ set }: { set: IndicatorSet }) {
  const total = set.indicators.reduce((n, i) => n + i.weight, 0);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {set.title}
          </Title>
          <Tag>{set.version}</Tag>
          {set.isDefault && <ToneTag tone="blue">默认版本</ToneTag>}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'version', label: assessmentTerms.indicatorsVersion, children: set.version },
          { key: 'created', label: '发布时间', children: dayjs(set.createdAt).format('YYYY-MM-DD HH:mm') },
          {
            key: 'grades',
            label: '等级分数线',
            children:
              `${gradeLabels.excellent} ≥ ${set.grades.excellent} · ${gradeLabels.good} ≥ ${set.grades.good} · ` +
              `${gradeLabels.pass} ≥ ${set.grades.pass} · ${gradeLabels.fail} < ${set.grades.pass}`,
          },
        ]}
      />
      <SimpleTable<Indicator>
        look="antd"
        caption={set.title}
        rowKey={(i) => i.code}
        size="small"
        rows={set.indicators}
        columns={[
          { title: '指标代码', key: 'code', render: (i) => <Text code>{i.code}</Text> },
          { title: '指标名称', key: 'name', render: (i) => i.name },
          {
            title: assessmentTerms.weight,
            key: 'weight',
            render: (i) => `${i.weight}${total ? `（${Math.round((i.weight / total) * 1000) / 10}%）` : ''}`,
          },
          {
            title: assessmentTerms.floor,
            key: 'floor',
            render: (i) => i.floor ?? <Text type="secondary">不设</Text>,
          },
          {
            title: assessmentTerms.metrics,
            key: 'metric',
            render: (i) =>
              i.metric ? metricSourceLabels[i.metric] : <Text type="secondary">不关联（凭佐证材料评分）</Text>,
          },
        ]}
      />
    </Card>
  );
}
