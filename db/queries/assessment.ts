// The annual assessment's (年度评估) read model, indicator framework and metrics.
import type { CaseWork } from '../../workflows/common/work.js';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  lt,
  ne,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { assessmentAgencies, assessmentCycles, assessmentIndicatorSets } from '../schema/assessment.js';
import { auditEvents } from '../schema/audit.js';
import { catalogResources } from '../schema/catalog.js';
import { corrections } from '../schema/correction.js';
import { notifications } from '../schema/notification.js';
import { objections } from '../schema/objection.js';
import { openDataRequests } from '../schema/open-data-request.js';
import { shareApplications } from '../schema/share-application.js';
import { writeCaseEvent } from './case-events.js';
import { DEFAULT_INDICATORS } from '../../workflows/assessment/indicators.js';
import { catalogEntryComplete, metricOf } from '../../workflows/assessment/rules.js';
import {
  agencyAssessmentStates,
  type AgencyAssessmentChange,
  type AgencyStateCounts,
  type CycleChange,
  type IndicatorSet,
  type Metrics,
} from '../../workflows/assessment/types.js';
import { startOfLocalDay } from '../../workflows/common/working-days.js';
import { recordReferenceChange, type ReferenceActor } from './audit.js';

export type CycleRow = typeof assessmentCycles.$inferSelect;
export type AgencyAssessmentRow = typeof assessmentAgencies.$inferSelect;
export type IndicatorSetRow = typeof assessmentIndicatorSets.$inferSelect;

const setOf = (r: IndicatorSetRow): IndicatorSet => ({
  version: r.version,
  title: r.title,
  grades: r.grades,
  indicators: r.indicators,
});

/** Seeds the default framework once; later calls change nothing. */
export async function ensureDefaultIndicatorSet(db: DbOrTx): Promise<void> {
  await db
    .insert(assessmentIndicatorSets)
    .values({ ...DEFAULT_INDICATORS, isDefault: true, createdBy: 'system' })
    .onConflictDoNothing();
}

/** A framework version, or the one marked default when `version` is null. */
export async function getIndicatorSet(db: DbOrTx, version: string | null): Promise<IndicatorSet | null> {
  const [row] = await db
    .select()
    .from(assessmentIndicatorSets)
    .where(version ? eq(assessmentIndicatorSets.version, version) : eq(assessmentIndicatorSets.isDefault, true))
    .orderBy(asc(assessmentIndicatorSets.createdAt))
    .limit(1);
  return row ? setOf(row) : null;
}

export function listIndicatorSets(db: DbOrTx): Promise<IndicatorSetRow[]> {
  return db.select().from(assessmentIndicatorSets).orderBy(asc(assessmentIndicatorSets.createdAt));
}

/** Adds a framework version (never edits one); null when the version exists. `makeDefault` moves the default to it. */
export async function createIndicatorSet(
  db: Db,
  set: IndicatorSet,
  createdBy: string,
  makeDefault: boolean,
  actor?: ReferenceActor,
): Promise<IndicatorSetRow | null> {
  return db.transaction(async (tx) => {
    // One writer of the default at a time, so two versions made default at once leave exactly one.
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [row] = await tx
      .insert(assessmentIndicatorSets)
      .values({ ...set, isDefault: false, createdBy })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    // A new framework version is an audited change of reference data, in the same transaction.
    if (actor)
      await recordReferenceChange(tx, {
        kind: 'indicators',
        id: set.version,
        action: 'indicators_published',
        actor,
        data: { ...set, makeDefault },
      });
    if (!makeDefault) return row;
    await tx
      .update(assessmentIndicatorSets)
      .set({ isDefault: false })
      .where(ne(assessmentIndicatorSets.version, set.version));
    const [made] = await tx
      .update(assessmentIndicatorSets)
      .set({ isDefault: true })
      .where(eq(assessmentIndicatorSets.version, set.version))
      .returning();
    return made ?? row;
  });
}

