// The cases of every process in one table: written with each transition (saveCaseWork), read by the
// work list (待办/已办/关注), the statistics and the `actions` of case answers.
import { and, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { auditEvents } from '../schema/audit.js';
import { caseTasks, cases } from '../schema/case.js';
import type { CaseWork, Person } from '../../workflows/common/work.js';
import { containing, startingWith } from './page.js';

export type CaseRow = typeof cases.$inferSelect;

const at = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

/** Writes a case's current shape and its tasks, if this version is newer than the one stored. */
export async function saveCaseWork(tx: DbOrTx, w: CaseWork): Promise<void> {
  const row = {
    caseType: w.caseType,
    caseId: w.caseId,
    version: w.version,
    state: w.state,
    open: w.open,
    title: w.title,
    resourceName: w.resourceName,
    agencies: w.agencies,
    users: w.users,
    respondingAgency: w.respondingAgency,
    dueAt: at(w.due?.dueAt),
    dueDate: w.due?.dueDate ?? null,
    overdue: w.overdue,
    openedAt: new Date(w.openedAt),
    decidedAt: at(w.decidedAt),
    updatedAt: new Date(),
    view: w.view,
  };
  const written = await tx
    .insert(cases)
    .values(row)
    .onConflictDoUpdate({
      target: [cases.caseType, cases.caseId],
      // The first answer is the one measured: a later outcome (an objection's) does not move it.
      set: {
        ...row,
        caseType: undefined,
        caseId: undefined,
        decidedAt: sql`coalesce(${cases.decidedAt}, excluded.decided_at)`,
      },
      setWhere: sql`${cases.version} < excluded.version`,
    })
    .returning({ version: cases.version });
  if (!written.length) return;
  await tx.delete(caseTasks).where(and(eq(caseTasks.caseType, w.caseType), eq(caseTasks.caseId, w.caseId)));
  if (!w.tasks.length) return;
  await tx.insert(caseTasks).values(
    w.tasks.map((t, seq) => ({
      caseType: w.caseType,
      caseId: w.caseId,
      seq,
      role: t.role,
      agency: t.agency,
      userId: t.userId,
      actions: t.actions,
      dueAt: at(t.due?.dueAt),
      dueDate: t.due?.dueDate ?? null,
      lapsesAt: at(t.lapsesAt),
    })),
  );
}

/** The stored views of some cases of one process, by id. */
export async function getCaseViews<V>(db: DbOrTx, caseType: string, ids: string[]): Promise<Map<string, V>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: cases.caseId, view: cases.view })
    .from(cases)
    .where(and(eq(cases.caseType, caseType), inArray(cases.caseId, ids)));
  return new Map(rows.map((r) => [r.id, r.view as V]));
}

export interface WorkFilter {
  process?: string | undefined;
  state?: string | undefined;
  agency?: string | undefined;
  /** A case id, or part of the resource's (or the case's) name. */
  q?: string | undefined;
}

/** Keyset cursor of the lists ordered by deadline: (due, case type, case id), a missing deadline last. */
export interface DueCursor {
  due: string | null;
  type: string;
  id: string;
}

export interface WorkRow {
  case: CaseRow;
  /** The deadline of the caller's task (todo), or the case's next deadline. */
  dueAt: Date | null;
  dueDate: string | null;
  /** When the caller last acted on it (done). */
  actedAt: Date | null;
  /** The actions the caller's tasks wait for (todo). */
  awaited: string[];
}

const FAR = sql`'infinity'::timestamptz`;

function caseFilters(f: WorkFilter): SQL[] {
  const where: SQL[] = [];
  if (f.process) where.push(eq(cases.caseType, f.process));
  if (f.state) where.push(eq(cases.state, f.state));
  if (f.agency) where.push(sql`${cases.agencies} @> array[${f.agency}]::text[]`);
  if (f.q) {
    const like = containing(f.q);
    // The console shows a case id by its first 8 characters: those find it too.
    const id = f.q.length >= 8 ? sql`${cases.caseId} like ${startingWith(f.q)}` : sql`${cases.caseId} = ${f.q}`;
    where.push(sql`(${id} or ${cases.title} ilike ${like} or ${cases.resourceName} ilike ${like})`);
  }
  return where;
}

