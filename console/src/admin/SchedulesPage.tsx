// 定时任务: the schedules shuzhi runs on its own — the daily freshness sweep (数据更新巡检), the annual
// assessment (年度评估启动) and the hourly audit checkpoint (审计链检查点) — with their next runs, the
// year the next assessment assesses, and whether each is paused.
import { scheduleLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Descriptions, Row, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Text, Title } from '../components/Typography.tsx';

type Schedule = Schemas['Schedule'];
const at = (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm');
const about: Record<Schedule['scheduleId'], string> = {
  'freshness-daily':
    '每日检查各数据资源是否按更新周期更新：到期未更新的标记为更新超期并通知数据提供单位，连续两个周期未更新的提请大数据局督办。',
  'assessment-annual':
    '每年按规定日期启动上一年度的公共数据管理年度评估：采集指标、通知各单位自评；同一年度只启动一次。',
  'audit-checkpoint-hourly':
    '每小时对审计链的最新位置（条数、哈希、时间）签名存档，并写入本市指定的外部目录，用于核验审计记录未被删改或截断。',
};
const cadence = (description: string | null, fallback: string) => {
  const daily = /daily at (\d{2}:\d{2})/.exec(description ?? '');
  if (daily) return `每日 ${daily[1]}`;
  const yearly = /yearly on (\d{2})-(\d{2}) at (\d{2}:\d{2})/.exec(description ?? '');
  if (yearly) return `每年${Number(yearly[1])}月${Number(yearly[2])}日 ${yearly[3]}`;
  return description ?? fallback;
};

export default function SchedulesPage() {
  const schedules = useQuery({
    queryKey: ['schedules'],
    queryFn: () => ok(api.GET('/api/v1/schedules')),
    refetchInterval: 60_000,
  });
  // The annual schedule's own answer adds the policy's date and time (404 until a worker created it).
  const assessment = useQuery({
    queryKey: ['assessment-schedule'],
    queryFn: () => ok(api.GET('/api/v1/assessment-schedule')),
    retry: false,
  });
  const on = assessment.data?.startsOn;
  const yearly = on ? `每年${Number(on.slice(0, 2))}月${Number(on.slice(3))}日 ${assessment.data!.startsAt}` : null;

  return (
    <Card>
      <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {terms.schedules}
      </Title>
      <Paragraph type="secondary">
        以下任务由系统按北京时间自动运行；暂停或立即运行请由运维人员通过 Temporal 操作（见运维手册）。
      </Paragraph>
      {schedules.isError && (
        <Alert type="error" showIcon message={messageOf(schedules.error)} style={{ marginBottom: 16 }} />
      )}
      <Spin spinning={schedules.isPending}>
        <Row gutter={[24, 24]}>
          {(schedules.data?.items ?? []).map((s) => (
            <Col key={s.scheduleId} xs={24} xl={12}>
              <ScheduleCard
                s={s}
                extra={
                  s.scheduleId === 'assessment-annual'
                    ? yearly
                    : s.scheduleId === 'audit-checkpoint-hourly'
                      ? '每小时'
                      : null
                }
              />
            </Col>
          ))}
        </Row>
      </Spin>
    </Card>
  );
}

function ScheduleCard({ s, extra }: { s: Schedule; extra: string | null }) {
  const name = scheduleLabels[s.scheduleId];
  const state = !s.exists ? (
    <Tag>尚未创建</Tag>
  ) : s.paused ? (
    <ToneTag tone="orange">已暂停</ToneTag>
  ) : (
    <ToneTag tone="green">运行中</ToneTag>
  );
  const items = [
    { key: 'state', label: '状态', children: state },
    { key: 'cadence', label: '运行时间', children: extra ?? cadence(s.description, '—') },
    { key: 'next', label: '下次运行', children: s.nextRunAt ? `${at(s.nextRunAt)}（北京时间）` : '—' },
    ...(s.scheduleId === 'assessment-annual'
      ? [{ key: 'year', label: '将评估年度', children: s.nextYearAssessed ? `${s.nextYearAssessed}年度` : '—' }]
      : []),
    ...(s.note ? [{ key: 'note', label: s.paused ? '暂停原因' : '备注', children: s.note }] : []),
    {
      key: 'later',
      label: '此后运行',
      children: s.nextRuns.length > 1 ? s.nextRuns.slice(1, 4).map(at).join('；') : '—',
    },
    {
      key: 'recent',
      label: '最近运行',
      children: s.recentRuns.length
        ? s.recentRuns
            .slice(-3)
            .reverse()
            .map((r) => at(r.startedAt))
            .join('；')
        : '暂无',
    },
    { key: 'id', label: '任务标识', children: <Text code>{s.scheduleId}</Text> },
  ];
  return (
    <Card
      size="small"
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {name}
        </Title>
      }
    >
      <Paragraph type="secondary">{about[s.scheduleId]}</Paragraph>
      {!s.exists && (
        <Alert
          type="warning"
          showIcon
          message="该任务尚未创建：工作进程（worker）启动时会自动创建。"
          style={{ marginBottom: 12 }}
        />
      )}
      {s.exists && s.paused && (
        <Alert type="warning" showIcon message={`${name}已暂停，恢复前不会自动运行。`} style={{ marginBottom: 12 }} />
      )}
      <Descriptions size="small" column={1} bordered items={items} />
    </Card>
  );
}
