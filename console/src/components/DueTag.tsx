// A deadline as a person reads it: the date, and 剩余N个工作日 (amber when due soon) or
// 超期N个工作日 (red).
import { terms } from '@glossary';
import { Space } from 'antd';
import { Muted } from './light.tsx';
import { ToneTag } from './ToneTag.tsx';

export interface Due {
  dueDate: string | null;
  workingDaysLeft?: number | null;
  dueSoon?: boolean;
  overdue?: boolean;
}

export function dueText(d: Due): string | null {
  if (d.overdue)
    return d.workingDaysLeft && d.workingDaysLeft < 0
      ? `${terms.overdue}${-d.workingDaysLeft}个工作日`
      : `已${terms.overdue}`;
  if (d.workingDaysLeft === null || d.workingDaysLeft === undefined) return null;
  return d.workingDaysLeft === 0 ? '今日到期' : `剩余${d.workingDaysLeft}个工作日`;
}

export function DueTag(d: Due) {
  const text = dueText(d);
  return (
    <Space size={4} wrap>
      {d.dueDate ? <span>{d.dueDate}</span> : <Muted>无期限</Muted>}
      {text && <ToneTag tone={d.overdue ? 'red' : d.dueSoon ? 'gold' : 'grey'}>{text}</ToneTag>}
    </Space>
  );
}
