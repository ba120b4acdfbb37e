import { createHash, createHmac, randomUUID } from 'node:crypto';
import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { auditChainHead, auditCheckpoints, auditEvents } from '../schema/audit.js';
import { DEV_AUDIT_KEY } from '../../lib/config.js';

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

/** The canonical text of one event: every recorded field, in canonical form, after the previous hash. */
function chainedText(event: NewAuditEvent & { id: number }, prevHash: string): string {
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
  return `${prevHash}\n${body}`;
}

/**
 * The unkeyed hash of one event (SHA-256 of the previous hash, a newline and its canonical JSON): the
 * chain's first form, which anyone who can write the database can recompute. Events written before a
 * deployment was keyed keep it (AUDIT_LEGACY_UNTIL_ID); no new event is hashed so.
 */
export function hashAuditEvent(event: NewAuditEvent & { id: number }, prevHash: string): string {
  return createHash('sha256').update(chainedText(event, prevHash)).digest('hex');
}

/** The prefix of a keyed hash: HMAC-SHA256 with the audit key, version 1. */
export const KEYED_PREFIX = 'h1:';

/**
 * The keyed hash of one event: HMAC-SHA256 over the same text, with a key the database does not hold
 * (AUDIT_HMAC_KEY), so an edit whose hashes are recomputed without the key no longer verifies.
 */
export function sealAuditEvent(event: NewAuditEvent & { id: number }, prevHash: string, key: string): string {
  return KEYED_PREFIX + createHmac('sha256', key).update(chainedText(event, prevHash)).digest('hex');
}

let auditKey = DEV_AUDIT_KEY;
/** Sets the key every event of this process is sealed and verified with (bin/ from AUDIT_HMAC_KEY). */
export function configureAuditKey(key: string): void {
  auditKey = key;
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
  const hash = sealAuditEvent({ ...event, id }, prevHash, auditKey);
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

/** Who changed reference data, as its audit event records them. */
export interface ReferenceActor {
  id: string;
  name?: string | null;
  role: string;
  agency?: string | null;
}

/**
 * Records a change of reference data — an agency, a catalog entry or its data update, a calendar year,
 * an agreement text, an indicator set, the policy in force — as an event of the audit chain, in the
 * caller's transaction (case type `reference`, case id `<kind>:<id>`, the change in `data`).
 * `eventKey` makes it once-only (the policy recorded by every start with the same policy).
 */
export function recordReferenceChange(
  tx: DbOrTx,
  change: {
    kind: 'agency' | 'catalog' | 'data-update' | 'calendar' | 'agreement' | 'indicators' | 'policy';
    id: string;
    action: string;
    actor: ReferenceActor;
    data: Record<string, unknown>;
    at?: Date;
    eventKey?: string;
  },
): Promise<AuditEventRow | null> {
  return appendAuditEvent(tx, {
    eventKey: change.eventKey ?? `reference:${change.kind}:${change.id}:${randomUUID()}`,
    caseType: 'reference',
    caseId: `${change.kind}:${change.id}`,
    action: change.action,
    fromState: null,
    toState: null,
    actorId: change.actor.id,
    actorName: change.actor.name ?? null,
    actorRole: change.actor.role,
    actorAgency: change.actor.agency ?? null,
    at: change.at ?? new Date(),
    reason: null,
    legalBasis: null,
    data: change.data,
  });
}

/** A case's events in order (its timeline). */
export function listCaseEvents(db: DbOrTx, caseId: string): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(asc(auditEvents.id));
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  /** Why the chain does not verify, in words: an event edited or deleted, the tail cut, a bad checkpoint. */
  problem?: string;
}

/** A signed statement of the chain's head at a moment, kept outside the database by the city. */
export interface AuditCheckpoint {
  lastId: number;
  lastHash: string;
  at: string;
  signature: string;
}

export interface VerifyOptions {
  /** The key the chain is sealed with; the process's own by default. */
  key?: string;
  /** Events up to this id may carry the unkeyed hash of before the chain was keyed. */
  legacyUntilId?: number;
  /** A checkpoint from outside the database: the chain must still hold its head. */
  checkpoint?: AuditCheckpoint;
  pageSize?: number;
}

