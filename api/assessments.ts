// The annual assessment (年度评估) as the API serves it, docs/api.md "P4 Assessments": the answers'
// shapes, the cases the routes act on (each agency's assessment, the year's cycle), and the use cases —
// starting a cycle, assigning assessors, publishing, the results as CSV, the indicator framework.
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import {
  createIndicatorSet,
  cycleProgress,
  ensureDefaultIndicatorSet,
  getAgencyAssessment,
  getCycle,
  getIndicatorSet,
  listAgencyAssessmentsByCode,
  listCycleResults,
  listIndicatorSets,
  type AgencyAssessmentRow,
  type CycleRow,
  type IndicatorSetRow,
} from '../db/queries/assessment.js';
import { listCaseEvents } from '../db/queries/audit.js';
import { getCaseViews } from '../db/queries/case.js';
import type { Config } from '../lib/config.js';
import { AppError } from '../lib/errors.js';
import {
  agencyAssessmentWorkflowId,
  assessmentCycleWorkflowId,
  assessmentScheduleId,
  assignAssessorUpdate,
  cycleOpenedUpdate,
  publishUpdate,
} from '../workflows/assessment/messages.js';
import {
  actingRoleOnAssessment,
  actingRoleOnCycle,
  agencyAssessmentActions,
  canSeeAgencyAssessment,
  canSeeAssessmentCycle,
  assessmentRoles,
  cycleActions,
  cycleYearProblem,
  indicatorSetProblems,
  publicationWaitsFor,
  type AgencyAssessmentAction,
  type CycleAction,
} from '../workflows/assessment/rules.js';
import type { assessmentCycleWorkflow } from '../workflows/assessment/cycle-workflow.js';
import {
  agencyAssessmentStates,
  cycleStates,
  gradeCodes,
  gradeLabels,
  metricSources,
  publicationStages,
  rectificationStates,
  type AgencyAssessmentView,
  type CycleInput,
  type CycleView,
  type GradeCode,
  type IndicatorSet,
  type PublicationStage,
} from '../workflows/assessment/types.js';
import type { Actor, Role } from '../workflows/common/actors.js';
import { localDate } from '../workflows/common/working-days.js';
import { actionsOn, actionsSchema, withActions } from './case-actions.js';
import { actOnCase, actOnLoaded, loadCase, readBack, startCase, type CaseKind } from './cases.js';
import { claimKey, earlierRequest } from './idempotency.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { actorSchema, text } from './schemas.js';
import { timelineDto, timelineEventSchema } from './share-applications.js';
import { temporalCall } from './temporal-errors.js';

export interface AssessmentDeps {
  db: Db;
  temporal: Client;
  config: Config;
}

export const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2200) });
export const agencyParam = yearParam.extend({ code: z.string().min(1).max(64) });
const due = z.object({ dueDate: z.string(), dueAt: z.string(), provisional: z.boolean() });
const signed = <T extends z.ZodType>(value: T) => z.object({ by: actorSchema, at: z.string(), value });
const scoreItem = z.object({
  indicator: z.string(),
  score: z.number(),
  evidence: z.string().optional(),
  comment: z.string().optional(),
});
const indicatorSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'lower_snake code'),
  name: text(200),
  weight: z.number().positive().max(1000),
  floor: z.number().min(0).max(100).nullable(),
  metric: z.enum(metricSources).nullable(),
  description: z.string().max(2000).optional(),
});
export const indicatorSetSchema = z
  .object({
    version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash, underscore'),
    title: text(200),
    grades: z.object({ excellent: z.number(), good: z.number(), pass: z.number() }),
    indicators: z.array(indicatorSchema).min(1).max(50),
  })
  .meta({ id: 'IndicatorSet' });

