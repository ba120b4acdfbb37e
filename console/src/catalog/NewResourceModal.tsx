// 新增资源: a catalog entry with its data items; restricted share or open types cite their legal
// basis (「注明相关法律、法规和规章等依据」), which the form asks for as the API does.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { openTypeLabels, shareTypeLabels, terms, updateCycleLabels } from '@glossary';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { showFieldErrors } from '../components/fieldErrors.ts';
import { useAgencies } from '../components/agencies.ts';
import { toast } from '../components/toast.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Values {
  code: string;
  name: string;
  providerAgency: string;
  description?: string;
  fields: { name: string; type?: string; personal?: boolean }[];
  shareType: 'unconditional' | 'conditional' | 'not_shared';
  openType: 'unconditional' | 'conditional' | 'not_open';
  legalBasis?: string;
  shareConditions?: string;
  openConditions?: string;
  updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
}

export function NewResourceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const p = usePrincipal();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const agencies = useAgencies();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const admin = hasRole(p, 'bureau_admin');
  const shareType = Form.useWatch('shareType', form);
  const openType = Form.useWatch('openType', form);
  const restricted = (shareType && shareType !== 'unconditional') || (openType && openType !== 'unconditional');

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const created = await ok(
        api.POST('/api/v1/catalog/resources', {
          body: {
            ...v,
            fields: v.fields.map((f) => ({
              name: f.name,
              ...(f.type ? { type: f.type } : {}),
              personal: !!f.personal,
            })),
          },
        }),
      );
      toast.success('资源已加入目录');
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
      onClose();
      void navigate(`/catalog/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE')
        form.setFields([{ name: 'code', errors: ['该资源编码已存在'] }]);
      else if (!showFieldErrors(form, error)) toast.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新增资源"
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          providerAgency: admin ? undefined : p.agency,
          fields: [{ name: '' }],
          shareType: 'conditional',
          openType: 'not_open',
          updateCycle: 'monthly',
        }}
      >
        <Space.Compact block>
          <Form.Item
            label="资源编码"
            name="code"
            style={{ flex: 1 }}
            rules={[
              { required: true, message: '请填写资源编码' },
              { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: '字母、数字、下划线、点或连字符，至多64位' },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="资源名称"
            name="name"
            style={{ flex: 2, marginLeft: 8 }}
            rules={[{ required: true, whitespace: true, message: '请填写资源名称' }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          label={terms.provider}
          name="providerAgency"
          rules={[{ required: true, message: `请选择${terms.provider}` }]}
        >
          <Select
            disabled={!admin}
            showSearch
            optionFilterProp="label"
            options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
          />
        </Form.Item>
        <Form.Item label="资源描述" name="description" rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List
          name="fields"
          rules={[
            {
              validator: async (_, fields) => {
                if (!fields?.length) throw new Error('至少一个数据项');
              },
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <Form.Item label="数据项" required>
              {items.map((item, i) => (
                <Space key={item.key} align="baseline">
                  <Form.Item
                    name={[item.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请填写数据项名称' }]}
                  >
                    <Input placeholder="数据项名称" aria-label={`第${i + 1}个数据项名称`} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'type']}>
                    <Input placeholder="类型（可选）" aria-label={`第${i + 1}个数据项类型`} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'personal']} valuePropName="checked">
                    <Checkbox>个人信息</Checkbox>
                  </Form.Item>
                  {items.length > 1 && (
                    <Button
                      type="text"
                      aria-label={`删除第${i + 1}个数据项`}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(item.name)}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '' })} icon={<PlusOutlined />}>
                添加数据项
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Space.Compact block>
          <Form.Item label="共享类型" name="shareType" style={{ flex: 1 }} rules={[{ required: true }]}>
            <Select options={options(shareTypeLabels)} />
          </Form.Item>
          <Form.Item label="开放类型" name="openType" style={{ flex: 1, marginLeft: 8 }} rules={[{ required: true }]}>
            <Select options={options(openTypeLabels)} />
          </Form.Item>
          <Form.Item
            label="更新周期"
            name="updateCycle"
            style={{ flex: 1, marginLeft: 8 }}
            rules={[{ required: true }]}
          >
            <Select options={options(updateCycleLabels)} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          label={terms.legalBasis}
          name="legalBasis"
          extra="有条件共享、不予共享、有条件开放、不予开放的资源须注明相关法律、法规和规章等依据"
          rules={[
            { required: !!restricted, whitespace: true, message: '受限的共享或开放类型须注明法律依据' },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {shareType === 'conditional' && (
          <Form.Item label={terms.conditions} name="shareConditions" rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {openType === 'conditional' && (
          <Form.Item label="开放条件" name="openConditions" rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
