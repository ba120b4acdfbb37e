// 协议文本: the open-data use agreement (公共数据开放利用协议) in force, which applicants sign, and
// publishing a new version; requests already signed keep the version they signed.
import { terms } from '@glossary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { placeErrors } from './forms.ts';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';

interface Values {
  title: string;
  body: string;
}

export default function AgreementsPage() {
  const p = usePrincipal();
  const current = useQuery({
    queryKey: ['agreement-text', 'current'],
    queryFn: () => ok(api.GET('/api/v1/agreement-texts/current')),
  });
  const [editing, setEditing] = useState(false);
  const a = current.data;

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {terms.agreementText}
        </Title>
        {hasRole(p, 'bureau_admin') && a && !editing && (
          <Button type="primary" onClick={() => setEditing(true)}>
            发布新版本
          </Button>
        )}
      </Space>
      {current.isError && <Alert type="error" showIcon message={messageOf(current.error)} />}
      <Spin spinning={current.isPending}>
        {a && editing && (
          <PublishForm
            initial={{ title: a.title, body: a.body }}
            version={a.version + 1}
            onDone={() => setEditing(false)}
          />
        )}
        {a && (
          <section aria-labelledby="agreement-current">
            <Title level={3} id="agreement-current" style={{ fontSize: 16 }}>
              现行{terms.agreement}
            </Title>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'version', label: '版本', children: `第${a.version}版` },
                { key: 'title', label: '标题', children: a.title },
                { key: 'published', label: '发布时间', children: dayjs(a.publishedAt).format('YYYY-MM-DD HH:mm') },
              ]}
            />
            <div
              role="region"
              aria-label="协议正文"
              tabIndex={0}
              style={{
                marginTop: 12,
                maxHeight: 520,
                overflow: 'auto',
                padding: 16,
                border: '1px solid #f0f0f0',
                borderRadius: 8,
              }}
            >
              <Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.body}</Paragraph>
            </div>
          </section>
        )}
      </Spin>
    </Card>
  );
}

function PublishForm({ initial, version, onDone }: { initial: Values; version: number; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const queryClient = useQueryClient();

  const submit = async (v: Values) => {
    const confirmed = await modal.confirm({
      title: `发布第${version}版${terms.agreement}？`,
      content: '发布后，新的开放申请签署新版本；已签署的申请仍适用其签署的版本。',
      okText: '确认发布',
      cancelText: '取消',
    });
    if (!confirmed) return;
    setBusy(true);
    setProblem(null);
    try {
      const a = await ok(api.POST('/api/v1/agreement-texts', { body: { title: v.title.trim(), body: v.body } }));
      toast.success(`已发布第${a.version}版${terms.agreement}`);
      await queryClient.invalidateQueries({ queryKey: ['agreement-text'] });
      onDone();
    } catch (error) {
      const rest = placeErrors(form, error);
      setProblem(rest.length ? rest.join('；') : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 24 }}
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          发布第{version}版
        </Title>
      }
    >
      {modalHolder}
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            { max: 200, message: '标题最多200字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="body"
          label="协议正文"
          rules={[
            { required: true, whitespace: true, message: '请填写协议正文' },
            { max: 50_000, message: '协议正文最多50000字' },
          ]}
        >
          <Input.TextArea rows={16} showCount maxLength={50_000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            发布
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
