// 机构管理: the registered agencies (公共管理和服务机构), page by page, and registering a new one —
// a code already taken is said beside the code.
import { agencyLevelLabels } from '@glossary';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import { placeErrors } from './forms.ts';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { toast } from '../components/toast.tsx';
import { LoadMore } from '../components/LoadMore.tsx';

type Agency = Schemas['Agency'];
interface NewAgency {
  code: string;
  name: string;
  level: Agency['level'];
  region?: string;
}

export default function AgenciesPage() {
  const list = useInfiniteQuery({
    queryKey: ['agencies', 'pages'],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/agencies', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        机构管理
      </Title>
      <Row gutter={24}>
        <Col xs={24} xl={15}>
          <Title level={3} style={{ fontSize: 16 }}>
            已登记机构
          </Title>
          <SimpleTable<Agency>
            look="antd"
            caption="已登记机构"
            rowKey={(r) => r.code}
            size="middle"
            rows={rows}
            loading={list.isPending}
            empty={list.isError ? messageOf(list.error) : '暂无已登记的机构'}
            columns={[
              { title: '机构代码', key: 'code', render: (a) => <Text code>{a.code}</Text> },
              { title: '机构名称', key: 'name', render: (a) => a.name },
              { title: '级别', key: 'level', render: (a) => agencyLevelLabels[a.level] },
              { title: '所属区域', key: 'region', render: (a) => a.region ?? <Text type="secondary">—</Text> },
              { title: '登记时间', key: 'createdAt', render: (a) => dayjs(a.createdAt).format('YYYY-MM-DD HH:mm') },
            ]}
          />
          <LoadMore list={list} />
        </Col>
        <Col xs={24} xl={9}>
          <NewAgencyForm />
        </Col>
      </Row>
    </Card>
  );
}

function NewAgencyForm() {
  const [form] = Form.useForm<NewAgency>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const submit = async (values: NewAgency) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = { ...values, region: values.region?.trim() || undefined };
      const created = await ok(api.POST('/api/v1/agencies', { body }));
      toast.success(`已登记机构：${created.name}`);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE') {
        form.setFields([{ name: 'code', errors: ['该机构代码已登记，请核对或使用其他代码'] }]);
      } else {
        const rest = placeErrors(form, error);
        setProblem(rest.length ? rest.join('；') : null);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          登记机构
        </Title>
      }
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form<NewAgency> form={form} layout="vertical" onFinish={submit} initialValues={{ level: 'municipal' }}>
        <Form.Item
          name="code"
          label="机构代码"
          extra="字母、数字、下划线或连字符，最多64位，登记后不可修改"
          rules={[
            { required: true, whitespace: true, message: '请填写机构代码' },
            { pattern: /^[A-Za-z0-9_-]{1,64}$/, message: '机构代码只能包含字母、数字、下划线和连字符，最多64位' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label="机构名称"
          rules={[
            { required: true, whitespace: true, message: '请填写机构名称' },
            { max: 200, message: '机构名称最多200字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
          <Radio.Group options={Object.entries(agencyLevelLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="region" label="所属区域" rules={[{ max: 200, message: '所属区域最多200字' }]}>
          <Input placeholder="如：滨城区" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
