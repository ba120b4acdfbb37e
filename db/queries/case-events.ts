import type { DbOrTx } from '../client.js';
import type { CaseEvent, NotificationSpec } from '../../workflows/common/events.js';

export type { CaseEvent };
import type { CaseWork } from '../../workflows/common/work.js';
import { appendAuditEvent } from './audit.js';
import { saveCaseWork } from './case.js';
import { insertNotifications } from './notification.js';

/**
 * The audit event, notifications and work-list entry of one transition of any case, keyed by case
 * and version so a retried activity writes them once. Returns false when they were already written.
 */
export async function writeCaseEvent(
  tx: DbOrTx,
  work: CaseWork,
  e: CaseEvent,
  notify: NotificationSpec[],
  opts: { workList?: boolean } = {},
): Promise<boolean> {
  const { caseType, caseId, version } = work;
  const eventKey = `${caseType}:${caseId}:${version}`;
  const written = await appendAuditEvent(tx, {
    eventKey,
    caseType,
    caseId,
    action: e.action,
    fromState: e.from,
    toState: e.to,
    actorId: e.actor.id,
    actorName: e.actor.name ?? null,
    actorRole: e.actor.role,
    actorAgency: e.actor.agency ?? null,
    at: new Date(e.at),
    reason: e.reason,
    legalBasis: e.legalBasis,
    data: e.data ?? null,
  });
  await insertNotifications(tx, eventKey, caseType, caseId, notify);
  // A transition written with a later one of its case leaves the work list to that one.
  if (opts.workList !== false) await saveCaseWork(tx, work);
  return written !== null;
}
