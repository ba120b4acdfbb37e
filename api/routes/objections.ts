import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conditionsProblem, objectionRoles } from '../../workflows/objection/rules.js';
import { partyListScope } from '../../workflows/share-application/rules.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { listObjections } from '../../db/queries/objection.js';
import { getShareApplication } from '../../db/queries/share-application.js';
import {
  addMinutesUpdate,
  addStatementUpdate,
  assignUpdate,
  escalateUpdate,
  governmentDecisionUpdate,
  ruleUpdate,
  settleUpdate,
} from '../../workflows/objection/messages.js';
import { objectionOutcomes, objectionStates, settlementOutcomes } from '../../workflows/objection/types.js';
import { DOSSIER_CSP, renderDossier } from '../dossier.js';
import { agencyNames } from '../../db/queries/agency.js';
import {
  actOnObjection,
  loadVisibleObjection,
  objectionDto,
  objectionSchema,
  objectionsWithActions,
} from '../objections.js';
import { caller } from '../plugins/auth.js';
import type { ShareDeps } from '../share-applications.js';
import {
  decodeCursor,
  encodeCursor,
  instantSchema,
  page,
  paginationQuery,
  problems,
  text,
  timeCursorSchema,
  uuidParam,
} from '../schemas.js';

const tags = ['objections (P2)'];
const actionResponses = { 200: objectionSchema, ...problems(400, 401, 403, 404, 409, 503) };
const conditionsRequired = (b: { outcome: string; conditions?: string | undefined }, ctx: z.RefinementCtx) => {
  const problem = conditionsProblem(b);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
};

export const objectionRoutes: FastifyPluginAsyncZod<ShareDeps> = async (app, deps) => {
  app.get(
    '/api/v1/objections',
    {
      schema: {
        operationId: 'listObjections',
        tags,
        summary: 'Objections: the bureau sees all, parties their own',
        querystring: z.object({ ...paginationQuery, state: z.enum(objectionStates).optional() }),
        response: { 200: page(objectionSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const p = caller(request);
      const { limit, cursor, state } = request.query;
      const scope = partyListScope(p);
      if (!scope) return { items: [], nextCursor: null };
      const result = await listObjections(
        deps.db,
        { ...(state ? { state } : {}), ...scope },
        limit,
        decodeCursor(cursor, timeCursorSchema),
      );
      return {
        items: await objectionsWithActions(
          deps,
          p,
          result.items.map((o) => objectionDto(o)),
        ),
        nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
      };
    },
  );

  app.get(
    '/api/v1/objections/:id',
    {
      schema: {
        operationId: 'getObjection',
        summary: 'One objection (异议协商) with its statements, minutes, ruling and timeline',
        tags,
        params: uuidParam,
        response: { 200: objectionSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => (await loadVisibleObjection(deps, caller(request), request.params.id)).dto,
  );

  app.get(
    '/api/v1/objections/:id/dossier',
    {
      schema: {
        operationId: 'getObjectionDossier',
        tags,
        summary: 'The case dossier (卷宗) as a printable zh-CN HTML page',
        params: uuidParam,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const { row, dto } = await loadVisibleObjection(deps, caller(request), request.params.id);
      const application = (await getShareApplication(deps.db, row.applicationId))!.application;
      const timeline = await listCaseEvents(deps.db, row.id);
      const names = await agencyNames(deps.db, [
        dto.applicantAgency,
        dto.providerAgency,
        ...timeline.map((e) => e.actorAgency ?? ''),
        ...[dto.filedBy, dto.coordinator, dto.refusal.by].map((a) => a?.agency ?? ''),
      ]);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', DOSSIER_CSP)
        .send(renderDossier(dto, application, timeline, (code) => names.get(code) ?? code));
    },
  );

  app.post(
    '/api/v1/objections/:id/settlement',
    {
      schema: {
        operationId: 'settleObjection',
        tags,
        summary: 'The provider agrees to share during negotiation',
        params: uuidParam,
        body: z
          .object({ outcome: z.enum(settlementOutcomes), conditions: text(4000).optional() })
          .superRefine(conditionsRequired),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(deps, caller(request), request.params.id, objectionRoles.settle, settleUpdate, (actor) => ({
        actor,
        ...request.body,
      })),
  );

  app.post(
    '/api/v1/objections/:id/assignment',
    {
      schema: {
        operationId: 'assignObjection',
        tags,
        summary: 'The bureau takes the case (coordination); default coordinator: the caller',
        params: uuidParam,
        body: z
          .object({
            coordinator: z.string().trim().min(1).max(200).optional(),
            coordinatorName: z.string().trim().max(200).optional(),
          })
          .default({}),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(deps, caller(request), request.params.id, objectionRoles.assign, assignUpdate, (actor) => ({
        actor,
        coordinator:
          request.body.coordinator && request.body.coordinator !== actor.id
            ? {
                id: request.body.coordinator,
                name: request.body.coordinatorName ?? null,
                role: objectionRoles.minutes[0],
                agency: null,
              }
            : actor,
      })),
  );

  app.post(
    '/api/v1/objections/:id/statements',
    {
      schema: {
        operationId: 'addObjectionStatement',
        summary: 'A party adds a statement to an open objection',
        tags,
        params: uuidParam,
        body: z.object({ text: text(8000) }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(
        deps,
        caller(request),
        request.params.id,
        objectionRoles.statement,
        addStatementUpdate,
        (actor) => ({ actor, text: request.body.text }),
      ),
  );

  app.post(
    '/api/v1/objections/:id/minutes',
    {
      schema: {
        operationId: 'addObjectionMinutes',
        summary: 'The assigned coordinator records the minutes of a consultation',
        tags,
        params: uuidParam,
        body: z.object({ text: text(20000), heldAt: instantSchema({ offset: true }) }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(deps, caller(request), request.params.id, objectionRoles.minutes, addMinutesUpdate, (actor) => ({
        actor,
        ...request.body,
      })),
  );

  app.post(
    '/api/v1/objections/:id/ruling',
    {
      schema: {
        operationId: 'ruleObjection',
        summary: 'The assigned coordinator rules on the objection, with reasoning',
        tags,
        params: uuidParam,
        body: z
          .object({ outcome: z.enum(objectionOutcomes), reasoning: text(8000), conditions: text(4000).optional() })
          .superRefine(conditionsRequired),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(deps, caller(request), request.params.id, objectionRoles.rule, ruleUpdate, (actor) => ({
        actor,
        ...request.body,
      })),
  );

  app.post(
    '/api/v1/objections/:id/escalation',
    {
      schema: {
        operationId: 'escalateObjection',
        tags,
        summary: 'Refer to the municipal government (市人民政府统筹协调)',
        params: uuidParam,
        body: z.object({ reason: text() }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(deps, caller(request), request.params.id, objectionRoles.escalate, escalateUpdate, (actor) => ({
        actor,
        reason: request.body.reason,
      })),
  );

  app.post(
    '/api/v1/objections/:id/government-decision',
    {
      schema: {
        operationId: 'recordGovernmentDecision',
        summary: 'A bureau admin records the municipal government’s decision (市人民政府统筹协调)',
        tags,
        params: uuidParam,
        body: z.object({
          outcome: z.enum(objectionOutcomes),
          reasoning: text(8000),
          conditions: text(4000).optional(),
          documentRef: text(200).optional(),
        }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnObjection(
        deps,
        caller(request),
        request.params.id,
        objectionRoles.governmentDecision,
        governmentDecisionUpdate,
        (actor) => ({
          actor,
          ...request.body,
        }),
      ),
  );
};