const stageSchema = (extra: z.ZodRawShape = {}) => due.extend({ overdue: z.boolean(), ...extra }).nullable();
export const cycleSchema = z
  .object({
    year: z.number(),
    state: z.enum(cycleStates),
    indicatorsVersion: z.string(),
    indicators: indicatorSetSchema,
    agencyCount: z.number(),
    counts: z.record(z.enum(agencyAssessmentStates), z.number()),
    pending: z.object({ unreviewed: z.number(), pendingAppeals: z.number() }),
    overdue: z.boolean(),
    overdueAgencies: z.number(),
    stages: z.object({ selfAssessment: due, review: due, notice: due.nullable() }),
    publishedAt: z.object({ preliminary: z.string().nullable(), final: z.string().nullable() }),
    rectifying: z.number(),
    startedBy: actorSchema,
    startedAt: z.string(),
    closedAt: z.string().nullable(),
    updatedAt: z.string(),
    actions: actionsSchema(cycleActions),
    /** On the answer of one cycle: its 审批记录 (start, each stage, each publication). */
    timeline: z.array(timelineEventSchema).optional(),
  })
  .meta({ id: 'AssessmentCycle' });
const metricSchema = z.object({
  source: z.enum(metricSources),
  applicable: z.boolean(),
  total: z.number(),
  ok: z.number(),
  overdue: z.number().nullable(),
  ratio: z.number().nullable(),
  systemScore: z.number().nullable(),
  note: z.string(),
});
export const agencySchema = z
  .object({
    year: z.number(),
    agencyCode: z.string(),
    agencyName: z.string(),
    state: z.enum(agencyAssessmentStates),
    overdue: z.boolean(),
    overdueStages: z.array(z.string()),
    metrics: z.record(z.enum(metricSources), metricSchema).nullable(),
    applicable: z.array(z.string()),
    /** On the answer of one agency: the framework its cycle scores with (names, weights, floors). */
    indicators: indicatorSetSchema.optional(),
    stages: z.object({
      selfAssessment: stageSchema({ submittedAt: z.string().nullable() }),
      review: stageSchema({ submittedAt: z.string().nullable() }),
      notice: stageSchema(),
      rectificationPlan: stageSchema({ submittedAt: z.string().nullable() }),
      rectificationCompletion: stageSchema(),
    }),
    selfAssessment: signed(z.array(scoreItem)).nullable(),
    selfAssessmentMissed: z.boolean(),
    assessor: z
      .object({ id: z.string(), name: z.string().nullable(), assignedBy: actorSchema, at: z.string() })
      .nullable(),
    review: signed(z.array(scoreItem)).nullable(),
    scores: z
      .array(z.object({ indicator: z.string(), score: z.number(), weight: z.number(), belowFloor: z.boolean() }))
      .nullable(),
    resultStage: z.enum(publicationStages).nullable(),
    total: z.number().nullable(),
    grade: z.string().nullable(),
    gradeCode: z.enum(gradeCodes).nullable(),
    rank: z.number().nullable(),
    appeal: z
      .object({
        text: z.string(),
        by: actorSchema,
        at: z.string(),
        answer: signed(z.object({ text: z.string(), revised: z.array(scoreItem) })).nullable(),
      })
      .nullable(),
    rectification: z
      .object({
        state: z.enum(rectificationStates),
        reasons: z.array(z.string()),
        plan: signed(z.string()).nullable(),
        reports: z.array(signed(z.string())),
        verifications: z.array(signed(z.object({ passed: z.boolean(), note: z.string().nullable() }))),
      })
      .nullable(),
    updatedAt: z.string(),
    actions: actionsSchema(agencyAssessmentActions),
    timeline: z.array(timelineEventSchema).optional(),
  })
  .meta({ id: 'AgencyAssessment' });

const dueDto = (d: { dueDate: string; dueAt: string; provisional?: boolean } | null | undefined) =>
  d ? { dueDate: d.dueDate, dueAt: d.dueAt, provisional: d.provisional ?? false } : null;

