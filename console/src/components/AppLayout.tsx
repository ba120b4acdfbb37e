// The frame of every signed-in page: the menu the person's roles call for, the unread badge, and
// who is signed in.
import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels, terms } from '@glossary';
import { Badge, Button, Layout, Space, Spin, theme } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { api, ok } from '../api/client.ts';
import { usePrincipal, type Principal } from '../auth/session.ts';
import { signOut } from '../auth/token.ts';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAgencyName } from './agencies.ts';
import { Muted } from './light.tsx';
import { homeOf, mayOpen, menuRules } from './access.ts';
import { entries, type Entry } from './menu.tsx';

// Loaded only when someone opens a page outside their menu.
const ForbiddenPage = lazy(() => import('./ForbiddenPage.tsx'));

/** The page, or a word that it is not for this person's roles (the pages the menu covers). */
function PageGuard({ p, children }: { p: Principal; children: ReactNode }) {
  const { pathname } = useLocation();
  return mayOpen(p, pathname) ? <>{children}</> : <ForbiddenPage />;
}

/** The side menu: plain links (antd's Menu would double what the first page loads). */
function SideNav({ p }: { p: Principal }) {
  const { token } = theme.useToken();
  const link = (e: Entry, indent = false) => (
    <li key={e.key}>
      <NavLink
        to={e.key}
        style={({ isActive }) => ({
          display: 'flex',
          gap: 10,
          alignItems: 'center',
          padding: `9px ${indent ? 36 : 20}px`,
          color: isActive ? token.colorPrimary : token.colorText,
          background: isActive ? token.colorPrimaryBg : undefined,
          borderRight: isActive ? `3px solid ${token.colorPrimary}` : '3px solid transparent',
        })}
      >
        {e.icon}
        <span>{e.label}</span>
      </NavLink>
    </li>
  );
  return (
    <nav aria-label="主菜单">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entries
          .filter((e) => menuRules[e.key](p))
          .map((e) =>
            e.children ? (
              <li key={e.key}>
                <div
                  style={{
                    display: 'flex',
                    gap: 10,
                    alignItems: 'center',
                    padding: '9px 20px',
                    color: token.colorTextSecondary,
                  }}
                >
                  {e.icon}
                  <span>{e.label}</span>
                </div>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {e.children.filter((c) => menuRules[c.key](p)).map((c) => link(c, true))}
                </ul>
              </li>
            ) : (
              link(e)
            ),
          )}
      </ul>
    </nav>
  );
}

/** The signed-in frame: every page but the sign-in page renders inside it. */
export default function SignedInFrame() {
  return (
    <RequireSignIn>
      <AppLayout />
    </RequireSignIn>
  );
}

function AppLayout() {
  const p = usePrincipal();
  const navigation = useNavigation();
  const agencyName = useAgencyName();
  const queryClient = useQueryClient();
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => ok(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 30_000,
  });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={208}
        breakpoint="lg"
        collapsedWidth={0}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
          {/* The product's name is the frame's h1; each page's title is its h2. */}
          <h1 style={{ margin: 0, fontSize: 18, fontWeight: 600, lineHeight: 'inherit' }}>
            <Link to={homeOf(p)} style={{ color: '#1d5fbf' }}>
              数治控制台
            </Link>
          </h1>
        </div>
        <SideNav p={p} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="large">
            <Link to="/notifications" aria-label={`${terms.notifications}，${unread.data?.count ?? 0}条未读`}>
              <Badge count={unread.data?.count ?? 0} overflowCount={99} size="small">
                <BellOutlined style={{ fontSize: 18, color: '#444' }} />
              </Badge>
            </Link>
            <span>
              {p.name ?? p.sub}
              <Muted>
                （{p.roles.map((r) => roleLabels[r]).join('、')}
                {p.agency ? ` · ${agencyName(p.agency)}` : ''}）
              </Muted>
            </span>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                signOut();
                queryClient.clear();
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        {/* antd's Content is the page's <main>. */}
        <Layout.Content style={{ padding: 24 }}>
          {navigation.state === 'loading' && <Spin style={{ position: 'fixed', top: 16, left: '50%' }} />}
          <Suspense fallback={<Spin />}>
            <PageGuard p={p}>
              <Outlet />
            </PageGuard>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
