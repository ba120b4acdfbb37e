import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const notificationAudiences = ['user', 'agency', 'bureau'] as const;
export type NotificationAudience = (typeof notificationAudiences)[number];
export const notificationAudience = pgEnum('notification_audience', notificationAudiences);

/**
 * The in-system inbox: every "notify" of docs/processes.md lands here, addressed to a user, an agency or the
 * bureau.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    eventKey: text('event_key').notNull().unique(),
    audience: notificationAudience('audience').notNull(),
    recipient: text('recipient'),
    caseType: text('case_type').notNull(),
    caseId: text('case_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.audience, t.recipient, t.createdAt),
    index('notifications_case_idx').on(t.caseId),
  ],
);

/** Who has read what: an agency's or the bureau's notification is read by each person on their own. */
export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    userId: text('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