export function cycleDto(row: CycleRow, progress: Awaited<ReturnType<typeof cycleProgress>>) {
  return {
    year: row.year,
    state: row.state,
    indicatorsVersion: row.indicatorsVersion,
    indicators: row.indicators,
    agencyCount: row.agencyCount,
    counts: progress.counts,
    pending: { unreviewed: progress.unreviewed, pendingAppeals: progress.pendingAppeals },
    overdue: progress.overdue > 0,
    overdueAgencies: progress.overdue,
    stages: {
      selfAssessment: dueDto(row.deadlines.selfAssessment)!,
      review: dueDto(row.deadlines.review)!,
      notice: dueDto(row.deadlines.notice),
    },
    publishedAt: row.publishedAt,
    rectifying: row.rectifying,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function agencyDto(r: AgencyAssessmentRow, timeline?: Awaited<ReturnType<typeof listCaseEvents>>) {
  const stages = r.overdueStages;
  const d = r.deadlines;
  const rect = r.rectification;
  const grade = (r.grade as GradeCode | null) ?? null;
  return {
    year: r.year,
    agencyCode: r.agencyCode,
    agencyName: r.agencyName,
    state: r.state,
    overdue: r.overdue,
    overdueStages: stages,
    metrics: r.metrics ?? null,
    applicable: r.applicable,
    stages: {
      selfAssessment: d
        ? {
            ...dueDto(d.selfAssessment)!,
            overdue: stages.includes('self_assessment'),
            submittedAt: r.selfAssessment?.at ?? null,
          }
        : null,
      review: d
        ? { ...dueDto(d.review)!, overdue: stages.includes('review'), submittedAt: r.review?.at ?? null }
        : null,
      notice: d?.notice ? { ...dueDto(d.notice)!, overdue: false } : null,
      rectificationPlan: rect
        ? {
            ...dueDto(rect.planDue)!,
            overdue: stages.includes('rectification_plan'),
            submittedAt: rect.plan?.at ?? null,
          }
        : null,
      rectificationCompletion: rect?.completionDue
        ? {
            ...dueDto(rect.completionDue)!,
            overdue: stages.includes(`rectification_completion:${rect.completionDue.dueDate}`),
          }
        : null,
    },
    selfAssessment: r.selfAssessment ?? null,
    selfAssessmentMissed: r.selfAssessmentMissed,
    assessor: r.assessor ?? null,
    review: r.review ?? null,
    scores: r.result?.scores ?? null,
    resultStage: r.result?.stage ?? null,
    total: r.total ?? null,
    grade: grade ? gradeLabels[grade] : null,
    gradeCode: grade,
    rank: r.rank ?? null,
    appeal: r.appeal ?? null,
    rectification: rect
      ? {
          state: rect.state,
          reasons: rect.reasons,
          plan: rect.plan,
          reports: rect.reports,
          verifications: rect.verifications,
        }
      : null,
    updatedAt: r.updatedAt.toISOString(),
    ...(timeline ? { timeline: timeline.map(timelineDto) } : {}),
  };
}

/** A framework version as the API answers it. */
export const frameworkSchema = indicatorSetSchema.extend({ isDefault: z.boolean(), createdAt: z.string() });
const frameworkDto = (r: IndicatorSetRow) => ({
  version: r.version,
  title: r.title,
  grades: r.grades,
  indicators: r.indicators,
  isDefault: r.isDefault,
  createdAt: r.createdAt.toISOString(),
});

/** P4 agencies' assessments as the API acts on them: visibility and the acting role are rules.ts's. */
export const assessmentCases: CaseKind<AgencyAssessmentRow, { year: number; code: string }> = {
  noun: 'assessment',
  load: (db, { year, code }) => getAgencyAssessment(db, year, code),
  canSee: canSeeAgencyAssessment,
  roleFor: actingRoleOnAssessment,
  workflowId: (row) => agencyAssessmentWorkflowId(row.year, row.agencyCode),
  state: (row) => row.state,
  notReady: (row) =>
    row.version === 0
      ? "the agency's assessment is still starting (its metrics are being computed); retry shortly"
      : null,
};

/** P4 cycles as the API acts on them (publication): visibility and the acting role are rules.ts's. */
export const cycleCases: CaseKind<CycleRow, number> = {
  noun: 'assessment cycle',
  load: (db, year) => getCycle(db, year),
  canSee: (p) => canSeeAssessmentCycle(p),
  roleFor: (p, _row, allowed) => actingRoleOnCycle(p, allowed),
  workflowId: (row) => row.workflowId,
  state: (row) => row.state,
};

/** Agency assessment answers with the caller's actions. */
export function agencyAnswers(
  deps: AssessmentDeps,
  p: Principal,
  rows: AgencyAssessmentRow[],
  timeline?: Awaited<ReturnType<typeof listCaseEvents>>,
) {
  return withActions<ReturnType<typeof agencyDto>, AgencyAssessmentAction>(
    deps.db,
    'assessment',
    p,
    deps.config.policy,
    rows.map((r) => agencyDto(r, timeline)),
    (a) => `${a.year}:${a.agencyCode}`,
  );
}

/** One agency's assessment with its timeline and the framework its cycle scores with. */
export async function agencyAnswer(deps: AssessmentDeps, p: Principal, row: AgencyAssessmentRow) {
  const [[answer], cycle] = await Promise.all([
    agencyAnswers(deps, p, [row], await listCaseEvents(deps.db, `${row.year}:${row.agencyCode}`)),
    getCycle(deps.db, row.year),
  ]);
  return { ...answer!, ...(cycle ? { indicators: cycle.indicators } : {}) };
}

/** A cycle with its progress and the caller's actions (and, when asked, its timeline). */
export async function cycleAnswer(deps: AssessmentDeps, p: Principal, year: number, { withTimeline = false } = {}) {
  const { db, config } = deps;
  const row = (await getCycle(db, year))!;
  const [progress, views, timeline] = await Promise.all([
    cycleProgress(db, year),
    getCaseViews(db, 'assessment-cycle', [String(year)]),
    withTimeline ? listCaseEvents(db, String(year)) : undefined,
  ]);
  const view = views.get(String(year));
  const actions = (
    view ? actionsOn('assessment-cycle', view, p, config.policy, Date.now(), { progress }) : []
  ) as CycleAction[];
  return { ...cycleDto(row, progress), actions, ...(timeline ? { timeline: timeline.map(timelineDto) } : {}) };
}

/** A cycle the caller may see, or 404. */
export const loadCycle = (db: Db, p: Principal, year: number): Promise<CycleRow> => loadCase(db, cycleCases, p, year);

/** Acts on an agency's assessment (see actOnCase) and answers it as it is now. */
export async function actOnAssessment<A>(
  deps: AssessmentDeps,
  p: Principal,
  key: { year: number; code: string },
  allowed: readonly Role[],
  update: UpdateDefinition<AgencyAssessmentView, [A]>,
  args: (actor: Actor) => A,
) {
  await actOnCase(deps, assessmentCases, p, key, allowed, update, args);
  return readBack(`${key.year}/${key.code}`, 'assessment', async () =>
    agencyAnswer(deps, p, (await getAgencyAssessment(deps.db, key.year, key.code))!),
  );
}

/**
 * processes.md P4: starts (or backfills) the assessment of a year; a year runs once. A retry of the
 * request that started it (same Idempotency-Key and body) answers as the first did.
 */
export async function startCycle(
  deps: AssessmentDeps,
  p: Principal,
  body: { year: number; indicatorsVersion?: string | undefined },
  key: string | undefined,
) {
  const { db, temporal, config } = deps;
  const { year, indicatorsVersion } = body;
  const problem = cycleYearProblem(year, localDate(Date.now()));
  if (problem)
    throw new AppError('VALIDATION_FAILED', `year: ${problem}`, { errors: [{ path: 'year', message: problem }] });
  const scope = `assessment-cycle:${p.sub}`;
  const caseId = `assessment:${year}`;
  const existing = await getCycle(db, year);
  if (existing) {
    // A retry of the request that started this year answers as it did; any other start is refused.
    const earlier = key ? await earlierRequest(db, scope, key, body) : null;
    if (earlier === caseId) return cycleAnswer(deps, p, year);
    throw new AppError(
      'DUPLICATE',
      `the assessment of ${year} was started on ${existing.startedAt.toISOString()}; a year runs once`,
    );
  }
  await ensureDefaultIndicatorSet(db);
  if (!(await getIndicatorSet(db, indicatorsVersion ?? null)))
    throw new AppError('VALIDATION_FAILED', `no indicator framework version ${indicatorsVersion}`, {
      errors: [{ path: 'indicatorsVersion', message: 'unknown version' }],
    });
  // Claimed only for a request that is valid, so a corrected body may reuse its key.
  const claim = key ? await claimKey(db, scope, key, body, caseId) : null;
  const input: CycleInput = {
    year,
    indicatorsVersion: indicatorsVersion ?? null,
    startedBy: actorOf(p, assessmentRoles.startCycle[0]),
    policy: config.policy.assessment,
  };
  // A retry of this same request that got no answer (its start may have run, its cycle not yet recorded)
  // attaches to that start; any other start of a year already running is refused.
  const opened = await startCase<typeof assessmentCycleWorkflow, CycleView>(
    { temporal, taskQueue: config.temporal.taskQueue },
    {
      type: 'assessmentCycleWorkflow',
      id: assessmentCycleWorkflowId(year),
      args: [input],
      ifRunning: claim?.earlier ? 'attach' : 'refuse',
    },
    cycleOpenedUpdate,
  );
  if (!opened && !claim?.earlier)
    throw new AppError('DUPLICATE', `the assessment of ${year} is already running; a year runs once`);
  return readBack(String(year), 'assessment cycle', () => cycleAnswer(deps, p, year));
}

/**
 * processes.md P4 step 3: assigns an independent assessor (第三方评估机构) to agencies of a cycle, each
 * through its own case (actOnLoaded): the answer says which took effect and why the others did not.
 */
export async function assignAssessor(
  deps: AssessmentDeps,
  p: Principal,
  year: number,
  body: { assessor: string; assessorName?: string | undefined; agencies: string[] },
) {
  await loadCycle(deps.db, p, year);
  const codes = [...new Set(body.agencies)];
  const found = new Map((await listAgencyAssessmentsByCode(deps.db, year, codes)).map((r) => [r.agencyCode, r]));
  const unknown = codes.filter((c) => !found.get(c) || !assessmentCases.canSee(p, found.get(c)!));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', `not assessed in ${year}: ${unknown.join(', ')}`, {
      errors: unknown.map((c) => ({ path: 'agencies', message: `${c} is not in the ${year} cycle` })),
    });
  const assigned: string[] = [];
  const refused: { agency: string; code: string; message: string }[] = [];
  const assessor = { id: body.assessor, name: body.assessorName ?? null };
  for (let i = 0; i < codes.length; i += 20) {
    await Promise.all(
      codes.slice(i, i + 20).map(async (code) => {
        try {
          await actOnLoaded(
            deps,
            assessmentCases,
            p,
            found.get(code)!,
            assessmentRoles.assignAssessor,
            assignAssessorUpdate,
            (actor) => ({
              actor,
              assessor,
            }),
          );
          assigned.push(code);
        } catch (error) {
          // Reported per agency, so a partial failure says which assignments took effect.
          const known = error instanceof AppError ? error : null;
          refused.push({
            agency: code,
            code: known?.code ?? 'UNAVAILABLE',
            message: known?.message ?? 'the assignment could not be recorded; retry',
          });
        }
      }),
    );
  }
  return { assessor: body.assessor, assigned: assigned.sort(), refused };
}

