import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const notificationAudiences = ['user', 'agency', 'bureau'] as const;
export type NotificationAudience = (typeof notificationAudiences)[number];
export const notificationAudience = pgEnum('notification_audience', notificationAudiences);

/** The in-system inbox: every "notify" of DOMAIN.md lands here, addressed to a user, an agency or the bureau. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  eventKey: text('event_key').notNull().unique(),
  audience: notificationAudience('audience').notNull(),
  recipient: text('recipient'),
  caseType: text('case_type').notNull(),
  caseId: text('case_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('notifications_recipient_idx').on(t.audience, t.recipient, t.createdAt),
  index('notifications_case_idx').on(t.caseId),
]);
