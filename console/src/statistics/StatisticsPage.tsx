// 统计: per process, cases by state, overdue cases by responding agency, the median review time in
// working days and the monthly trend — the city for the bureau (or one agency it picks), an agency's
// own cases for its staff (the API scopes it). Each chart has its numbers in a table beside it.
import { processLabels, terms } from '@glossary';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { isBureau, usePrincipal } from '../auth/session.ts';
import { useAgencies } from '../components/agencies.ts';
import { LazyDatePicker } from '../components/LazyDatePicker.tsx';
import type { Process } from '../components/links.ts';
import { DECIDED } from './charts.ts';
import { Report } from './Report.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';

const processOptions = Object.entries(processLabels).map(([value, label]) => ({ value, label }));

export default function StatisticsPage() {
  const p = usePrincipal();
  const bureau = isBureau(p);
  const agencies = useAgencies();
  const known = agencies.data;
  // Stable while the names are, so the charts redraw only when their numbers or names change.
  const agencyName = useCallback((code: string) => known?.find((a) => a.code === code)?.name ?? code, [known]);
  const [params, setParams] = useSearchParams();
  const process = (params.get('process') as Process | null) ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const agency = bureau ? (params.get('agency') ?? undefined) : undefined;
  const set = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const query = Object.fromEntries(Object.entries({ process, from, to, agency }).filter(([, v]) => v)) as {
    process?: Process;
    from?: string;
    to?: string;
    agency?: string;
  };
  const stats = useQuery({
    queryKey: ['statistics', query],
    queryFn: () => ok(api.GET('/api/v1/statistics', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const s = stats.data;
  // The period the answer covers when none is chosen (the API's default).
  const start = from ?? s?.from;
  const end = to ?? s?.to;

  return (
    <Card>
      <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {terms.statistics}
      </Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="业务类型"
          placeholder="全部业务"
          allowClear
          style={{ width: 160 }}
          value={process}
          onChange={(v) => set({ process: v })}
          options={processOptions}
        />
        <LazyDatePicker
          aria-label="开始日期"
          placeholder="开始日期"
          value={start ? dayjs(start) : null}
          allowClear={!!from}
          disabledDate={(d: Dayjs) => !!end && d.isAfter(dayjs(end), 'day')}
          onChange={(d) => set({ from: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        <LazyDatePicker
          aria-label="结束日期"
          placeholder="结束日期"
          value={end ? dayjs(end) : null}
          allowClear={!!to}
          disabledDate={(d: Dayjs) => !!start && d.isBefore(dayjs(start), 'day')}
          onChange={(d) => set({ to: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        {bureau && (
          <Select
            aria-label={terms.handlingAgency}
            placeholder="全市（全部单位）"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            value={agency}
            onChange={(v) => set({ agency: v })}
            options={(known ?? []).map((a) => ({ value: a.code, label: a.name }))}
          />
        )}
        {(process || from || to || agency) && <Button onClick={() => setParams({}, { replace: true })}>重置</Button>}
      </Space>
      {s && (
        <Paragraph type="secondary" role="status" aria-live="polite">
          统计范围：{s.scope.agency ? agencyName(s.scope.agency) : '全市'} ·{' '}
          {process ? processLabels[process] : '全部业务'}
          {' · '}
          {s.from} 至 {s.to}（按提交日期统计；{DECIDED}按答复日期统计）
        </Paragraph>
      )}
      {stats.isError && <Alert type="error" showIcon message={messageOf(stats.error)} style={{ marginBottom: 16 }} />}
      <Spin spinning={stats.isPending || stats.isFetching}>
        {s ? <Report s={s} agencyName={agencyName} /> : <div style={{ minHeight: 200 }} />}
      </Spin>
    </Card>
  );
}