/**
 * Claims the year for one workflow run and lists every registered agency under it (the cycle's
 * snapshot). 'taken' when another run already claimed the year: a year runs at most once.
 */
export async function claimCycle(
  db: Db,
  change: CycleChange,
  work: CaseWork,
  workflowId: string,
  runId: string,
): Promise<{ outcome: 'claimed' | 'taken'; agencyCount: number }> {
  const v = change.view;
  return db.transaction(async (tx) => {
    await tx
      .insert(assessmentCycles)
      .values({ ...cycleRowOf(change), workflowId, runId })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ runId: assessmentCycles.runId })
      .from(assessmentCycles)
      .where(eq(assessmentCycles.year, v.year))
      .for('update');
    if (row?.runId !== runId) return { outcome: 'taken' as const, agencyCount: 0 };
    await tx.execute(sql`insert into assessment_agencies (year, agency_code, agency_name, state)
      select ${v.year}, code, name, 'collecting' from agencies order by code on conflict do nothing`);
    const [{ n }] = (await tx
      .select({ n: count() })
      .from(assessmentAgencies)
      .where(eq(assessmentAgencies.year, v.year))) as [{ n: number }];
    await tx.update(assessmentCycles).set({ agencyCount: n }).where(eq(assessmentCycles.year, v.year));
    await writeCaseEvent(tx, work, { ...change.event, data: { ...change.event.data, agencies: n } }, change.notify);
    return { outcome: 'claimed' as const, agencyCount: n };
  });
}

function cycleRowOf(change: CycleChange) {
  const v = change.view;
  return {
    year: v.year,
    state: v.state,
    indicatorsVersion: v.indicatorsVersion,
    indicators: change.indicators,
    agencyCount: v.agencyCount,
    startedBy: v.startedBy,
    startedAt: new Date(v.startedAt),
    deadlines: v.deadlines,
    publishedAt: v.publishedAt,
    rectifying: v.rectifying,
    closedAt: v.closedAt ? new Date(v.closedAt) : null,
    updatedAt: new Date(v.updatedAt),
    version: v.version,
  };
}

/** Writes one cycle transition (row if newer, audit event, notifications); safe to retry. */
export async function saveCycleChange(db: Db, change: CycleChange, work: CaseWork): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { agencyCount: _counted, ...row } = cycleRowOf(change);
    await tx
      .update(assessmentCycles)
      .set(row)
      .where(and(eq(assessmentCycles.year, change.view.year), lt(assessmentCycles.version, change.view.version)));
    return writeCaseEvent(tx, work, change.event, change.notify);
  });
}

/** Writes one transition of an agency's assessment (row if newer, audit event, notifications); safe to retry. */
export async function saveAgencyAssessmentChange(
  db: Db,
  change: AgencyAssessmentChange,
  work: CaseWork,
): Promise<boolean> {
  return db.transaction((tx) => writeAgencyAssessmentChange(tx, change, work));
}

/**
 * The first transitions of a batch of agencies (each a case of its own), written in one transaction;
 * true for each one written, false for one already written (a retried step).
 */
export function saveAgencyAssessmentOpenings(
  db: Db,
  changes: { change: AgencyAssessmentChange; work: CaseWork }[],
): Promise<boolean[]> {
  return db.transaction(async (tx) => {
    const written: boolean[] = [];
    for (const { change, work } of changes) written.push(await writeAgencyAssessmentChange(tx, change, work));
    return written;
  });
}

