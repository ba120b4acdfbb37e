import { createHash } from 'node:crypto';
import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { auditChainHead, auditEvents } from '../schema/audit.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export interface NewAuditEvent {
  eventKey: string;
  caseType: string;
  caseId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: string;
  actorName: string | null;
  actorRole: string;
  actorAgency: string | null;
  at: Date;
  reason: string | null;
  legalBasis: string | null;
  data: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  // A Date comes back from jsonb as its ISO string, so it is hashed as one.
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of one event: every recorded field, in canonical form, chained to the previous hash. */
export function hashAuditEvent(event: NewAuditEvent & { id: number }, prevHash: string): string {
  const body = canonicalJson({
    id: event.id,
    eventKey: event.eventKey,
    caseType: event.caseType,
    caseId: event.caseId,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    actorId: event.actorId,
    actorName: event.actorName,
    actorRole: event.actorRole,
    actorAgency: event.actorAgency,
    at: event.at.toISOString(),
    reason: event.reason,
    legalBasis: event.legalBasis,
    data: event.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one event to the chain; call inside a transaction. A transaction-scoped advisory lock
 * serialises writers so each event links to the one before it. Returns null when the event key
 * was already written (an activity retried after its commit).
 */
export async function appendAuditEvent(tx: DbOrTx, event: NewAuditEvent): Promise<AuditEventRow | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
  const existing = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.eventKey, event.eventKey))
    .limit(1);
  if (existing.length) return null;
  const [last] = await tx
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const id = (last?.id ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashAuditEvent({ ...event, id }, prevHash);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...event, id, prevHash, hash })
    .returning();
  await tx
    .insert(auditChainHead)
    .values({ singleton: 1, lastId: id, lastHash: hash })
    .onConflictDoUpdate({ target: auditChainHead.singleton, set: { lastId: id, lastHash: hash } });
  return row ?? null;
}

/** A case's events in order (its timeline). */
export function listCaseEvents(db: DbOrTx, caseId: string): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(asc(auditEvents.id));
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
}

/** Walks the whole chain in id order, in pages, recomputing every hash and link, and checks the head. */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainVerification> {
  const [head] = await db.select().from(auditChainHead).limit(1);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, after))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    for (const row of page) {
      // A gap in ids is a deleted row; a bad link or hash is an edited one.
      const intact = row.id === expectedId && row.prevHash === prevHash && hashAuditEvent(row, prevHash) === row.hash;
      if (!intact) return { ok: false, checked, firstBrokenId: row.id === expectedId ? row.id : expectedId };
      prevHash = row.hash;
      expectedId = row.id + 1;
      checked += 1;
    }
    if (page.length < pageSize) {
      // The last event must be the head written with it; otherwise events were cut from the end.
      const tailIntact = head ? head.lastId === expectedId - 1 && head.lastHash === prevHash : checked === 0;
      return tailIntact ? { ok: true, checked } : { ok: false, checked, firstBrokenId: expectedId };
    }
    after = page[page.length - 1]!.id;
  }
}
