import { and, count, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { afterCursor, pageOf } from './page.js';
import { notificationReads, notifications } from '../schema/notification.js';
import type { NotificationSpec } from '../../workflows/common/events.js';

/** Writes a transition's notifications once; `eventKey` makes a retried activity a no-op. */
export async function insertNotifications(
  tx: DbOrTx,
  eventKey: string,
  caseType: string,
  caseId: string,
  specs: NotificationSpec[],
): Promise<void> {
  if (!specs.length) return;
  await tx
    .insert(notifications)
    .values(
      specs.map((n, i) => ({
        eventKey: `${eventKey}#${i}`,
        audience: n.audience,
        recipient: n.recipient,
        caseType,
        caseId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
      })),
    )
    .onConflictDoNothing({ target: notifications.eventKey });
}

export type NotificationRow = typeof notifications.$inferSelect & { readAt: Date | null };

/** Whose inbox: a user, the agency they act for, and the bureau when they hold a bureau role. */
export interface Inbox {
  userId: string;
  agency: string | null;
  bureau: boolean;
}

const addressedTo = (inbox: Inbox): SQL => {
  const parts: SQL[] = [and(eq(notifications.audience, 'user'), eq(notifications.recipient, inbox.userId))!];
  if (inbox.agency) parts.push(and(eq(notifications.audience, 'agency'), eq(notifications.recipient, inbox.agency))!);
  if (inbox.bureau) parts.push(eq(notifications.audience, 'bureau'));
  return or(...parts)!;
};

const withReadAt = (db: DbOrTx, inbox: Inbox) =>
  db
    .select({ n: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, inbox.userId)),
    );

/** Newest first, keyset-paginated on (created_at, id); read state is the caller's own. */
export async function listInbox(
  db: DbOrTx,
  inbox: Inbox,
  unreadOnly: boolean,
  limit: number,
  cursor: { at: string; id: string } | null,
) {
  const where: SQL[] = [addressedTo(inbox)];
  if (unreadOnly) where.push(isNull(notificationReads.readAt));
  if (cursor) {
    where.push(afterCursor(notifications.createdAt, notifications.id, cursor));
  }
  const rows = await withReadAt(db, inbox)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const flat: NotificationRow[] = rows.map((r) => ({ ...r.n, readAt: r.readAt }));
  return pageOf(flat, limit, (r) => r.createdAt);
}

/** How many notifications in the inbox this person has not read (the console's badge). */
export async function countUnread(db: DbOrTx, inbox: Inbox): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, inbox.userId)),
    )
    .where(and(addressedTo(inbox), isNull(notificationReads.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks everything in the person's inbox read; returns how many were unread. */
export async function markAllRead(db: DbOrTx, inbox: Inbox): Promise<number> {
  const unread = await withReadAt(db, inbox).where(and(addressedTo(inbox), isNull(notificationReads.readAt)));
  if (!unread.length) return 0;
  await db
    .insert(notificationReads)
    .values(unread.map((r) => ({ notificationId: r.n.id, userId: inbox.userId })))
    .onConflictDoNothing();
  return unread.length;
}

/** Marks a notification read by this person, only if it is in their inbox; null when it is not. */
export async function markRead(db: DbOrTx, inbox: Inbox, id: string): Promise<NotificationRow | null> {
  const [found] = await withReadAt(db, inbox)
    .where(and(eq(notifications.id, id), addressedTo(inbox)))
    .limit(1);
  if (!found) return null;
  if (found.readAt) return { ...found.n, readAt: found.readAt };
  await db.insert(notificationReads).values({ notificationId: id, userId: inbox.userId }).onConflictDoNothing();
  const [after] = await withReadAt(db, inbox).where(eq(notifications.id, id)).limit(1);
  return { ...after!.n, readAt: after!.readAt };
}