async function writeAgencyAssessmentChange(
  tx: DbOrTx,
  change: AgencyAssessmentChange,
  work: CaseWork,
): Promise<boolean> {
  const v = change.view;
  await tx
    .update(assessmentAgencies)
    .set({
      state: v.state,
      overdue: v.overdue,
      metrics: v.metrics,
      applicable: v.applicable,
      deadlines: v.deadlines,
      selfDueDate: v.deadlines.selfAssessment.dueDate,
      reviewDueDate: v.deadlines.review.dueDate,
      selfAssessment: v.selfAssessment,
      selfAssessmentMissed: v.selfAssessmentMissed,
      assessorId: v.assessor?.id ?? null,
      assessor: v.assessor,
      review: v.review,
      result: v.result,
      total: v.result?.total ?? null,
      grade: v.result?.grade ?? null,
      appeal: v.appeal,
      appealPending: !!v.appeal && !v.appeal.answer,
      rectification: v.rectification,
      overdueStages: v.overdueStages,
      updatedAt: new Date(v.updatedAt),
      version: v.version,
    })
    .where(
      and(
        eq(assessmentAgencies.year, v.year),
        eq(assessmentAgencies.agencyCode, v.agencyCode),
        lt(assessmentAgencies.version, v.version),
      ),
    );
  return writeCaseEvent(tx, work, change.event, change.notify);
}

/** The cycle's agencies in code order, a page at a time (the fan-out's cursor). */
export function listCycleAgencies(db: DbOrTx, year: number, afterCode: string | null, limit: number) {
  return db
    .select({ code: assessmentAgencies.agencyCode, name: assessmentAgencies.agencyName })
    .from(assessmentAgencies)
    .where(and(eq(assessmentAgencies.year, year), afterCode ? gt(assessmentAgencies.agencyCode, afterCode) : undefined))
    .orderBy(asc(assessmentAgencies.agencyCode))
    .limit(limit);
}

export interface CycleProgress {
  counts: AgencyStateCounts;
  /** Agencies whose process has not recorded its first step yet. */
  unstarted: number;
  unreviewed: number;
  pendingAppeals: number;
  /** Agencies whose final result is not recorded yet. */
  unfinalised: number;
  /** Agencies with a stage deadline missed (督办). */
  overdue: number;
}

/** Counts of a cycle's agencies by state, and what a publication waits for. */
export async function cycleProgress(db: DbOrTx, year: number): Promise<CycleProgress> {
  const rows = await db
    .select({ state: assessmentAgencies.state, n: count() })
    .from(assessmentAgencies)
    .where(eq(assessmentAgencies.year, year))
    .groupBy(assessmentAgencies.state);
  const counts = Object.fromEntries(agencyAssessmentStates.map((s) => [s, 0])) as AgencyStateCounts;
  for (const r of rows) counts[r.state] = Number(r.n);
  const [extra] = await db
    .select({
      unstarted: sql<number>`count(*) filter (where ${assessmentAgencies.version} = 0)`,
      unreviewed: sql<number>`count(*) filter (where ${assessmentAgencies.review} is null)`,
      pendingAppeals: sql<number>`count(*) filter (where ${assessmentAgencies.appealPending})`,
      unfinalised: sql<number>`count(*) filter (where coalesce(${assessmentAgencies.result}->>'stage', '') <> 'final')`,
      overdue: sql<number>`count(*) filter (where ${assessmentAgencies.overdue})`,
    })
    .from(assessmentAgencies)
    .where(eq(assessmentAgencies.year, year));
  return {
    counts,
    unstarted: Number(extra?.unstarted ?? 0),
    unreviewed: Number(extra?.unreviewed ?? 0),
    pendingAppeals: Number(extra?.pendingAppeals ?? 0),
    unfinalised: Number(extra?.unfinalised ?? 0),
    overdue: Number(extra?.overdue ?? 0),
  };
}

/** processes.md P4 step 5: ranks every agency of the year by its final total (equal totals share a rank). */
export async function rankCycle(db: DbOrTx, year: number): Promise<void> {
  await db.execute(sql`update assessment_agencies a set rank = r.rank
    from (select agency_code, rank() over (order by total desc) as rank from assessment_agencies where year = ${year} and total is not null) r
    where a.year = ${year} and a.agency_code = r.agency_code`);
}

export async function getCycle(db: DbOrTx, year: number): Promise<CycleRow | null> {
  const [row] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.year, year)).limit(1);
  return row ?? null;
}