/**
 * processes.md P4 steps 4–5: publishes the preliminary results (the notice period opens) or the final
 * ones. What the records still wait for is checked first, so a console retrying early is answered
 * without touching the cycle's history; the cycle's validator decides the rest.
 */
export async function publishResults(deps: AssessmentDeps, p: Principal, year: number, stage: PublicationStage) {
  const row = await loadCycle(deps.db, p, year);
  const waiting = (stage === 'preliminary' ? row.state === 'review' : row.state === 'notice')
    ? publicationWaitsFor(stage, await cycleProgress(deps.db, row.year), row.agencyCount)
    : null;
  if (waiting) throw new AppError(waiting.code, waiting.message, { state: row.state });
  await actOnLoaded(deps, cycleCases, p, row, assessmentRoles.publish, publishUpdate, (actor) => ({ actor, stage }));
  return readBack(String(row.year), 'assessment cycle', () => cycleAnswer(deps, p, row.year));
}

/** CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
const csvCell = (value: unknown): string => {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** processes.md P4: the published results as CSV (UTF-8 with BOM, CRLF), in rank order. */
export async function resultsCsv(db: Db, p: Principal, year: number): Promise<{ year: number; csv: string }> {
  const cycle = await loadCycle(db, p, year);
  if (!cycle.publishedAt.preliminary)
    throw new AppError('INVALID_STATE', 'results are exported once the preliminary results are published', {
      state: cycle.state,
    });
  const codes = cycle.indicators.indicators.map((i) => i.code);
  const header = [
    'year',
    'agency_code',
    'agency_name',
    'state',
    'result_stage',
    ...codes,
    'total',
    'grade',
    'grade_code',
    'rank',
    'rectification_required',
    'overdue',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const r of await listCycleResults(db, cycle.year)) {
    const score = new Map((r.result?.scores ?? []).map((s) => [s.indicator, s.score]));
    const grade = r.grade as GradeCode | null;
    lines.push(
      [
        r.year,
        r.agencyCode,
        r.agencyName,
        r.state,
        r.result?.stage ?? '',
        ...codes.map((c) => (score.has(c) ? score.get(c) : 'n/a')),
        r.total ?? '',
        grade ? gradeLabels[grade] : '',
        grade ?? '',
        r.rank ?? '',
        r.result ? (r.result.needsRectification ? 'yes' : 'no') : '',
        r.overdue ? 'yes' : 'no',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { year: cycle.year, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/** The indicator framework's versions (评估指标体系). */
export async function listFrameworks(db: Db) {
  await ensureDefaultIndicatorSet(db);
  return { items: (await listIndicatorSets(db)).map(frameworkDto) };
}

/** Publishes a new framework version; versions are never edited. */
export async function createFramework(db: Db, p: Principal, body: IndicatorSet & { makeDefault: boolean }) {
  const { makeDefault, ...set } = body;
  const bad = indicatorSetProblems(set);
  if (bad.length)
    throw new AppError('VALIDATION_FAILED', bad.map((b) => `${b.path}: ${b.message}`).join('; '), { errors: bad });
  await ensureDefaultIndicatorSet(db);
  const row = await createIndicatorSet(db, set, p.sub, makeDefault, actorOf(p, assessmentRoles.manageIndicators[0]));
  if (!row)
    throw new AppError(
      'DUPLICATE',
      `framework version ${set.version} exists; versions are never edited, publish a new one`,
    );
  return frameworkDto(row);
}

/** The annual schedule that starts each cycle, as Temporal describes it. */
export async function scheduleAnswer(deps: AssessmentDeps) {
  const { temporal, config } = deps;
  const d = await temporalCall(() => temporal.schedule.getHandle(assessmentScheduleId).describe()).catch(
    (error: unknown) => {
      if (error instanceof ScheduleNotFoundError)
        throw new AppError(
          'NOT_FOUND',
          'the annual assessment schedule is not created yet: it is made when a worker starts',
        );
      throw error;
    },
  );
  const next = d.info.nextActionTimes.map((t) => t.toISOString());
  return {
    scheduleId: assessmentScheduleId,
    startsOn: config.policy.assessment.startsOn,
    startsAt: config.policy.assessment.startsAt,
    timezone: d.spec.timezone ?? 'UTC',
    paused: d.state.paused,
    note: d.state.note || null,
    nextRunAt: next[0] ?? null,
    nextRuns: next,
    nextYearAssessed: next[0] ? Number(localDate(next[0]).slice(0, 4)) - 1 : null,
    overlap: d.policies.overlap ?? 'SKIP',
    catchupWindowMs: d.policies.catchupWindow,
    recentRuns: d.info.recentActions.map((a) => ({
      scheduledAt: a.scheduledAt.toISOString(),
      startedAt: a.takenAt.toISOString(),
      workflowId: a.action.workflow.workflowId,
    })),
  };
}
