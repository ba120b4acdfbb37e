// The annual assessment (年度评估), docs/api.md "P4 Assessments": the schedule, cycles, each agency's
// assessment, assignments, publications, appeals, rectification, the indicator framework and CSV export.
import { ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  createIndicatorSet,
  cycleProgress,
  ensureDefaultIndicatorSet,
  getAgencyAssessment,
  getCycle,
  getIndicatorSet,
  listAgencyAssessments,
  listAgencyAssessmentsByCode,
  listCycleResults,
  listCycles,
  listIndicatorSets,
  type AgencyAssessmentRow,
  type CycleRow,
} from '../../db/queries/assessment.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import type { Config } from '../../lib/config.js';
import { AppError } from '../../lib/errors.js';
import {
  agencyAssessmentWorkflowId,
  answerAppealUpdate,
  appealUpdate,
  assessmentCycleWorkflowId,
  assessmentScheduleId,
  assignAssessorUpdate,
  cycleOpenedUpdate,
  publishUpdate,
  rectifyUpdate,
  reviewAgencyUpdate,
  selfAssessUpdate,
  verifyRectificationUpdate,
} from '../../workflows/assessment/messages.js';
import {
  agencyAssessmentActions,
  cycleActions,
  cycleYearProblem,
  indicatorSetProblems,
  publicationWaitsFor,
  type AgencyAssessmentAction,
  type CycleAction,
} from '../../workflows/assessment/rules.js';
import { actionsOn, actionsSchema, withActions } from '../case-actions.js';
import { getCaseViews } from '../../db/queries/case.js';
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
} from '../../workflows/assessment/types.js';
import type { Actor, Role } from '../../workflows/common/actors.js';
import { localDate } from '../../workflows/common/working-days.js';
import { claimKey, earlierRequest } from '../idempotency.js';
import { actorOf, caller, requireRole, type Principal } from '../plugins/auth.js';
import { actorSchema, idempotencyHeaders, page, paginationQuery, problems, text } from '../schemas.js';
import { timelineDto, timelineEventSchema } from '../share-applications.js';
import { temporalCall, updateCase } from '../temporal-errors.js';
import { actingRoleOnAssessment, canSeeAgencyAssessment, cycleViewerRoles } from '../../workflows/assessment/rules.js';
import { actOnCase, loadCase, startCase, type CaseKind } from '../cases.js';
import type { assessmentCycleWorkflow } from '../../workflows/assessment/cycle-workflow.js';

const tags = ['assessments (P4)'];
const bureau: readonly Role[] = ['bureau_coordinator', 'bureau_admin'];

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2200) });
const agencyParam = yearParam.extend({ code: z.string().min(1).max(64) });
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
const indicatorSetSchema = z
  .object({
    version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash, underscore'),
    title: text(200),
    grades: z.object({ excellent: z.number(), good: z.number(), pass: z.number() }),
    indicators: z.array(indicatorSchema).min(1).max(50),
  })
  .meta({ id: 'IndicatorSet' });

const stageSchema = (extra: z.ZodRawShape = {}) => due.extend({ overdue: z.boolean(), ...extra }).nullable();
const cycleSchema = z
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
const agencySchema = z
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

