// processes.md P4 step 1 against a real database: each metric counts the assessed agency's own cases of
// the assessed (Shanghai) year, and a source with nothing to count is not applicable.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { computeAgencyMetrics, getAgencyAssessment, rankCycle } from '../../db/queries/assessment.js';
import { assessmentAgencies, assessmentCycles } from '../../db/schema/assessment.js';
import { ensureDefaultIndicatorSet } from '../../db/queries/assessment.js';
import { DEFAULT_INDICATORS } from '../../workflows/assessment/indicators.js';
import { appendAuditEvent } from '../../db/queries/audit.js';
import { catalogResources } from '../../db/schema/catalog.js';
import { corrections } from '../../db/schema/correction.js';
import { notifications } from '../../db/schema/notification.js';
import { insertNotifications } from '../../db/queries/notification.js';
import { objections } from '../../db/schema/objection.js';
import { openDataRequests } from '../../db/schema/open-data-request.js';
import { shareApplications } from '../../db/schema/share-application.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';

let database: Database;
let provider: string, other: string;
let resourceId: string;

// Inside 2025 in Shanghai, and the first minutes of 2026 there (still 2025 in UTC).
const in2025 = new Date('2025-06-01T02:00:00Z');
const newYearInShanghai = new Date('2025-12-31T16:30:00Z');

async function share(
  agencyCode: string,
  overdue: boolean,
  submittedAt = in2025,
  shareType = 'conditional',
  reviewed = true,
) {
  const id = randomUUID();
  await database.db.insert(shareApplications).values({
    id,
    workflowId: `share-application:${id}`,
    applicantAgency: other,
    providerAgency: agencyCode,
    resourceId,
    resourceCode: 'R',
    resourceName: 'R',
    shareType,
    fields: ['name'],
    purpose: 'p',
    dutyBasis: 'd',
    usageScope: 'u',
    periodMonths: 1,
    deliveryMethod: 'api',
    state: 'granted',
    overdue,
    submittedBy: 's',
    submittedAt,
    updatedAt: submittedAt,
    version: 1,
    ...(reviewed ? { reviewDueAt: submittedAt, reviewDueDate: '2025-06-15' } : {}),
  });
  return id;
}

beforeAll(async () => {
  database = await freshDatabase();
  [provider, other] = [await agency(database.db), await agency(database.db)];
  const r = await resource(database.db, provider, 'conditional');
  resourceId = r.id;
  // Catalogued during the assessed year; a resource added later does not count for it.
  await database.db.update(catalogResources).set({ createdAt: in2025 }).where(eq(catalogResources.id, r.id));
  const [lapsedResource] = await database.db
    .insert(catalogResources)
    .values({
      code: `C-${randomUUID()}`,
      name: '完整',
      providerAgency: provider,
      description: '说明',
      fields: [{ name: 'a' }],
      shareType: 'unconditional',
      openType: 'unconditional',
      updateCycle: 'daily',
      createdBy: 't',
      createdAt: in2025,
    })
    .returning();
  // The nightly sweep found it overdue once in 2025 (and the other one only in 2026, which is not counted).
  await insertNotifications(
    database.db,
    `freshness:${lapsedResource!.id}:overdue:2025-07-01`,
    'freshness',
    lapsedResource!.id,
    [{ audience: 'agency', recipient: provider, kind: 'freshness_overdue', title: 'overdue' }],
  );
  await database.db
    .update(notifications)
    .set({ createdAt: new Date('2025-07-02T01:00:00Z') })
    .where(eq(notifications.caseId, lapsedResource!.id));
  await insertNotifications(database.db, `freshness:${r.id}:overdue:2026-01-02`, 'freshness', r.id, [
    { audience: 'agency', recipient: provider, kind: 'freshness_overdue', title: 'overdue' },
  ]);
  await database.db.update(notifications).set({ createdAt: newYearInShanghai }).where(eq(notifications.caseId, r.id));
  await database.db.insert(catalogResources).values({
    code: `C-${randomUUID()}`,
    name: '次年',
    providerAgency: provider,
    description: '说明',
    fields: [{ name: 'a' }],
    shareType: 'unconditional',
    openType: 'unconditional',
    updateCycle: 'daily',
    createdBy: 't',
  });

  await share(provider, false);
  await share(provider, true);
  await share(provider, true, newYearInShanghai); // 2026 in Shanghai: not counted
  await share(provider, false, in2025, 'unconditional'); // granted at once: no review to time
  await share(other, true); // another provider's
  await share(provider, false, in2025, 'conditional', false); // withdrawn before its review clock ran: not counted

  for (const outcome of ['uphold_refusal', 'share', 'conditional_share'] as const) {
    const applicationId = await share(other, false);
    const id = randomUUID();
    await database.db.insert(objections).values({
      id,
      workflowId: `objection:${id}`,
      applicationId,
      applicantAgency: other,
      providerAgency: provider,
      resourceCode: 'R',
      resourceName: 'R',
      refusal: { reason: 'r', legalBasis: 'l' } as never,
      statement: 's',
      filedBy: { id: 'x', role: 'agency_staff' },
      state: 'resolved',
      outcome,
      statements: [],
      minutes: [],
      filedAt: in2025,
      updatedAt: in2025,
      version: 3,
    });
  }

  for (const late of [true, false, false]) {
    const id = randomUUID();
    await database.db.insert(openDataRequests).values({
      id,
      workflowId: `open-data-request:${id}`,
      resourceId,
      resourceCode: 'R',
      resourceName: 'R',
      providerAgency: provider,
      fields: ['name'],
      requesterKind: 'person',
      requesterName: 'n',
      requesterMasked: 'm',
      requesterKey: `k-${id}`,
      requesterContact: 'c',
      requesterUser: 'u',
      purpose: 'p',
      scenario: 's',
      periodMonths: 1,
      securityMeasures: 'm',
      state: 'active',
      reports: [],
      reviewDueAt: in2025,
      reviewDueDate: '2025-06-15',
      overdue: true,
      submittedAt: in2025,
      updatedAt: in2025,
      version: 3,
    });
    // The bureau's formal check ran late on every one; only the first was late in the provider's review.
    await database.db.transaction(async (tx) => {
      const event = (action: string, toState: string) => ({
        eventKey: `open-data-request:${id}:${action}:${toState}`,
        caseType: 'open-data-request',
        caseId: id,
        action,
        fromState: toState,
        toState,
        actorId: 'system',
        actorName: null,
        actorRole: 'system',
        actorAgency: null,
        at: in2025,
        reason: null,
        legalBasis: null,
        data: null,
      });
      await appendAuditEvent(tx, event('overdue', 'formal_check'));
      if (late) await appendAuditEvent(tx, event('overdue', 'provider_review'));
    });
  }

  for (const [assigned, overdue] of [
    [provider, true],
    [provider, false],
    [other, true],
  ] as const) {
    const id = randomUUID();
    await database.db.insert(corrections).values({
      id,
      workflowId: `correction:${id}`,
      resourceId,
      resourceCode: 'R',
      resourceName: 'R',
      providerAgency: provider,
      assignedAgency: assigned,
      recordRef: 'x',
      description: 'd',
      reporterId: 'r',
      state: 'corrected',
      overdue,
      verifyDueAt: in2025,
      verifyDueDate: '2025-06-08',
      submittedAt: in2025,
      updatedAt: in2025,
      version: 3,
    });
  }
});
afterAll(async () => database?.close());