/** Every cycle, the latest year first: the few columns a list of years needs. */
export function listCycles(db: DbOrTx) {
  const c = assessmentCycles;
  return db
    .select({
      year: c.year,
      state: c.state,
      agencyCount: c.agencyCount,
      indicatorsVersion: c.indicatorsVersion,
      startedAt: c.startedAt,
      publishedAt: c.publishedAt,
      closedAt: c.closedAt,
    })
    .from(c)
    .orderBy(desc(c.year));
}

export async function getAgencyAssessment(db: DbOrTx, year: number, code: string): Promise<AgencyAssessmentRow | null> {
  const [row] = await db
    .select()
    .from(assessmentAgencies)
    .where(and(eq(assessmentAgencies.year, year), eq(assessmentAgencies.agencyCode, code)))
    .limit(1);
  return row ?? null;
}

/** A cycle's agencies by code, keyset-paginated; scoped to an assessor's agencies or filtered by state. */
export async function listAgencyAssessments(
  db: DbOrTx,
  year: number,
  filter: { assessorId?: string; state?: string },
  limit: number,
  afterCode: string | null,
) {
  const where: SQL[] = [eq(assessmentAgencies.year, year)];
  if (filter.assessorId) where.push(eq(assessmentAgencies.assessorId, filter.assessorId));
  if (filter.state) where.push(eq(assessmentAgencies.state, filter.state as AgencyAssessmentRow['state']));
  if (afterCode) where.push(gt(assessmentAgencies.agencyCode, afterCode));
  const rows = await db
    .select()
    .from(assessmentAgencies)
    .where(and(...where))
    .orderBy(asc(assessmentAgencies.agencyCode))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCode: rows.length > limit ? items[items.length - 1]!.agencyCode : null };
}

/** The given agencies' assessments of a year, in one read. */
export function listAgencyAssessmentsByCode(db: DbOrTx, year: number, codes: string[]) {
  return db
    .select()
    .from(assessmentAgencies)
    .where(and(eq(assessmentAgencies.year, year), inArray(assessmentAgencies.agencyCode, codes)));
}

/**
 * processes.md P4 step 1: an agency's metrics for `year`, from the system's own records. Cases count by
 * the local (Asia/Shanghai) year they were submitted in; resources catalogued by the year's end.
 */