/** The tasks a person's roles, agency and id fit. */
function partyMatch(p: Person): SQL {
  return sql`${caseTasks.role} in (${sql.join(
    p.roles.map((r) => sql`${r}`),
    sql`, `,
  )})
    and (${caseTasks.agency} is null or ${caseTasks.agency} = ${p.agency ?? null})
    and (${caseTasks.userId} is null or ${caseTasks.userId} = ${p.sub})
    and (${caseTasks.lapsesAt} is null or ${caseTasks.lapsesAt} > now())`;
}

const afterDue = (due: SQL, c: DueCursor | null): SQL | undefined =>
  c
    ? sql`(${due}, ${cases.caseType}, ${cases.caseId}) > (${c.due ? sql`${c.due}::timestamptz` : FAR}, ${c.type}, ${c.id})`
    : undefined;

/** 待办: the cases awaiting the person, earliest deadline first. */
export async function listTodo(
  db: DbOrTx,
  p: Person,
  f: WorkFilter,
  limit: number,
  cursor: DueCursor | null,
): Promise<WorkRow[]> {
  const mine = db
    .select({
      caseType: caseTasks.caseType,
      caseId: caseTasks.caseId,
      dueAt: sql<Date | null>`min(${caseTasks.dueAt})`.as('task_due_at'),
      dueDate: sql<string | null>`min(${caseTasks.dueDate})`.as('task_due_date'),
      awaited: sql<string>`string_agg(array_to_string(${caseTasks.actions}, ','), ',')`.as('awaited'),
    })
    .from(caseTasks)
    .where(partyMatch(p))
    .groupBy(caseTasks.caseType, caseTasks.caseId)
    .as('mine');
  const due = sql`coalesce(${mine.dueAt}, ${FAR})`;
  const rows = await db
    .select({ case: cases, dueAt: mine.dueAt, dueDate: mine.dueDate, awaited: mine.awaited })
    .from(mine)
    .innerJoin(cases, and(eq(cases.caseType, mine.caseType), eq(cases.caseId, mine.caseId)))
    .where(and(...caseFilters(f), afterDue(due, cursor)))
    .orderBy(due, cases.caseType, cases.caseId)
    .limit(limit + 1);
  return rows.map((r) => ({
    case: r.case,
    dueAt: r.dueAt ? new Date(r.dueAt) : null,
    dueDate: r.dueDate,
    actedAt: null,
    awaited: [...new Set((r.awaited ?? '').split(','))],
  }));
}

/**
 * 关注: the other open cases — those not awaiting the person — that their agency (`partyAgency`, for
 * agency roles only) or they themselves are party to, or every open case for the bureau; by deadline.
 */
export async function listWatching(
  db: DbOrTx,
  p: Person,
  scope: { bureau: boolean; partyAgency: string | null },
  f: WorkFilter,
  limit: number,
  cursor: DueCursor | null,
): Promise<WorkRow[]> {
  const party = scope.bureau
    ? undefined
    : sql`(${scope.partyAgency ? sql`${cases.agencies} @> array[${scope.partyAgency}]::text[] or ` : sql``}${cases.users} @> array[${p.sub}]::text[])`;
  const notMine = sql`not exists (select 1 from ${caseTasks} where ${caseTasks.caseType} = ${cases.caseType} and ${caseTasks.caseId} = ${cases.caseId} and ${partyMatch(p)})`;
  const due = sql`coalesce(${cases.dueAt}, ${FAR})`;
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.open, true), party, notMine, ...caseFilters(f), afterDue(due, cursor)))
    .orderBy(due, cases.caseType, cases.caseId)
    .limit(limit + 1);
  return rows.map((c) => ({ case: c, dueAt: c.dueAt, dueDate: c.dueDate, actedAt: null, awaited: [] }));
}

/** Keyset cursor of 已办: when the person last acted, then the case. */
export interface ActedCursor {
  at: string;
  type: string;
  id: string;
}

/** 已办: the cases the person acted on, most recent first. */
export async function listDone(
  db: DbOrTx,
  p: Person,
  f: WorkFilter,
  limit: number,
  cursor: ActedCursor | null,
): Promise<WorkRow[]> {
  const acted = db
    .select({
      caseType: auditEvents.caseType,
      caseId: auditEvents.caseId,
      actedAt: sql<Date>`max(${auditEvents.at})`.as('acted_at'),
    })
    .from(auditEvents)
    .where(eq(auditEvents.actorId, p.sub))
    .groupBy(auditEvents.caseType, auditEvents.caseId)
    .as('acted');
  const after = cursor
    ? sql`(${acted.actedAt}, ${cases.caseType}, ${cases.caseId}) < (${cursor.at}::timestamptz, ${cursor.type}, ${cursor.id})`
    : undefined;
  const rows = await db
    .select({ case: cases, actedAt: acted.actedAt })
    .from(acted)
    .innerJoin(cases, and(eq(cases.caseType, acted.caseType), eq(cases.caseId, acted.caseId)))
    .where(and(...caseFilters(f), after))
    .orderBy(sql`${acted.actedAt} desc`, sql`${cases.caseType} desc`, sql`${cases.caseId} desc`)
    .limit(limit + 1);
  return rows.map((r) => ({
    case: r.case,
    dueAt: r.case.dueAt,
    dueDate: r.case.dueDate,
    actedAt: new Date(r.actedAt),
    awaited: [],
  }));
}

