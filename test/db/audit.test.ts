// The hash-chained audit log on a real database: appends link, retries are no-ops, concurrent
// writers serialise, the database refuses edits and deletions, and any edit, deletion or cut tail made
// by someone who gets past that (the tables' owner) is found: hashes recomputed without the key, and a
// tail cut with the head rewritten, against a checkpoint kept outside (issue: hardening, item 8).
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import {
  appendAuditEvent,
  checkpointNow,
  GENESIS_HASH,
  hashAuditEvent,
  KEYED_PREFIX,
  listCaseEvents,
  sealAuditEvent,
  verifyAuditChain,
  type NewAuditEvent,
} from '../../db/queries/audit.js';
import { auditChainHead, auditEvents } from '../../db/schema/audit.js';
import { recordPolicyInForce } from '../../lib/policy-audit.js';
import { defaultPolicy } from '../../policy/index.js';
import { freshDatabase } from '../helpers/db.js';

let database: Database;
const onPostgres = !!process.env.TEST_DATABASE_URL;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(async () => database.close());

const event = (n: number, caseId = 'case-1'): NewAuditEvent => ({
  eventKey: `${caseId}:${n}`,
  caseType: 'share-application',
  caseId,
  action: `step-${n}`,
  fromState: 'a',
  toState: 'b',
  actorId: 'u1',
  actorName: '张三',
  actorRole: 'agency_staff',
  actorAgency: 'A1',
  at: new Date(Date.UTC(2026, 10, 23, 8, 0, n)),
  reason: n % 2 ? '理由' : null,
  legalBasis: null,
  data: { n, nested: { z: 1, a: [1, 2] } },
});

async function appendMany(count: number, caseId?: string) {
  for (let n = 1; n <= count; n++) await database.db.transaction((tx) => appendAuditEvent(tx, event(n, caseId)));
}

/** Runs a statement as the tables' owner who first disables the append-only triggers. */
async function pastTheTriggers(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

/** Rewrites every hash and link from `fromId` on with `hash`, and the head: a forger's whole job. */
async function rehashFrom(hash: (row: typeof auditEvents.$inferSelect, prev: string) => string) {
  const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.id);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const h = hash(row, prev);
    await pastTheTriggers(sql`update audit_events set prev_hash = ${prev}, hash = ${h} where id = ${row.id}`);
    prev = h;
  }
  await database.db.update(auditChainHead).set({ lastId: rows.at(-1)!.id, lastHash: prev });
}

