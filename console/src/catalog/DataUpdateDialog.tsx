// 登记数据更新: the provider records that a resource's data was updated (now, or at a past time);
// loaded at the first click on the resource page.
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { toast } from '../components/toast.tsx';

export default function DataUpdateDialog({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ at?: Dayjs }>();

  const record = async (v: { at?: Dayjs }) => {
    setBusy(true);
    try {
      await ok(
        api.POST('/api/v1/catalog/resources/{id}/data-updates', {
          params: { path: { id } },
          body: v.at ? { at: v.at.toISOString() } : {},
        }),
      );
      toast.success('已登记数据更新');
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
    } catch (error) {
      toast.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal
        open={open}
        title="登记数据更新"
        okText="登记"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={onClose}
        destroyOnHidden
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={record}>
          <Form.Item label="更新时间" name="at" extra="不填则为现在">
            <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