/** Whose cases the statistics count: the whole city (the bureau), or one agency's. */
export interface StatisticsScope {
  agency: string | null;
  from: Date;
  to: Date;
  process?: string | undefined;
}

const shanghaiMonth = (column: SQL | typeof cases.openedAt) =>
  sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** Counts behind the 统计 page: by state, overdue by responding agency, monthly, and the decided cases' durations. */
export async function caseStatistics(db: DbOrTx, s: StatisticsScope) {
  const scope = and(
    s.agency ? sql`${cases.agencies} @> array[${s.agency}]::text[]` : undefined,
    // A year's cycle is counted through its agencies' assessments, not as a case of its own.
    s.process ? eq(cases.caseType, s.process) : ne(cases.caseType, 'assessment-cycle'),
  );
  const opened = and(
    scope,
    sql`${cases.openedAt} >= ${s.from.toISOString()}::timestamptz and ${cases.openedAt} < ${s.to.toISOString()}::timestamptz`,
  );
  const decided = and(
    scope,
    sql`${cases.decidedAt} >= ${s.from.toISOString()}::timestamptz and ${cases.decidedAt} < ${s.to.toISOString()}::timestamptz`,
  );
  const [byState, overdueByAgency, openedMonthly, decidedMonthly, durations] = await Promise.all([
    db
      .select({
        process: cases.caseType,
        state: cases.state,
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${cases.overdue}))::int`,
      })
      .from(cases)
      .where(opened)
      .groupBy(cases.caseType, cases.state),
    db
      .select({ process: cases.caseType, agency: cases.respondingAgency, n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(opened, eq(cases.overdue, true)))
      .groupBy(cases.caseType, cases.respondingAgency),
    db
      .select({
        process: cases.caseType,
        month: shanghaiMonth(cases.openedAt),
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${cases.overdue}))::int`,
      })
      .from(cases)
      .where(opened)
      .groupBy(cases.caseType, shanghaiMonth(cases.openedAt)),
    db
      .select({ process: cases.caseType, month: shanghaiMonth(sql`${cases.decidedAt}`), n: sql<number>`count(*)::int` })
      .from(cases)
      .where(decided)
      .groupBy(cases.caseType, shanghaiMonth(sql`${cases.decidedAt}`)),
    db
      .select({ process: cases.caseType, openedAt: cases.openedAt, decidedAt: cases.decidedAt })
      .from(cases)
      .where(decided),
  ]);
  return { byState, overdueByAgency, openedMonthly, decidedMonthly, durations };
}

/** Where a page of cases ended: the next page starts after it. */
export interface CaseKey {
  caseType: string;
  caseId: string;
}

/**
 * The open cases a published calendar concerns, a page at a time in key order: every open case
 * (one without a deadline today may compute one later, on the calendar it holds), but not an
 * assessment's agencies: their cycle relays the calendar to them. `openedSince` narrows it to cases
 * opened since an instant.
 */
export function listCasesForCalendar(
  db: DbOrTx,
  after: CaseKey | null,
  limit: number,
  openedSince: Date | null = null,
) {
  return db
    .select({ caseType: cases.caseType, caseId: cases.caseId })
    .from(cases)
    .where(
      and(
        cases.open,
        ne(cases.caseType, 'assessment'),
        openedSince ? gte(cases.openedAt, openedSince) : undefined,
        after ? sql`(${cases.caseType}, ${cases.caseId}) > (${after.caseType}, ${after.caseId})` : undefined,
      ),
    )
    .orderBy(cases.caseType, cases.caseId)
    .limit(limit);
}

/** How many cases the first pass of a calendar publication will tell, as it starts. */
export async function countCasesForCalendar(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(cases.open, ne(cases.caseType, 'assessment')));
  return row?.n ?? 0;
}