describe('audit chain', () => {
  it('links each event to the one before it, starting from the genesis hash', async () => {
    await appendMany(3);
    const events = await listCaseEvents(database.db, 'case-1');
    expect(events.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 3 });
  });

  it('writes a retried event once', async () => {
    await appendMany(1);
    expect(await database.db.transaction((tx) => appendAuditEvent(tx, event(1)))).toBeNull();
    expect(await listCaseEvents(database.db, 'case-1')).toHaveLength(1);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction((tx) => appendAuditEvent(tx, event(i + 1, `case-${i % 4}`))),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 20 });
  });

  it('verifies across pages', async () => {
    await appendMany(7);
    expect(await verifyAuditChain(database.db, { pageSize: 3 })).toEqual({ ok: true, checked: 7 });
  });

  it.each([
    ['an edited reason', sql`update audit_events set reason = 'changed' where id = 2`, 2],
    ['an edited jsonb payload', sql`update audit_events set data = '{"n": 99}' where id = 3`, 3],
    ['a re-hashed row that no longer links', sql`update audit_events set hash = repeat('a', 64) where id = 2`, 2],
    ['a row deleted from the middle', sql`delete from audit_events where id = 2`, 2],
    ['rows cut from the end', sql`delete from audit_events where id >= 3`, 3],
  ])('finds %s, made past the triggers', async (_name, tamper, brokenAt) => {
    await appendMany(4);
    await pastTheTriggers(tamper);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBrokenId: brokenAt });
  });

  it.each([
    ['an update', sql`update audit_events set reason = 'changed' where id = 2`],
    ['a delete', sql`delete from audit_events where id = 4`],
    ['a truncate', sql`truncate audit_events`],
  ])('refuses %s of an event in the database itself', async (_name, statement) => {
    await appendMany(4);
    const refused = await database.db.execute(statement).then(
      () => null,
      (e: Error) => e,
    );
    expect(String((refused?.cause as Error | undefined)?.message)).toMatch(/the audit trail is append-only/);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 4 });
  });

  it('seals every event with the key, and detects an edit whose hashes were all recomputed without it', async () => {
    await appendMany(4);
    const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(rows.every((r) => r.hash.startsWith(KEYED_PREFIX))).toBe(true);
    await pastTheTriggers(sql`update audit_events set reason = '伪造的理由' where id = 2`);
    // The forger has the project's own code but not the key: the unkeyed hash, or a guessed key.
    await rehashFrom((row, prev) => hashAuditEvent(row, prev));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: 1 });
    await rehashFrom((row, prev) => sealAuditEvent(row, prev, 'a-guessed-key-that-is-not-the-real-one'));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: 1 });
  });

  it('takes the unkeyed hashes of an upgraded deployment up to AUDIT_LEGACY_UNTIL_ID, and none after', async () => {
    await appendMany(4);
    // Events 1 and 2 as an unkeyed chain wrote them, 3 and 4 sealed after it (linking on from 2).
    const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.id);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const h =
        row.id <= 2
          ? hashAuditEvent(row, prev)
          : sealAuditEvent(row, prev, 'shuzhi-audit-chain-key-for-development-only');
      await pastTheTriggers(sql`update audit_events set prev_hash = ${prev}, hash = ${h} where id = ${row.id}`);
      prev = h;
    }
    await database.db.update(auditChainHead).set({ lastId: 4, lastHash: prev });
    expect(await verifyAuditChain(database.db, { legacyUntilId: 2 })).toEqual({ ok: true, checked: 4 });
    expect(await verifyAuditChain(database.db, { legacyUntilId: 1 })).toMatchObject({ ok: false, firstBrokenId: 2 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: 1 });
  });

  it('holds a checkpoint of the empty chain, and verifies while events are being written', async () => {
    const empty = await checkpointNow(database.db, new Date('2026-12-03T05:00:00Z'));
    expect(empty).toMatchObject({ lastId: 0, lastHash: GENESIS_HASH });
    await appendMany(3);
    expect(await verifyAuditChain(database.db, { checkpoint: empty })).toEqual({ ok: true, checked: 3 });
    // Writers keep appending during verification: each verification sees one snapshot, never a cut tail.
    const writing = (async () => {
      for (let n = 4; n <= 40; n++) await database.db.transaction((tx) => appendAuditEvent(tx, event(n, 'case-2')));
    })();
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await verifyAuditChain(database.db, { pageSize: 2 }));
    await writing;
    for (const result of seen) expect(result).toMatchObject({ ok: true });
  });

  it('detects a tail cut with the head rewritten to match, against a checkpoint kept outside', async () => {
    await appendMany(5);
    const checkpoint = await checkpointNow(database.db, new Date('2026-12-03T06:00:00Z'));
    expect(checkpoint).toMatchObject({ lastId: 5 });
    expect(await verifyAuditChain(database.db, { checkpoint })).toEqual({ ok: true, checked: 5 });
    const [fourth] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, 3));
    await pastTheTriggers(sql`delete from audit_events where id >= 4`);
    await database.db.update(auditChainHead).set({ lastId: 3, lastHash: fourth!.hash });
    // Alone the chain looks whole; the checkpoint says it once held event 5.
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 3 });
    expect(await verifyAuditChain(database.db, { checkpoint })).toMatchObject({
      ok: false,
      problem: 'the chain ends before event 5 of the checkpoint',
    });
    // A checkpoint whose numbers were changed no longer carries a valid signature.
    expect(await verifyAuditChain(database.db, { checkpoint: { ...checkpoint, lastId: 3 } })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not signed/),
    });
  });

  it.runIf(onPostgres)(
    'lets the application role the migrations set up (0007) read and append, but not edit or delete',
    async () => {
      await appendMany(2);
      const asApp = (statement: ReturnType<typeof sql>) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`set local role shuzhi_app`);
          return tx.execute(statement);
        });
      expect(Array.from((await asApp(sql`select id from audit_events`)) as unknown as unknown[])).toHaveLength(2);
      for (const statement of [sql`delete from audit_events where id = 2`, sql`update audit_events set reason = 'x'`]) {
        const refused = await asApp(statement).then(
          () => null,
          (e: Error) => e,
        );
        const message = `${refused?.message} ${(refused?.cause as Error | undefined)?.message}`;
        expect(message).toMatch(/permission denied for table audit_events/);
      }
    },
  );

  it('keeps the stored fields exactly as hashed (timestamps to the millisecond, jsonb key order)', async () => {
    await appendMany(1);
    const [row] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, 1));
    expect(row!.at.toISOString()).toBe('2026-11-23T08:00:01.000Z');
    expect(row!.data).toEqual({ n: 1, nested: { a: [1, 2], z: 1 } });
  });
});

describe('the policy in force', () => {
  it('is recorded once per distinct policy, whatever the number of starts', async () => {
    const first = await recordPolicyInForce(database.db, defaultPolicy, 'shuzhi-worker');
    expect(first.recorded).toBe(true);
    expect(await recordPolicyInForce(database.db, defaultPolicy, 'shuzhi-api')).toEqual({ ...first, recorded: false });
    const changed = { ...defaultPolicy, share: { ...defaultPolicy.share, reviewWd: 15 } };
    const second = await recordPolicyInForce(database.db, changed, 'shuzhi-worker');
    expect(second).toMatchObject({ recorded: true });
    expect(second.digest).not.toBe(first.digest);
    const [event] = await listCaseEvents(database.db, `policy:${second.digest}`);
    expect(event).toMatchObject({ caseType: 'reference', action: 'policy_in_force', actorName: 'shuzhi-worker' });
    expect((event!.data as { share: { reviewWd: number } }).share.reviewWd).toBe(15);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 2 });
  });
});