function cycleDto(row: CycleRow, progress: Awaited<ReturnType<typeof cycleProgress>>) {
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

/** P4 agencies' assessments as the API acts on them: visibility and the acting role are rules.ts's. */
const assessmentCases: CaseKind<AgencyAssessmentRow, { year: number; code: string }> = {
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

/** CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
const csvCell = (value: unknown): string => {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export interface AssessmentDeps {
  db: Db;
  temporal: Client;
  config: Config;
}

export const assessmentRoutes: FastifyPluginAsyncZod<AssessmentDeps> = async (app, deps) => {
  const { db, temporal, config } = deps;

  /** Agency assessment answers with the caller's actions. */
  const agencyAnswers = (
    p: Principal,
    rows: AgencyAssessmentRow[],
    timeline?: Awaited<ReturnType<typeof listCaseEvents>>,
  ) =>
    withActions<ReturnType<typeof agencyDto>, AgencyAssessmentAction>(
      db,
      'assessment',
      p,
      config.policy,
      rows.map((r) => agencyDto(r, timeline)),
      (a) => `${a.year}:${a.agencyCode}`,
    );
  const agencyAnswer = async (p: Principal, row: AgencyAssessmentRow) => {
    const [[answer], cycle] = await Promise.all([
      agencyAnswers(p, [row], await listCaseEvents(db, `${row.year}:${row.agencyCode}`)),
      getCycle(db, row.year),
    ]);
    return { ...answer!, ...(cycle ? { indicators: cycle.indicators } : {}) };
  };
  const cycleAnswer = async (p: Principal, year: number, { withTimeline = false } = {}) => {
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
  };

  const loadCycle = async (year: number) => {
    const row = await getCycle(db, year);
    if (!row) throw new AppError('NOT_FOUND', `no assessment cycle for ${year}`);
    return row;
  };
  const loadAgency = (p: Principal, year: number, code: string) => loadCase(db, assessmentCases, p, { year, code });
  /** Acts on an agency's assessment (see actOnCase) and answers it as it is now. */
  async function act<A>(
    p: Principal,
    key: { year: number; code: string },
    allowed: readonly Role[],
    update: UpdateDefinition<AgencyAssessmentView, [A]>,
    args: (actor: Actor) => A,
  ) {
    await actOnCase({ db, temporal }, assessmentCases, p, key, allowed, update, args);
    return agencyAnswer(p, (await getAgencyAssessment(db, key.year, key.code))!);
  }
  const agencyAction = { 200: agencySchema, ...problems(400, 401, 403, 404, 409, 503) };

  app.get(
    '/api/v1/assessment-schedule',
    {
      schema: {
        operationId: 'getAssessmentSchedule',
        tags,
        summary: 'The annual schedule that starts each cycle (next run, paused?)',
        response: {
          200: z.object({
            scheduleId: z.string(),
            startsOn: z.string(),
            startsAt: z.string(),
            timezone: z.string(),
            paused: z.boolean(),
            note: z.string().nullable(),
            nextRunAt: z.string().nullable(),
            nextRuns: z.array(z.string()),
            nextYearAssessed: z.number().nullable(),
            overlap: z.string(),
            catchupWindowMs: z.number(),
            recentRuns: z.array(z.object({ scheduledAt: z.string(), startedAt: z.string(), workflowId: z.string() })),
          }),
          ...problems(401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      requireRole(request, bureau);
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
    },
  );

  app.get(
    '/api/v1/assessment-indicators',
    {
      schema: {
        operationId: 'listIndicatorSets',
        tags,
        summary: 'Versions of the indicator framework (评估指标体系)',
        response: {
          200: z.object({
            items: z.array(indicatorSetSchema.extend({ isDefault: z.boolean(), createdAt: z.string() })),
          }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      caller(request);
      await ensureDefaultIndicatorSet(db);
      return {
        items: (await listIndicatorSets(db)).map((r) => ({
          version: r.version,
          title: r.title,
          grades: r.grades,
          indicators: r.indicators,
          isDefault: r.isDefault,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/v1/assessment-indicators',
    {
      schema: {
        operationId: 'createIndicatorSet',
        tags,
        summary: 'Publish a new framework version (weights, floors, grade thresholds); versions are never edited',
        body: indicatorSetSchema.extend({ makeDefault: z.boolean().default(false) }),
        response: {
          201: indicatorSetSchema.extend({ isDefault: z.boolean(), createdAt: z.string() }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const { principal } = requireRole(request, ['bureau_admin']);
      const { makeDefault, ...set } = request.body;
      const bad = indicatorSetProblems(set);
      if (bad.length)
        throw new AppError('VALIDATION_FAILED', bad.map((b) => `${b.path}: ${b.message}`).join('; '), { errors: bad });
      await ensureDefaultIndicatorSet(db);
      const row = await createIndicatorSet(db, set, principal.sub, makeDefault);
      if (!row)
        throw new AppError(
          'DUPLICATE',
          `framework version ${set.version} exists; versions are never edited, publish a new one`,
        );
      return reply.code(201).send({
        version: row.version,
        title: row.title,
        grades: row.grades,
        indicators: row.indicators,
        isDefault: row.isDefault,
        createdAt: row.createdAt.toISOString(),
      });
    },
  );

  app.post(
    '/api/v1/assessment-cycles',
    {
      schema: {
        operationId: 'startAssessmentCycle',
        tags,
        summary: 'Start (or backfill) the assessment of a year now; a year runs at most once',
        body: z.object({ year: z.number().int(), indicatorsVersion: z.string().min(1).max(64).optional() }),
        headers: idempotencyHeaders,
        response: { 201: cycleSchema, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { principal } = requireRole(request, ['bureau_admin']);
      const { year, indicatorsVersion } = request.body;
      const problem = cycleYearProblem(year, localDate(Date.now()));
      if (problem)
        throw new AppError('VALIDATION_FAILED', `year: ${problem}`, { errors: [{ path: 'year', message: problem }] });
      const scope = `assessment-cycle:${principal.sub}`;
      const key = request.headers['idempotency-key'];
      const caseId = `assessment:${year}`;
      const existing = await getCycle(db, year);
      if (existing) {
        // A retry of the request that started this year answers as it did; any other start is refused.
        const earlier = key ? await earlierRequest(db, scope, key, request.body) : null;
        if (earlier === caseId) return reply.code(201).send(await cycleAnswer(principal, year));
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
      const claim = key ? await claimKey(db, scope, key, request.body, caseId) : null;
      const input: CycleInput = {
        year,
        indicatorsVersion: indicatorsVersion ?? null,
        startedBy: actorOf(principal, 'bureau_admin'),
        policy: config.policy.assessment,
      };
      if (claim?.earlier) {
        // This same request came before and got no answer (its start may have run, its cycle not yet
        // recorded): attach to that start rather than refuse it.
        await startCase<typeof assessmentCycleWorkflow, CycleView>(
          { temporal, taskQueue: config.temporal.taskQueue },
          { type: 'assessmentCycleWorkflow', id: assessmentCycleWorkflowId(year), args: [input] },
          cycleOpenedUpdate,
        );
        return reply.code(201).send(await cycleAnswer(principal, year));
      }
      const handle = await temporalCall(() =>
        temporal.workflow.start('assessmentCycleWorkflow', {
          workflowId: assessmentCycleWorkflowId(year),
          taskQueue: config.temporal.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      ).catch((error: unknown) => {
        if (error instanceof WorkflowExecutionAlreadyStartedError)
          throw new AppError('DUPLICATE', `the assessment of ${year} is already running; a year runs once`);
        throw error;
      });
      await temporalCall(() => handle.executeUpdate(cycleOpenedUpdate));
      return reply.code(201).send(await cycleAnswer(principal, year));
    },
  );

  app.get(
    '/api/v1/assessment-cycles',
    {
      schema: {
        operationId: 'listAssessmentCycles',
        tags,
        summary: 'Every year assessed, the latest first, with its state and number of agencies',
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  year: z.number(),
                  state: z.enum(cycleStates),
                  agencyCount: z.number(),
                  indicatorsVersion: z.string(),
                  startedAt: z.string(),
                  publishedAt: z.object({ preliminary: z.string().nullable(), final: z.string().nullable() }),
                  closedAt: z.string().nullable(),
                })
                .meta({ id: 'AssessmentCycleSummary' }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      requireRole(request, cycleViewerRoles);
      const rows = await listCycles(db);
      return {
        items: rows.map((r) => ({
          ...r,
          startedAt: r.startedAt.toISOString(),
          closedAt: r.closedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/assessment-cycles/:year',
    {
      schema: {
        operationId: 'getAssessmentCycle',
        tags,
        params: yearParam,
        response: { 200: cycleSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal } = requireRole(request, cycleViewerRoles);
      const row = await loadCycle(request.params.year);
      return cycleAnswer(principal, row.year, { withTimeline: true });
    },
  );

  app.get(
    '/api/v1/assessment-cycles/:year/agencies',
    {
      schema: {
        operationId: 'listAgencyAssessments',
        tags,
        summary: "A cycle's agencies (the bureau sees all; an assessor the agencies assigned to them)",
        params: yearParam,
        querystring: z.object({
          limit: paginationQuery.limit,
          cursor: z.string().max(64).optional(),
          state: z.enum(agencyAssessmentStates).optional(),
        }),
        response: { 200: page(agencySchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal, role } = requireRole(request, cycleViewerRoles);
      await loadCycle(request.params.year);
      const { limit, cursor, state } = request.query;
      const result = await listAgencyAssessments(
        db,
        request.params.year,
        { ...(role === 'assessor' ? { assessorId: principal.sub } : {}), ...(state ? { state } : {}) },
        limit,
        cursor ?? null,
      );
      return { items: await agencyAnswers(principal, result.items), nextCursor: result.nextCode };
    },
  );

  app.get(
    '/api/v1/assessment-cycles/:year/results.csv',
    {
      schema: {
        operationId: 'exportAssessmentResults',
        tags,
        summary: 'Published results as CSV (UTF-8), in rank order',
        params: yearParam,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireRole(request, bureau);
      const cycle = await loadCycle(request.params.year);
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
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="assessment-${cycle.year}.csv"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );

  app.post(
    '/api/v1/assessment-cycles/:year/assignments',
    {
      schema: {
        operationId: 'assignAssessor',
        tags,
        summary: 'Assign an independent assessor (第三方评估机构) to agencies',
        params: yearParam,
        body: z.object({
          assessor: z.string().trim().min(1).max(200),
          assessorName: z.string().max(200).optional(),
          agencies: z.array(z.string().min(1).max(64)).min(1).max(500),
        }),
        response: {
          200: z.object({
            assessor: z.string(),
            assigned: z.array(z.string()),
            refused: z.array(z.object({ agency: z.string(), code: z.string(), message: z.string() })),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { principal } = requireRole(request, ['bureau_admin']);
      const { year } = request.params;
      await loadCycle(year);
      const codes = [...new Set(request.body.agencies)];
      const found = new Map((await listAgencyAssessmentsByCode(db, year, codes)).map((r) => [r.agencyCode, r]));
      const rows = codes.map((code) => found.get(code));
      const unknown = codes.filter((_, i) => !rows[i]);
      if (unknown.length)
        throw new AppError('VALIDATION_FAILED', `not assessed in ${year}: ${unknown.join(', ')}`, {
          errors: unknown.map((c) => ({ path: 'agencies', message: `${c} is not in the ${year} cycle` })),
        });
      const assigned: string[] = [];
      const refused: { agency: string; code: string; message: string }[] = [];
      const input = {
        actor: actorOf(principal, 'bureau_admin'),
        assessor: { id: request.body.assessor, name: request.body.assessorName ?? null },
      };
      for (let i = 0; i < codes.length; i += 20) {
        await Promise.all(
          codes.slice(i, i + 20).map(async (code, j) => {
            try {
              await updateCase(
                temporal.workflow.getHandle(agencyAssessmentWorkflowId(year, code)),
                assignAssessorUpdate,
                [input],
                { noun: 'assessment', state: rows[i + j]!.state },
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
      return { assessor: request.body.assessor, assigned: assigned.sort(), refused };
    },
  );

  app.post(
    '/api/v1/assessment-cycles/:year/publication',
    {
      schema: {
        operationId: 'publishAssessmentResults',
        tags,
        summary: 'Publish preliminary results (opens the notice period, 公示) or final results',
        params: yearParam,
        body: z.object({ stage: z.enum(publicationStages) }),
        response: { 200: cycleSchema, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const { principal } = requireRole(request, ['bureau_admin']);
      const row = await loadCycle(request.params.year);
      // Checked here first, so a console retrying early is answered without touching the cycle's history.
      const { stage } = request.body;
      const waiting = (stage === 'preliminary' ? row.state === 'review' : row.state === 'notice')
        ? publicationWaitsFor(stage, await cycleProgress(db, row.year), row.agencyCount)
        : null;
      if (waiting) throw new AppError(waiting.code, waiting.message, { state: row.state });
      await updateCase(
        temporal.workflow.getHandle(row.workflowId),
        publishUpdate,
        [{ actor: actorOf(principal, 'bureau_admin'), stage: request.body.stage }],
        { noun: 'assessment cycle', state: row.state },
      );
      return cycleAnswer(principal, row.year);
    },
  );

  app.get(
    '/api/v1/assessment-cycles/:year/agencies/:code',
    {
      schema: {
        operationId: 'getAgencyAssessment',
        tags,
        params: agencyParam,
        response: { 200: agencySchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { year, code } = request.params;
      const p = caller(request);
      return agencyAnswer(p, await loadAgency(p, year, code));
    },
  );

  app.post(
    '/api/v1/assessment-cycles/:year/agencies/:code/self-assessment',
    {
      schema: {
        operationId: 'submitSelfAssessment',
        tags,
        summary: 'The agency scores itself on every applicable indicator, with evidence',
        params: agencyParam,
        body: z.object({
          items: z
            .array(
              z.object({
                indicator: z.string().min(1).max(64),
                score: z.number().min(0).max(100),
                evidence: text(2000),
              }),
            )
            .min(1)
            .max(50),
        }),
        response: agencyAction,
      },
    },
    async (request) =>
      act(caller(request), request.params, ['agency_staff'], selfAssessUpdate, (actor) => ({
        actor,
        items: request.body.items,
      })),
  );

  app.post(
    '/api/v1/assessment-cycles/:year/agencies/:code/review',
    {
      schema: {
        operationId: 'submitAssessmentReview',
        tags,
        summary: "The assigned assessor's review",
        params: agencyParam,
        body: z.object({
          items: z
            .array(
              z.object({
                indicator: z.string().min(1).max(64),
                score: z.number().min(0).max(100),
                comment: text(2000),
              }),
            )
            .min(1)
            .max(50),
        }),
        response: agencyAction,
      },
    },
    async (request) =>
      act(caller(request), request.params, ['assessor'], reviewAgencyUpdate, (actor) => ({
        actor,
        items: request.body.items,
      })),
  );

  app.post(
    '/api/v1/assessment-cycles/:year/agencies/:code/appeal',
    {
      schema: {
        operationId: 'appealAssessment',
        tags,
        summary: 'Appeal the preliminary result during the notice period (公示)',
        params: agencyParam,
        body: z.object({ text: text(4000) }),
        response: agencyAction,
      },
    },
    async (request) =>
      act(caller(request), request.params, ['agency_staff'], appealUpdate, (actor) => ({
        actor,
        text: request.body.text,
      })),
  );

  app.post(
    '/api/v1/assessment-cycles/:year/agencies/:code/appeal/answer',
    {
      schema: {
        operationId: 'answerAssessmentAppeal',
        tags,
        summary: "The bureau's answer to an appeal, revising scores where it upholds it",
        params: agencyParam,
        body: z.object({
          text: text(4000),
          revised: z
            .array(
              z.object({
                indicator: z.string().min(1).max(64),
                score: z.number().min(0).max(100),
                comment: z.string().max(2000).optional(),
              }),
            )
            .max(50)
            .default([]),
        }),
        response: agencyAction,
      },
    },
    async (request) =>
      act(caller(request), request.params, ['bureau_admin'], answerAppealUpdate, (actor) => ({
        actor,
        text: request.body.text,
        revised: request.body.revised,
      })),
  );

  app.post(
    '/api/v1/assessment-cycles/:year/agencies/:code/rectification',
    {
      schema: {
        operationId: 'reportRectification',
        tags,
        summary: 'The rectification (整改) plan, then the completion report',
        params: agencyParam,
        body: z.object({ stage: z.enum(['plan', 'report']), text: text(4000) }),
        response: agencyAction,
      },
    },
    async (request) =>
      act(caller(request), request.params, ['agency_staff'], rectifyUpdate, (actor) => ({
        actor,
        stage: request.body.stage,
        text: request.body.text,
      })),
  );

  app.post(
    '/api/v1/assessment-cycles/:year/agencies/:code/rectification/verification',
    {
      schema: {
        operationId: 'verifyRectification',
        tags,
        summary: 'The bureau verifies the rectification; a failed check reopens it',
        params: agencyParam,
        body: z.object({ passed: z.boolean(), note: z.string().trim().max(4000).optional() }),
        response: agencyAction,
      },
    },
    async (request) =>
      act(caller(request), request.params, ['bureau_admin'], verifyRectificationUpdate, (actor) => ({
        actor,
        passed: request.body.passed,
        note: request.body.note || null,
      })),
  );
};