describe('assessment metrics', () => {
  it('counts the provider’s own cases of the year, by their deadlines', async () => {
    const m = await computeAgencyMetrics(database.db, 2025, provider);
    expect(m.catalog).toMatchObject({ applicable: true, total: 2, ok: 1, ratio: 0.5 });
    expect(m.freshness).toMatchObject({ applicable: true, total: 2, ok: 1, overdue: 1 });
    expect(m.share).toMatchObject({ applicable: true, total: 2, ok: 1, overdue: 1, systemScore: 50 });
    expect(m.objection).toMatchObject({ applicable: true, total: 3, ok: 1 });
    expect(m.open).toMatchObject({ applicable: true, total: 3, ok: 2, overdue: 1 });
    expect(m.correction).toMatchObject({ applicable: true, total: 2, ok: 1, overdue: 1 });
  });

  it('finds nothing to measure in another year, and says so rather than scoring zero', async () => {
    const m = await computeAgencyMetrics(database.db, 2024, provider);
    for (const source of ['share', 'objection', 'open', 'correction'] as const)
      expect(m[source]).toMatchObject({ applicable: false, ratio: null, systemScore: null });
    const none = await computeAgencyMetrics(database.db, 2025, other);
    expect(none.catalog).toMatchObject({ applicable: true, total: 0, systemScore: 0 });
    expect(none.freshness.applicable).toBe(false);
    // Its own: one late, and the three applications behind the objections, answered in time.
    expect(none.share).toMatchObject({ total: 4, overdue: 1 });
  });
});

describe('ranking', () => {
  it('ranks by final total, highest first; equal totals share a rank and the next rank is skipped', async () => {
    await ensureDefaultIndicatorSet(database.db);
    const t = new Date();
    await database.db.insert(assessmentCycles).values({
      year: 2019,
      workflowId: 'assessment:2019',
      runId: 'r',
      state: 'final',
      indicatorsVersion: DEFAULT_INDICATORS.version,
      indicators: DEFAULT_INDICATORS,
      agencyCount: 5,
      startedBy: { id: 'a', role: 'bureau_admin' },
      startedAt: t,
      deadlines: {} as never,
      publishedAt: { preliminary: null, final: null },
      updatedAt: t,
      version: 1,
    });
    const totals: [string, number | null][] = [
      ['B', 80],
      ['A', 92.5],
      ['C', 80],
      ['D', 70],
      ['E', null],
    ];
    for (const [code, total] of totals)
      await database.db
        .insert(assessmentAgencies)
        .values({ year: 2019, agencyCode: code, agencyName: code, state: 'closed', total });
    await rankCycle(database.db, 2019);
    const ranks = Object.fromEntries(
      await Promise.all(
        totals.map(async ([code]) => [code, (await getAgencyAssessment(database.db, 2019, code))!.rank]),
      ),
    );
    expect(ranks).toEqual({ A: 1, B: 2, C: 2, D: 4, E: null });
  });
});
