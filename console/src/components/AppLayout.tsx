// The frame of every signed-in page: the menu the person's roles call for, the unread badge, and
// who is signed in.
import {
  AuditOutlined, BarChartOutlined, BellOutlined, BugOutlined, CalendarOutlined, DatabaseOutlined, FileSearchOutlined,
  GlobalOutlined, LogoutOutlined, ScheduleOutlined, SettingOutlined, ShareAltOutlined, SolutionOutlined, TeamOutlined, TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels, terms } from '@glossary';
import { Badge, Button, Layout, Space, Spin, theme } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { api, ok } from '../api/client.ts';
import { hasRole, isAgencyUser, isBureau, usePrincipal, type Principal } from '../auth/session.ts';
import { signOut } from '../auth/token.ts';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAgencyName } from './agencies.ts';
import { Muted } from './light.tsx';

interface Entry { key: string; label: string; icon: ReactNode; show: (p: Principal) => boolean; children?: Entry[] }

const everyone = () => true;
const entries: Entry[] = [
  { key: '/work', label: terms.todo, icon: <UnorderedListOutlined />, show: everyone },
  { key: '/catalog', label: terms.catalog, icon: <DatabaseOutlined />, show: (p) => !hasRole(p, 'public', 'assessor') || isBureau(p) },
  { key: '/share-applications', label: '共享申请', icon: <ShareAltOutlined />, show: (p) => isAgencyUser(p) || isBureau(p) },
  { key: '/objections', label: '异议协商', icon: <TeamOutlined />, show: (p) => isAgencyUser(p) || isBureau(p) },
  { key: '/open-data', label: '开放数据', icon: <GlobalOutlined />, show: (p) => hasRole(p, 'public') },
  { key: '/open-data-requests', label: '开放申请', icon: <FileSearchOutlined />, show: (p) => hasRole(p, 'public', 'agency_reviewer', 'agency_staff') || isBureau(p) },
  { key: '/corrections', label: '数据纠错', icon: <BugOutlined />, show: everyone },
  { key: '/assessments', label: '年度评估', icon: <TrophyOutlined />, show: (p) => isBureau(p) || hasRole(p, 'assessor', 'agency_staff', 'agency_reviewer') },
  { key: '/statistics', label: terms.statistics, icon: <BarChartOutlined />, show: (p) => isAgencyUser(p) || isBureau(p) },
  {
    key: '/admin', label: terms.admin, icon: <SettingOutlined />, show: (p) => hasRole(p, 'bureau_admin'),
    children: [
      { key: '/admin/agencies', label: '机构管理', icon: <SolutionOutlined />, show: everyone },
      { key: '/admin/calendar', label: terms.calendar, icon: <CalendarOutlined />, show: everyone },
      { key: '/admin/indicators', label: '评估指标', icon: <TrophyOutlined />, show: everyone },
      { key: '/admin/agreements', label: '协议文本', icon: <FileSearchOutlined />, show: everyone },
      { key: '/admin/audit', label: '审计校验', icon: <AuditOutlined />, show: everyone },
      { key: '/admin/schedules', label: '定时任务', icon: <ScheduleOutlined />, show: everyone },
    ],
  },
];

/** The side menu: plain links (antd's Menu would double what the first page loads). */
function SideNav({ p }: { p: Principal }) {
  const { token } = theme.useToken();
  const link = (e: Entry, indent = false) => (
    <li key={e.key}>
      <NavLink
        to={e.key}
        style={({ isActive }) => ({
          display: 'flex', gap: 10, alignItems: 'center', padding: `9px ${indent ? 36 : 20}px`, color: isActive ? token.colorPrimary : token.colorText,
          background: isActive ? token.colorPrimaryBg : undefined, borderRight: isActive ? `3px solid ${token.colorPrimary}` : '3px solid transparent',
        })}
      >
        {e.icon}<span>{e.label}</span>
      </NavLink>
    </li>
  );
  return (
    <nav aria-label="主菜单">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entries.filter((e) => e.show(p)).map((e) => (e.children
          ? (
            <li key={e.key}>
              <div style={{ display: 'flex', gap: 10, alignItems: 'center', padding: '9px 20px', color: token.colorTextSecondary }}>{e.icon}<span>{e.label}</span></div>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{e.children.filter((c) => c.show(p)).map((c) => link(c, true))}</ul>
            </li>
          )
          : link(e)))}
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
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
          <Link to="/work" style={{ fontSize: 18, fontWeight: 600, color: '#1d5fbf' }}>数治控制台</Link>
        </div>
        <SideNav p={p} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
          <Space size="large">
            <Link to="/notifications" aria-label={`${terms.notifications}，${unread.data?.count ?? 0}条未读`}>
              <Badge count={unread.data?.count ?? 0} overflowCount={99} size="small">
                <BellOutlined style={{ fontSize: 18, color: '#444' }} />
              </Badge>
            </Link>
            <span>
              {p.name ?? p.sub}
              <Muted>（{p.roles.map((r) => roleLabels[r]).join('、')}{p.agency ? ` · ${agencyName(p.agency)}` : ''}）</Muted>
            </span>
            <Button icon={<LogoutOutlined />} onClick={() => { signOut(); queryClient.clear(); }}>退出登录</Button>
          </Space>
        </Layout.Header>
        {/* antd's Content is the page's <main>. */}
        <Layout.Content style={{ padding: 24 }}>
          {navigation.state === 'loading' && <Spin style={{ position: 'fixed', top: 16, left: '50%' }} />}
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
