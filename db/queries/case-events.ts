import type { DbOrTx } from '../client.js';
import type { Actor } from '../../workflows/common/actors.js';
import type { NotificationSpec } from '../../workflows/share-application/types.js';
import { appendAuditEvent } from './audit.js';
import { insertNotifications } from './notification.js';

export interface CaseEvent {
  action: string;
  from: string | null;
  to: string;
  actor: Actor;
  at: string;
  reason: string | null;
  legalBasis: string | null;
  data?: Record<string, unknown>;
}

/**
 * The audit event and notifications of one transition of any case, keyed by case and version so a
 * retried activity writes them once. Returns false when they were already written.
 */
export async function writeCaseEvent(tx: DbOrTx, caseType: string, caseId: string, version: number, e: CaseEvent, notify: NotificationSpec[]): Promise<boolean> {
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
  return written !== null;
}