export async function computeAgencyMetrics(db: DbOrTx, year: number, agency: string): Promise<Metrics> {
  const from = new Date(startOfLocalDay(`${year}-01-01`));
  const to = new Date(startOfLocalDay(`${year + 1}-01-01`));
  const overdueN = (flag: SQLWrapper) => sql<number>`count(*) filter (where ${flag})`;

  // P6: a resource whose update ran overdue at any time in the year (the nightly sweep told its
  // provider, a notification kept) did not keep its update cycle that year.
  const lapsed = sql<boolean>`exists (select 1 from ${notifications} where ${notifications.caseType} = 'freshness' and ${notifications.kind} = 'freshness_overdue'
    and ${notifications.caseId} = ${catalogResources.id}::text and ${notifications.createdAt} >= ${from.toISOString()}::timestamptz and ${notifications.createdAt} < ${to.toISOString()}::timestamptz)`;
  const catalogued = and(eq(catalogResources.providerAgency, agency), lt(catalogResources.createdAt, to));
  const resources = await db
    .select({
      description: catalogResources.description,
      fields: catalogResources.fields,
      shareType: catalogResources.shareType,
      openType: catalogResources.openType,
      legalBasis: catalogResources.legalBasis,
    })
    .from(catalogResources)
    .where(catalogued);
  const complete = resources.filter(catalogEntryComplete).length;
  // As an aggregate, so drizzle qualifies the outer column inside the subquery.
  const [fr] = await db
    .select({ lapsed: overdueN(lapsed) })
    .from(catalogResources)
    .where(catalogued);
  const fresh = resources.length - Number(fr?.lapsed ?? 0);

  const [share] = await db
    .select({ n: count(), overdue: overdueN(shareApplications.overdue) })
    .from(shareApplications)
    .where(
      and(
        eq(shareApplications.providerAgency, agency),
        eq(shareApplications.shareType, 'conditional'),
        isNotNull(shareApplications.reviewDueAt),
        gte(shareApplications.submittedAt, from),
        lt(shareApplications.submittedAt, to),
      ),
    );
  const [objection] = await db
    .select({ n: count(), upheld: sql<number>`count(*) filter (where ${objections.outcome} = 'uphold_refusal')` })
    .from(objections)
    .where(
      and(
        eq(objections.providerAgency, agency),
        eq(objections.state, 'resolved'),
        isNotNull(objections.outcome),
        gte(objections.filedAt, from),
        lt(objections.filedAt, to),
      ),
    );
  // The provider answers for its own review only; an overdue formal check is the bureau's.
  const reviewOverdue = sql`exists (select 1 from ${auditEvents} where ${auditEvents.caseType} = 'open-data-request' and ${auditEvents.caseId} = ${openDataRequests.id}::text and ${auditEvents.action} = 'overdue' and ${auditEvents.toState} = 'provider_review')`;
  const [open] = await db
    .select({ n: count(), overdue: overdueN(reviewOverdue) })
    .from(openDataRequests)
    .where(
      and(
        eq(openDataRequests.providerAgency, agency),
        isNotNull(openDataRequests.reviewDueAt),
        gte(openDataRequests.submittedAt, from),
        lt(openDataRequests.submittedAt, to),
      ),
    );
  const [correction] = await db
    .select({ n: count(), overdue: overdueN(corrections.overdue) })
    .from(corrections)
    .where(
      and(
        eq(corrections.assignedAgency, agency),
        isNotNull(corrections.verifyDueAt),
        gte(corrections.submittedAt, from),
        lt(corrections.submittedAt, to),
      ),
    );

  const n = (x: { n: number } | undefined) => Number(x?.n ?? 0);
  const late = (x: { overdue: number } | undefined) => Number(x?.overdue ?? 0);
  return {
    catalog: metricOf(
      'catalog',
      resources.length,
      complete,
      null,
      resources.length ? `${complete} of ${resources.length} catalogue entries complete` : 'no resources catalogued',
      true,
    ),
    freshness: metricOf(
      'freshness',
      resources.length,
      fresh,
      resources.length - fresh,
      `${fresh} of ${resources.length} resources kept their update cycle all year`,
    ),
    share: metricOf(
      'share',
      n(share),
      n(share) - late(share),
      late(share),
      `${late(share)} of ${n(share)} conditional share applications overdue`,
    ),
    objection: metricOf(
      'objection',
      n(objection),
      Number(objection?.upheld ?? 0),
      null,
      `${n(objection) - Number(objection?.upheld ?? 0)} of ${n(objection)} objections lost`,
    ),
    open: metricOf(
      'open',
      n(open),
      n(open) - late(open),
      late(open),
      `${late(open)} of ${n(open)} open-data reviews overdue`,
    ),
    correction: metricOf(
      'correction',
      n(correction),
      n(correction) - late(correction),
      late(correction),
      `${late(correction)} of ${n(correction)} corrections verified late`,
    ),
  };
}

/** The cycle's results for export, in rank order (then code): the columns a result needs, not the dossier. */
export function listCycleResults(db: DbOrTx, year: number) {
  const a = assessmentAgencies;
  return db
    .select({
      year: a.year,
      agencyCode: a.agencyCode,
      agencyName: a.agencyName,
      state: a.state,
      result: a.result,
      total: a.total,
      grade: a.grade,
      rank: a.rank,
      overdue: a.overdue,
    })
    .from(a)
    .where(eq(a.year, year))
    .orderBy(sql`${assessmentAgencies.rank} asc nulls last`, asc(assessmentAgencies.agencyCode));
}
