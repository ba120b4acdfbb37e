// Small pieces the share application and objection pages share: a section heading, who acted,
// dates as a person reads them, and the Idempotency-Key of a form session.
import { roleLabels, terms } from '@glossary';
import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { ToneTag } from '../components/ToneTag.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';

export interface ActorLike {
  id: string;
  name?: string | null;
  role: string;
  agency?: string | null;
}

/** A card's heading: an h3 under the page's h2. */
export const Section = ({ children }: { children: ReactNode }) => (
  <Title level={3} style={{ fontSize: 16, margin: 0 }}>
    {children}
  </Title>
);

/** A person's free text as written (line breaks kept), or a dash. */
export const paragraph = (s: string | null | undefined) =>
  s ? <Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s}</Paragraph> : '—';

/** Data item names as tags. */
export const tags = (items: string[]) => (
  <Space size={[4, 4]} wrap>
    {items.map((f) => (
      <Tag key={f}>{f}</Tag>
    ))}
  </Space>
);

/** Amber marks in the console's AA-contrast tones. */
export const PersonalTag = () => (
  <ToneTag tone="orange" style={{ marginInlineStart: 6 }}>
    {terms.personalInfo}
  </ToneTag>
);
export const ProvisionalTag = () => (
  <ToneTag tone="gold" title="工作日历尚未发布，期限暂按周末推算">
    {terms.provisional}
  </ToneTag>
);

export const dateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const date = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** 王芳（数据审核人 · 市公安局）. */
export function actorText(a: ActorLike | null | undefined, agencyName: (code: string | null | undefined) => string) {
  if (!a) return '—';
  const role = (roleLabels as Record<string, string>)[a.role] ?? (a.role === 'system' ? '系统' : a.role);
  return `${a.name ?? a.id}（${role}${a.agency ? ` · ${agencyName(a.agency)}` : ''}）`;
}

/** A random key for one submission; works outside secure contexts too (crypto.randomUUID may be absent). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The key for submitting `body`: the same while the body stays the same (a double click or a retry
 * files once), a new one when the person changed the form (the API refuses a key reused for another body).
 */
export function keyFor(memo: { current: { body: string; key: string } | null }, body: unknown): string {
  const json = JSON.stringify(body);
  if (memo.current?.body !== json) memo.current = { body: json, key: newIdempotencyKey() };
  return memo.current.key;
}