/**
 * Walks the whole chain in id order, in pages, recomputing every keyed hash and link, and checks the
 * head — and, given a checkpoint kept outside the database, that the chain still holds the event it
 * names with the hash it names (a cut tail, or a chain rewritten from scratch, no longer does).
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerification> {
  const key = options.key ?? auditKey;
  const legacyUntilId = options.legacyUntilId ?? 0;
  const pageSize = options.pageSize ?? 1000;
  const checkpoint = options.checkpoint;
  if (checkpoint && signCheckpoint(checkpoint, key) !== checkpoint.signature)
    return { ok: false, checked: 0, problem: "the checkpoint is not signed with this deployment's audit key" };
  // One snapshot for the head and every page: an event written meanwhile is not a cut tail.
  return db.transaction((tx) => verifyInSnapshot(tx, key, legacyUntilId, pageSize, checkpoint), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function verifyInSnapshot(
  db: DbOrTx,
  key: string,
  legacyUntilId: number,
  pageSize: number,
  checkpoint: AuditCheckpoint | undefined,
): Promise<ChainVerification> {
  const [head] = await db.select().from(auditChainHead).limit(1);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let after = 0;
  // A checkpoint of the empty chain holds whatever came after it.
  let heldCheckpoint = !checkpoint || (checkpoint.lastId === 0 && checkpoint.lastHash === GENESIS_HASH);
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, after))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    for (const row of page) {
      // A gap in ids is a deleted row; a bad link or hash is an edited one, or one hashed without the key.
      const expected =
        row.id <= legacyUntilId && !row.hash.startsWith(KEYED_PREFIX)
          ? hashAuditEvent(row, prevHash)
          : sealAuditEvent(row, prevHash, key);
      const intact = row.id === expectedId && row.prevHash === prevHash && expected === row.hash;
      if (!intact) {
        const id = row.id === expectedId ? row.id : expectedId;
        return {
          ok: false,
          checked,
          firstBrokenId: id,
          problem: `event ${id} was edited, deleted or hashed without the key`,
        };
      }
      if (checkpoint && row.id === checkpoint.lastId) {
        if (row.hash !== checkpoint.lastHash)
          return {
            ok: false,
            checked,
            firstBrokenId: row.id,
            problem: `event ${row.id} is not the one the checkpoint holds`,
          };
        heldCheckpoint = true;
      }
      prevHash = row.hash;
      expectedId = row.id + 1;
      checked += 1;
    }
    if (page.length < pageSize) {
      if (!heldCheckpoint)
        return {
          ok: false,
          checked,
          firstBrokenId: expectedId,
          problem: `the chain ends before event ${checkpoint!.lastId} of the checkpoint`,
        };
      // The last event must be the head written with it; otherwise events were cut from the end.
      const tailIntact = head ? head.lastId === expectedId - 1 && head.lastHash === prevHash : checked === 0;
      return tailIntact
        ? { ok: true, checked }
        : { ok: false, checked, firstBrokenId: expectedId, problem: 'events were cut from the end of the chain' };
    }
    after = page[page.length - 1]!.id;
  }
}

/** A checkpoint's signature: HMAC-SHA256 with the audit key over its id, hash and time. */
export function signCheckpoint(c: Omit<AuditCheckpoint, 'signature'>, key: string = auditKey): string {
  return createHmac('sha256', key).update(`shuzhi-audit-checkpoint\n${c.lastId}\n${c.lastHash}\n${c.at}`).digest('hex');
}

/** Signs the chain's head now and stores the checkpoint (append-only). */
export async function recordAuditCheckpoint(db: Db, at: Date): Promise<AuditCheckpoint> {
  const checkpoint = await checkpointNow(db, at);
  await db.insert(auditCheckpoints).values({ ...checkpoint, at: new Date(checkpoint.at) });
  return checkpoint;
}

/** The newest stored checkpoint, if any. */
export async function latestAuditCheckpoint(db: DbOrTx): Promise<AuditCheckpoint | null> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row
    ? { lastId: row.lastId, lastHash: row.lastHash, at: row.at.toISOString(), signature: row.signature }
    : null;
}

/** The chain's head now, signed: what a checkpoint records. */
export async function checkpointNow(db: DbOrTx, at: Date): Promise<AuditCheckpoint> {
  const [head] = await db.select().from(auditChainHead).limit(1);
  const c = { lastId: head?.lastId ?? 0, lastHash: head?.lastHash ?? GENESIS_HASH, at: at.toISOString() };
  return { ...c, signature: signCheckpoint(c) };
}
