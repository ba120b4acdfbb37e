// The annual assessment's (年度评估) routes, docs/api.md "P4 Assessments": the schedule, the indicator
// framework, cycles, each agency's assessment and its steps, assignments, publications and CSV export.
// The shapes and the use cases are api/assessments.ts's.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAgencyAssessments, listCycles } from '../../db/queries/assessment.js';
import {
  answerAppealUpdate,
  appealUpdate,
  rectifyUpdate,
  reviewAgencyUpdate,
  selfAssessUpdate,
  verifyRectificationUpdate,
} from '../../workflows/assessment/messages.js';
import { agencyAssessmentListScope, assessmentRoles, cycleViewerRoles } from '../../workflows/assessment/rules.js';
import { agencyAssessmentStates, cycleStates, publicationStages } from '../../workflows/assessment/types.js';
import {
  actOnAssessment,
  agencyAnswer,
  agencyAnswers,
  agencyParam,
  agencySchema,
  assessmentCases,
  assignAssessor,
  createFramework,
  cycleAnswer,
  cycleSchema,
  frameworkSchema,
  indicatorSetSchema,
  listFrameworks,
  loadCycle,
  publishResults,
  resultsCsv,
  scheduleAnswer,
  startCycle,
  yearParam,
  type AssessmentDeps,
} from '../assessments.js';
import { loadCase } from '../cases.js';
import { caller, requireRole } from '../plugins/auth.js';
import { idempotencyHeaders, page, paginationQuery, problems, text } from '../schemas.js';

const tags = ['assessments (P4)'];
/** A score on one indicator, as an agency, an assessor or the bureau's answer to an appeal gives it. */
const score = z.object({ indicator: z.string().min(1).max(64), score: z.number().min(0).max(100) });
const scored = <T extends z.ZodRawShape>(note: T) => z.array(score.extend(note)).max(50);

export { type AssessmentDeps } from '../assessments.js';

export const assessmentRoutes: FastifyPluginAsyncZod<AssessmentDeps> = async (app, deps) => {
  const { db } = deps;
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
      requireRole(request, assessmentRoles.followCycle);
      return scheduleAnswer(deps);
    },
  );

  app.get(
    '/api/v1/assessment-indicators',
    {
      schema: {
        operationId: 'listIndicatorSets',
        tags,
        summary: 'Versions of the indicator framework (评估指标体系)',
        response: { 200: z.object({ items: z.array(frameworkSchema) }), ...problems(401) },
      },
    },
    async (request) => {
      caller(request);
      return listFrameworks(db);
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
        response: { 201: frameworkSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { principal } = requireRole(request, assessmentRoles.manageIndicators);
      return reply.code(201).send(await createFramework(db, principal, request.body));
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
      const { principal } = requireRole(request, assessmentRoles.startCycle);
      return reply.code(201).send(await startCycle(deps, principal, request.body, request.headers['idempotency-key']));
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
        summary: 'A year’s assessment cycle: its stages, deadlines and agencies by state',
        tags,
        params: yearParam,
        response: { 200: cycleSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal } = requireRole(request, cycleViewerRoles);
      const row = await loadCycle(db, principal, request.params.year);
      return cycleAnswer(deps, principal, row.year, { withTimeline: true });
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
      const { principal } = requireRole(request, cycleViewerRoles);
      await loadCycle(db, principal, request.params.year);
      const { limit, cursor, state } = request.query;
      const result = await listAgencyAssessments(
        db,
        request.params.year,
        { ...agencyAssessmentListScope(principal), ...(state ? { state } : {}) },
        limit,
        cursor ?? null,
      );
      return { items: await agencyAnswers(deps, principal, result.items), nextCursor: result.nextCode };
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
      const { principal } = requireRole(request, assessmentRoles.followCycle);
      const { year, csv } = await resultsCsv(db, principal, request.params.year);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="assessment-${year}.csv"`)
        .send(csv);
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
      const { principal } = requireRole(request, assessmentRoles.assignAssessor);
      return assignAssessor(deps, principal, request.params.year, request.body);
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
      const { principal } = requireRole(request, assessmentRoles.publish);
      return publishResults(deps, principal, request.params.year, request.body.stage);
    },
  );

  app.get(
    '/api/v1/assessment-cycles/:year/agencies/:code',
    {
      schema: {
        operationId: 'getAgencyAssessment',
        summary: 'One agency’s assessment in a cycle: scores, appeal, rectification, timeline',
        tags,
        params: agencyParam,
        response: { 200: agencySchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { year, code } = request.params;
      const p = caller(request);
      return agencyAnswer(deps, p, await loadCase(db, assessmentCases, p, { year, code }));
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
          items: scored({ evidence: text(2000) }).min(1),
        }),
        response: agencyAction,
      },
    },
    async (request) =>
      actOnAssessment(deps, caller(request), request.params, assessmentRoles.selfAssess, selfAssessUpdate, (actor) => ({
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
          items: scored({ comment: text(2000) }).min(1),
        }),
        response: agencyAction,
      },
    },
    async (request) =>
      actOnAssessment(deps, caller(request), request.params, assessmentRoles.review, reviewAgencyUpdate, (actor) => ({
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
      actOnAssessment(deps, caller(request), request.params, assessmentRoles.appeal, appealUpdate, (actor) => ({
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
          revised: scored({ comment: z.string().max(2000).optional() }).default([]),
        }),
        response: agencyAction,
      },
    },
    async (request) =>
      actOnAssessment(
        deps,
        caller(request),
        request.params,
        assessmentRoles.answerAppeal,
        answerAppealUpdate,
        (actor) => ({
          actor,
          text: request.body.text,
          revised: request.body.revised,
        }),
      ),
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
      actOnAssessment(deps, caller(request), request.params, assessmentRoles.rectify, rectifyUpdate, (actor) => ({
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
      actOnAssessment(
        deps,
        caller(request),
        request.params,
        assessmentRoles.verifyRectification,
        verifyRectificationUpdate,
        (actor) => ({
          actor,
          passed: request.body.passed,
          note: request.body.note || null,
        }),
      ),
  );
};
