// Publishing a year's calendar from the State Council notice: the holidays and the make-up working
// days typed or pasted as dates and ranges, previewed on the calendar, then published (PUT); the
// publication job then tells every open case, and its progress shows until they have all heard.
import { terms } from '@glossary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, ok } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import { calendarProblem, formatDateList, isWeekend, parseDateList, type YearLists } from './calendar-dates.ts';
import { Paragraph } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';

interface Values {
  year: number;
  holidays: string;
  workdays: string;
}
export interface Preview extends YearLists {
  year: number;
}

export function CalendarUploadForm({
  defaultYear,
  onPreview,
  onPublished,
}: {
  defaultYear: number;
  onPreview: (preview: Preview | null) => void;
  onPublished: (year: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [published, setPublished] = useState<{ year: number; jobId: string } | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const queryClient = useQueryClient();

  const lists = (v: Values): Preview => ({
    year: v.year,
    holidays: parseDateList(v.holidays, v.year).dates,
    workdays: parseDateList(v.workdays, v.year).dates,
  });

  const load = async () => {
    const year = form.getFieldValue('year') as number | null;
    if (!year) return;
    const current = await ok(api.GET('/api/v1/calendar/years/{year}', { params: { path: { year } } })).catch(
      () => null,
    );
    if (!current || current.source === 'none') {
      toast.info(`${year}年尚无已发布的日历可载入`);
      return;
    }
    form.setFieldsValue({ holidays: formatDateList(current.holidays), workdays: formatDateList(current.workdays) });
  };

  const preview = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) onPreview(lists(v));
  };

  const publish = async (v: Values) => {
    const body = lists(v);
    const confirmed = await modal.confirm({
      title: `发布${v.year}年${terms.calendar}？`,
      content:
        `共${body.holidays.length}个${terms.holiday}、${body.workdays.length}个${terms.makeUpDay}日。` +
        '发布后即生效，在办事项的办理期限将按新日历重算。',
      okText: '确认发布',
      cancelText: '取消',
    });
    if (!confirmed) return;
    setBusy(true);
    setProblem(null);
    setPublished(null);
    try {
      const res = await ok(
        api.PUT('/api/v1/calendar/years/{year}', {
          params: { path: { year: v.year } },
          body: { holidays: body.holidays, workdays: body.workdays },
        }),
      );
      setPublished({ year: res.year, jobId: res.publication.id });
      onPreview(null);
      await queryClient.invalidateQueries({ queryKey: ['calendar-year', res.year] });
      onPublished(res.year);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        const byField: Partial<Record<'holidays' | 'workdays', string[]>> = {};
        const rest: string[] = [];
        for (const e of error.errors) {
          const field = e.path.split('.')[0]!;
          if (field === 'holidays' || field === 'workdays') (byField[field] ??= []).push(calendarProblem(e.message));
          else rest.push(calendarProblem(e.message));
        }
        const fields = (['holidays', 'workdays'] as const).filter((n) => byField[n]);
        form.setFields(fields.map((name) => ({ name, errors: byField[name]! })));
        setProblem(rest.length ? rest.join('；') : null);
      } else {
        setProblem(messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  };

  type Getter = { getFieldValue: (n: string) => unknown };
  const listRule =
    (which: 'holidays' | 'workdays') =>
    ({ getFieldValue }: Getter) => ({
      validator: async (_: unknown, text: string | undefined) => {
        const year = getFieldValue('year') as number | null;
        const { dates, problems } = parseDateList(text, year);
        if (which === 'holidays' && !dates.length && !problems.length) throw new Error(`请填写${terms.holiday}`);
        if (which === 'workdays') {
          for (const d of dates) if (!isWeekend(d)) problems.push(`${d} 不是周六或周日，${terms.makeUpDay}日须在周末`);
          const holidays = new Set(parseDateList(getFieldValue('holidays') as string, year).dates);
          for (const d of dates)
            if (holidays.has(d)) problems.push(`${d} 同时列为${terms.holiday}和${terms.makeUpDay}日`);
        }
        if (problems.length) {
          throw new Error(problems.slice(0, 5).join('；') + (problems.length > 5 ? `等${problems.length}处` : ''));
        }
      },
    });

  return (
    <>
      {modalHolder}
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      {published && <PublicationProgress {...published} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={publish}
        style={{ maxWidth: 720 }}
        initialValues={{ year: defaultYear, holidays: '', workdays: '' }}
      >
        <Form.Item name="year" label="发布年份" rules={[{ required: true, message: '请填写年份' }]}>
          <InputNumber min={2000} max={2200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="holidays"
          label={`${terms.holiday}（放假日期）`}
          required
          dependencies={['year']}
          rules={[listRule('holidays')]}
          extra="按国务院办公厅节假日安排通知填写，每行一个日期或日期范围，如 2027-10-01..2027-10-07（也可写作 2027-10-01 至 2027-10-07）；可附节日名称，# 后为备注。"
        >
          <Input.TextArea
            rows={8}
            placeholder={'元旦 2027-01-01\n春节 2027-02-06..2027-02-13'}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Form.Item
          name="workdays"
          label={`${terms.makeUpDay}日`}
          dependencies={['year', 'holidays']}
          rules={[listRule('workdays')]}
          extra="通知中周六、周日上班的日期，每行一个或用逗号分隔。"
        >
          <Input.TextArea rows={4} placeholder={'2027-02-20\n2027-09-26'} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space wrap>
          <Button onClick={load}>载入已发布的日历</Button>
          <Button onClick={preview}>预览</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            发布
          </Button>
        </Space>
        <Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          已上传的年份替换系统内置的同一年份；可随时重新发布更正。
        </Paragraph>
      </Form>
    </>
  );
}

/** What the publication job has done: the open cases told so far, until every one has heard. */
function PublicationProgress({ year, jobId }: { year: number; jobId: string }) {
  const { data: job } = useQuery({
    queryKey: ['calendar-publication', jobId],
    queryFn: () => ok(api.GET('/api/v1/calendar/publications/{id}', { params: { path: { id: jobId } } })),
    // Polled while the first pass runs: a second pass only tells again the cases opened meanwhile.
    refetchInterval: (q) =>
      q.state.data && (q.state.data.pass !== 'open' || q.state.data.state === 'abandoned') ? false : 1000,
  });
  const heard = job && job.pass !== 'open';
  if (job?.state === 'abandoned')
    return (
      <Alert
        type="warning"
        showIcon
        message={`已发布${year}年${terms.calendar}，但通知作业已被中止：请重新发布该年度以通知在办事项`}
        style={{ marginBottom: 16 }}
        role="status"
      />
    );
  const message = !job
    ? `已发布${year}年${terms.calendar}，正在通知在办事项`
    : heard
      ? `已发布${year}年${terms.calendar}，已通知${job.told}件在办事项按新日历重算办理期限`
      : `已发布${year}年${terms.calendar}，正在通知在办事项按新日历重算办理期限（${Math.min(job.told + job.gone, job.total)}/${job.total}）`;
  return (
    <Alert type={heard ? 'success' : 'info'} showIcon message={message} style={{ marginBottom: 16 }} role="status" />
  );
}
