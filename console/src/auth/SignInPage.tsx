// 登录: under AUTH_MODE=dev a role, an agency and a name mint a development token; under jwt the
// person pastes the bearer token their city's identity provider issued.
import { useQuery } from '@tanstack/react-query';
import { roleLabels } from '@glossary';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, ok } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';
import { useSession, type Role } from './session.ts';
import { setToken, signOut } from './token.ts';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';

const signInRoles: Role[] = [
  'agency_staff',
  'agency_reviewer',
  'bureau_coordinator',
  'bureau_admin',
  'assessor',
  'public',
];
const agencyRoles: Role[] = ['agency_staff', 'agency_reviewer'];

interface DevForm {
  role: Role;
  agency?: string;
  name: string;
}

/** Why a pasted token was refused, in words the person can act on. */
function tokenRefusal(e: unknown): string {
  if (!(e instanceof ApiError) || e.status !== 401) return messageOf(e);
  // The API refuses an agency role without its agency: "agency roles need the agency claim".
  if (/agency claim/i.test(e.detail)) return '机构角色的令牌须包含所在机构（agency）';
  return '令牌无效或已过期，请重新获取';
}

export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  // Without a page to return to, the start page picks by role (开放数据 for the public, else 待办).
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DevForm>();
  const role = Form.useWatch('role', form);
  const dev = session.data?.authMode === 'dev';
  const agencies = useQuery({
    queryKey: ['dev-agencies'],
    queryFn: () => ok(api.GET('/api/v1/dev/agencies')),
    enabled: dev,
  });

  const enter = async (token: string) => {
    setToken(token);
    try {
      const me = await ok(api.GET('/api/v1/session'));
      if (!me.principal) throw new ApiError(401, 'UNAUTHENTICATED', 'no principal');
      void navigate(from, { replace: true });
    } catch (e) {
      signOut();
      setError(tokenRefusal(e));
    }
  };

  const signInDev = async (v: DevForm) => {
    setBusy(true);
    setError(null);
    try {
      // A stable id per name and role (and agency, for an agency role), so the same person signing in
      // again is the same person: their own 已办, their assigned cases.
      const agency = agencyRoles.includes(v.role) ? v.agency : undefined;
      const sub = `${v.role}:${agency ?? 'none'}:${v.name.trim()}`;
      const { token } = await ok(
        api.POST('/api/v1/dev/tokens', {
          body: { sub, roles: [v.role], name: v.name.trim(), ...(agency ? { agency } : {}) },
        }),
      );
      await enter(token);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 420, margin: 16 }}>
        <Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          数治控制台
        </Title>
        <Paragraph type="secondary" style={{ textAlign: 'center' }}>
          公共数据共享、开放、纠错与年度评估
        </Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        {session.isPending ? null : dev ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={signInDev}
            requiredMark={false}
            initialValues={{ role: 'agency_staff' }}
          >
            <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={signInRoles.map((r) => ({ value: r, label: roleLabels[r] }))} />
            </Form.Item>
            {agencyRoles.includes(role) && (
              <Form.Item label="机构" name="agency" rules={[{ required: true, message: '机构角色须选择所在机构' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={agencies.isPending}
                  placeholder="选择所在机构"
                  options={(agencies.data?.items ?? []).map((a) => ({
                    value: a.code,
                    label: `${a.name}（${a.code}）`,
                  }))}
                  notFoundContent="尚无已登记的机构"
                />
              </Form.Item>
            )}
            <Form.Item
              label="姓名"
              name="name"
              rules={[
                { required: true, whitespace: true, message: '请输入姓名' },
                { max: 100, message: '姓名最多100个字' },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
            <Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              开发模式：任选角色登录，仅用于试用与测试。
            </Paragraph>
          </Form>
        ) : (
          <Form layout="vertical" onFinish={(v: { token: string }) => enter(v.token.trim())} requiredMark={false}>
            <Form.Item
              label="访问令牌"
              name="token"
              extra="请粘贴统一身份认证平台签发的令牌（JWT）"
              rules={[{ required: true, whitespace: true, message: '请粘贴访问令牌' }]}
            >
              <Input.Password autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
