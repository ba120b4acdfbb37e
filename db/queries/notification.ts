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
