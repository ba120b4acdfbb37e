// 工作日历: a year as a calendar — each day 节假日, 调休上班, 周末 or 工作日 — and whether the year
// is only 暂定 (no calendar: weekends alone decide); the administrator publishes the next year's
// State Council notice here, previewing it on the same calendar first.
import { terms } from '@glossary';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Select, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { lazy, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import type { Preview } from './CalendarUploadForm.tsx';
import { Later } from '../components/later.tsx';
import { KindLegend, YearCalendar } from './YearCalendar.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Text, Title } from '../components/Typography.tsx';

// The administrator's upload form loads after the calendar, which everyone sees.
const CalendarUploadForm = lazy(() =>
  import('./CalendarUploadForm.tsx').then((m) => ({ default: m.CalendarUploadForm })),
);

export default function CalendarPage() {
  const p = usePrincipal();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const setYear = (y: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  const [preview, setPreview] = useState<Preview | null>(null);
  const calendar = useQuery({
    queryKey: ['calendar-year', year],
    queryFn: () => ok(api.GET('/api/v1/calendar/years/{year}', { params: { path: { year } } })),
  });
  const previewing = preview?.year === year ? preview : null;
  const lists = previewing ?? calendar.data;
  const years = [...new Set([2024, ...Array.from({ length: thisYear + 3 - 2024 }, (_, i) => 2024 + i), year])].sort();

  const showPreview = (next: Preview | null) => {
    setPreview(next);
    if (next) {
      setYear(next.year);
      document.getElementById('calendar-status')?.scrollIntoView({ behavior: 'smooth' });
    }
  };

  return (
    <Card>
      <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {terms.calendar}
      </Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<LeftOutlined />} aria-label="上一年" onClick={() => setYear(year - 1)} disabled={year <= 2000} />
        <Select
          aria-label="查看年份"
          value={year}
          style={{ width: 120 }}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Button
          icon={<RightOutlined />}
          aria-label="下一年"
          onClick={() => setYear(year + 1)}
          disabled={year >= 2200}
        />
      </Space>

      <section id="calendar-status" aria-label="日历状态" style={{ marginBottom: 16 }}>
        {previewing ? (
          <Alert
            type="info"
            showIcon
            message={`预览：${year}年${terms.calendar}（尚未发布）`}
            description="以下为表单中填写的日期，确认无误后在下方发布；发布前不影响任何办理期限。"
            action={
              <Button size="small" onClick={() => setPreview(null)}>
                退出预览
              </Button>
            }
          />
        ) : calendar.isError ? (
          <Alert type="error" showIcon message={messageOf(calendar.error)} />
        ) : calendar.data ? (
          <Status {...calendar.data} />
        ) : null}
      </section>

      <Spin spinning={calendar.isPending}>
        {lists && (
          <>
            <div style={{ marginBottom: 16 }}>
              <KindLegend year={year} lists={lists} />
            </div>
            <YearCalendar year={year} lists={lists} />
          </>
        )}
      </Spin>

      {hasRole(p, 'bureau_admin') && (
        <>
          <Divider />
          <Title level={3} style={{ fontSize: 16 }}>
            发布{terms.calendar}
          </Title>
          <Paragraph type="secondary">
            国务院办公厅每年年底发布次年节假日安排通知后，在此录入放假日期和{terms.makeUpDay}日期，预览无误后发布。
          </Paragraph>
          <Later when fallback={<Spin />}>
            <CalendarUploadForm defaultYear={thisYear + 1} onPreview={showPreview} onPublished={(y) => setYear(y)} />
          </Later>
        </>
      )}
    </Card>
  );
}

interface StatusProps {
  year: number;
  source: 'builtin' | 'uploaded' | 'none';
  uploadedBy?: string;
  uploadedAt?: string;
}

function Status({ year, source, uploadedBy, uploadedAt }: StatusProps) {
  if (source === 'none') {
    return (
      <Alert
        type="warning"
        showIcon
        message={
          <Space>
            <ToneTag tone="orange">{terms.provisional}</ToneTag>
            {year}年尚未发布{terms.calendar}
          </Space>
        }
        description={`暂仅按周末计算${terms.workingDay}，落在${year}年的办理期限均为${terms.provisional}期限；日历发布后自动重算。`}
      />
    );
  }
  return (
    <Space wrap>
      {source === 'uploaded' ? <ToneTag tone="blue">已上传</ToneTag> : <ToneTag tone="green">系统内置</ToneTag>}
      <Text>
        {source === 'uploaded'
          ? `${year}年${terms.calendar}由 ${uploadedBy ?? '—'}` +
            ` 于 ${uploadedAt ? dayjs(uploadedAt).format('YYYY-MM-DD HH:mm') : '—'} 发布`
          : `${year}年${terms.calendar}依据国务院办公厅节假日安排通知（系统内置）`}
      </Text>
    </Space>
  );
}
