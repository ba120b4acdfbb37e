// The hash-chained audit log on a real database: appends link, retries are no-ops, concurrent
// writers serialise, and any edit, deletion in the middle or cut tail is found.
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import {
  appendAuditEvent,
  GENESIS_HASH,
  listCaseEvents,
  verifyAuditChain,
  type NewAuditEvent,
} from '../../db/queries/audit.js';
import { auditEvents } from '../../db/schema/audit.js';
import { freshDatabase } from '../helpers/db.js';

let database: Database;
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
    expect(await verifyAuditChain(database.db, 3)).toEqual({ ok: true, checked: 7 });
  });

  it.each([
    ['an edited reason', sql`update audit_events set reason = 'changed' where id = 2`, 2],
    ['an edited jsonb payload', sql`update audit_events set data = '{"n": 99}' where id = 3`, 3],
    ['a re-hashed row that no longer links', sql`update audit_events set hash = repeat('a', 64) where id = 2`, 2],
    ['a row deleted from the middle', sql`delete from audit_events where id = 2`, 2],
    ['rows cut from the end', sql`delete from audit_events where id >= 3`, 3],
  ])('finds %s', async (_name, tamper, brokenAt) => {
    await appendMany(4);
    await database.db.execute(tamper);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBrokenId: brokenAt });
  });

  it('keeps the stored fields exactly as hashed (timestamps to the millisecond, jsonb key order)', async () => {
    await appendMany(1);
    const [row] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, 1));
    expect(row!.at.toISOString()).toBe('2026-11-23T08:00:01.000Z');
    expect(row!.data).toEqual({ n: 1, nested: { a: [1, 2], z: 1 } });
  });
});
