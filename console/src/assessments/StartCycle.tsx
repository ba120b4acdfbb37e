// Starting a year's assessment (bureau admin), and the annual schedule that starts one each January.
import { assessmentTerms as t } from '@glossary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import { showFieldErrors } from '../components/fieldErrors.ts';
import { lastEndedYear } from './shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';

/** A random key; crypto.randomUUID needs a secure context, getRandomValues does not. */
const newKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

interface StartForm {
  year: number;
  indicatorsVersion?: string;
}

export function StartCycleButton() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<StartForm>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // One key per attempt: a retry of the same start is answered as the first was.
  const key = useRef('');
  const versions = useQuery({
    queryKey: ['assessment-indicators'],
    queryFn: () => ok(api.GET('/api/v1/assessment-indicators')),
    enabled: open,
  });

  const start = async (v: StartForm) => {
    setBusy(true);
    try {
      const cycle = await ok(
        api.POST('/api/v1/assessment-cycles', {
          params: { header: { 'idempotency-key': key.current } },
          body: { year: v.year, ...(v.indicatorsVersion ? { indicatorsVersion: v.indicatorsVersion } : {}) },
        }),
      );
      toast.success(`已启动${cycle.year}年度评估`);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['assessment-cycles'] });
      void navigate(`/assessments/${cycle.year}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE') {
        form.setFields([{ name: 'year', errors: ['该年度已启动评估，每年只评估一次'] }]);
      } else if (!showFieldErrors(form, error)) {
        toast.error(messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          key.current = newKey();
          setOpen(true);
        }}
      >
        启动年度评估
      </Button>
      <Modal
        open={open}
        title="启动年度评估"
        okText="启动"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Paragraph type="secondary">
          评估已结束的年度：系统将为每家单位采集该年度的指标数据，随后开放自评。每个年度只评估一次。
        </Paragraph>
        <Form form={form} layout="vertical" onFinish={start} initialValues={{ year: lastEndedYear() }} preserve={false}>
          <Form.Item
            label="评估年度"
            name="year"
            rules={[
              { required: true, message: '请填写评估年度' },
              {
                type: 'number',
                min: 2000,
                max: lastEndedYear(),
                message: `评估年度须为2000至${lastEndedYear()}年之间已结束的年度`,
              },
            ]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t.indicatorsVersion} name="indicatorsVersion" extra="不选则使用默认版本">
            <Select
              allowClear
              placeholder="默认版本"
              loading={versions.isPending}
              options={(versions.data?.items ?? []).map((s) => ({
                value: s.version,
                label: `${s.title}（${s.version}）${s.isDefault ? ' · 默认' : ''}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ScheduleCard() {
  const schedule = useQuery({
    queryKey: ['assessment-schedule'],
    queryFn: () => ok(api.GET('/api/v1/assessment-schedule')),
  });
  const title = (
    <Title level={3} style={{ fontSize: 16, margin: 0 }}>
      {t.schedule}
    </Title>
  );
  if (schedule.isError) {
    const missing = schedule.error instanceof ApiError && schedule.error.status === 404;
    return (
      <Card title={title}>
        <Alert
          type={missing ? 'info' : 'error'}
          showIcon
          title={missing ? '年度定时任务尚未创建：工作进程启动时自动创建' : messageOf(schedule.error)}
        />
      </Card>
    );
  }
  const s = schedule.data;
  return (
    <Card title={title} loading={schedule.isPending}>
      {s && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'when',
              label: '启动时间',
              children: `每年${s.startsOn.replace('-', '月')}日 ${s.startsAt}（${s.timezone}）`,
            },
            {
              key: 'state',
              label: '状态',
              children: s.paused ? <ToneTag tone="orange">已暂停</ToneTag> : <ToneTag tone="green">运行中</ToneTag>,
            },
            {
              key: 'next',
              label: '下次启动',
              children: s.nextRunAt ? dayjs(s.nextRunAt).format('YYYY-MM-DD HH:mm') : '—',
            },
            { key: 'year', label: '将评估年度', children: s.nextYearAssessed ? `${s.nextYearAssessed}年度` : '—' },
            ...(s.note ? [{ key: 'note', label: '备注', children: s.note, span: 2 }] : []),
          ]}
        />
      )}
    </Card>
  );
}
