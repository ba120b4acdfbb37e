// The side menu's entries: each path's label and icon; who sees each is in access.ts, which the
// page guard uses too.
import {
  AuditOutlined,
  BarChartOutlined,
  BugOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { terms } from '@glossary';
import type { ReactNode } from 'react';
import type { MenuKey } from './access.ts';

export interface Entry {
  key: MenuKey;
  label: string;
  icon: ReactNode;
  children?: Entry[];
}

export const entries: Entry[] = [
  { key: '/work', label: terms.todo, icon: <UnorderedListOutlined /> },
  { key: '/catalog', label: terms.catalog, icon: <DatabaseOutlined /> },
  { key: '/share-applications', label: '共享申请', icon: <ShareAltOutlined /> },
  { key: '/objections', label: '异议协商', icon: <TeamOutlined /> },
  { key: '/open-data', label: terms.openData, icon: <GlobalOutlined /> },
  { key: '/open-data-requests', label: '开放申请', icon: <FileSearchOutlined /> },
  { key: '/corrections', label: '数据纠错', icon: <BugOutlined /> },
  { key: '/assessments', label: '年度评估', icon: <TrophyOutlined /> },
  { key: '/statistics', label: terms.statistics, icon: <BarChartOutlined /> },
  {
    key: '/admin',
    label: terms.admin,
    icon: <SettingOutlined />,
    children: [
      { key: '/admin/agencies', label: '机构管理', icon: <SolutionOutlined /> },
      { key: '/admin/calendar', label: terms.calendar, icon: <CalendarOutlined /> },
      { key: '/admin/indicators', label: '评估指标', icon: <TrophyOutlined /> },
      { key: '/admin/agreements', label: '协议文本', icon: <FileSearchOutlined /> },
      { key: '/admin/audit', label: '审计校验', icon: <AuditOutlined /> },
      { key: '/admin/schedules', label: '定时任务', icon: <ScheduleOutlined /> },
    ],
  },
];
