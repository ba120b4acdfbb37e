import { and, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { notifications } from '../schema/notification.js';
import type { NotificationSpec } from '../../workflows/share-application/types.js';

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
    .values(specs.map((n, i) => ({
      eventKey: `${eventKey}#${i}`,
      audience: n.audience,
      recipient: n.recipient,
      caseType,
      caseId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
    })))
    .onConflictDoNothing({ target: notifications.eventKey });
}

export type NotificationRow = typeof notifications.$inferSelect;

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

/** Newest first, keyset-paginated on (created_at, id). */
export async function listInbox(db: DbOrTx, inbox: Inbox, unreadOnly: boolean, limit: number, cursor: { at: string; id: string } | null) {
  const where: SQL[] = [addressedTo(inbox)];
  if (unreadOnly) where.push(isNull(notifications.readAt));
  if (cursor) {
    const cAt = new Date(cursor.at);
    where.push(or(lt(notifications.createdAt, cAt), and(eq(notifications.createdAt, cAt), lt(notifications.id, cursor.id)))!);
  }
  const rows = await db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > limit && last ? { at: last.createdAt.toISOString(), id: last.id } : null };
}

/** Marks a notification read, only in the inbox it was addressed to; null when it is not there. */
export async function markRead(db: DbOrTx, inbox: Inbox, id: string): Promise<NotificationRow | null> {
  const [row] = await db.select().from(notifications).where(and(eq(notifications.id, id), addressedTo(inbox))).limit(1);
  if (!row) return null;
  if (row.readAt) return row;
  const [updated] = await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), isNull(notifications.readAt))).returning();
  return updated ?? row;
}
