import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listShareApplications } from '../../db/queries/share-application.js';
import {
  decideUpdate,
  renewUpdate,
  revokeUpdate,
  supplementUpdate,
  urgeUpdate,
  withdrawUpdate,
} from '../../workflows/share-application/messages.js';
import { decisions, shareApplicationStates } from '../../workflows/share-application/types.js';
import {
  decisionInputErrors,
  MAX_PERIOD_MONTHS,
  partyListScope,
  shareRoles,
} from '../../workflows/share-application/rules.js';
import {
  actOnShareApplication,
  applicationDto,
  applicationSchema,
  loadVisible,
  newShareApplicationSchema,
  submitShareApplication,
  type ShareDeps,
} from '../share-applications.js';
import { caller, requireRole } from '../plugins/auth.js';
import { withActions } from '../case-actions.js';
import { fileObjection, objectionSchema } from '../objections.js';
import { issueShareCredential } from '../credentials.js';
import {
  credentialAnswerSchema,
  decodeCursor,
  encodeCursor,
  idempotencyHeaders,
  page,
  paginationQuery,
  problems,
  text,
  timeCursorSchema,
  uuidParam,
} from '../schemas.js';

const tags = ['share applications (P1)'];
const actionResponses = { 200: applicationSchema, ...problems(400, 401, 403, 404, 409, 503) };

export const shareApplicationRoutes: FastifyPluginAsyncZod<ShareDeps> = async (app, deps) => {
  app.post(
    '/api/v1/share-applications',
    {
      schema: {
        operationId: 'submitShareApplication',
        tags,
        summary: "Apply for another agency's resource (共享申请)",
        headers: idempotencyHeaders,
        body: newShareApplicationSchema,
        response: { 201: applicationSchema, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { principal } = requireRole(request, shareRoles.apply);
      const created = await submitShareApplication(deps, principal, request.body, request.headers['idempotency-key']);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/share-applications',
    {
      schema: {
        operationId: 'listShareApplications',
        tags,
        summary: 'Applications the caller may see, newest first (parties see their own; the bureau sees all)',
        querystring: z.object({
          ...paginationQuery,
          state: z.enum(shareApplicationStates).optional(),
          applicant: z.string().max(64).optional(),
          provider: z.string().max(64).optional(),
          resourceId: z.uuid().optional(),
          overdue: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: page(applicationSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const p = caller(request);
      const { limit, cursor, ...filter } = request.query;
      // Only agency staff and reviewers see their agency's cases; public, assessors and gateways see none here.
      const scope = partyListScope(p);
      if (!scope) return { items: [], nextCursor: null };
      const result = await listShareApplications(
        deps.db,
        { ...filter, ...scope },
        limit,
        decodeCursor(cursor, timeCursorSchema),
      );
      const items = await withActions(
        deps.db,
        'share-application',
        p,
        deps.config.policy,
        result.items.map((i) => applicationDto(i.application, i.grant)),
        (a) => a.id,
      );
      return { items, nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null };
    },
  );

  app.get(
    '/api/v1/share-applications/:id',
    {
      schema: {
        operationId: 'getShareApplication',
        summary: 'One share application with its timeline and the caller’s actions',
        tags,
        params: uuidParam,
        response: { 200: applicationSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => loadVisible(deps, caller(request), request.params.id),
  );

  app.post(
    '/api/v1/share-applications/:id/decision',
    {
      schema: {
        operationId: 'decideShareApplication',
        tags,
        summary:
          "The provider's decision: approve, reject (reason and legal basis), request a supplement, or extend once",
        params: uuidParam,
        body: z
          .object({
            decision: z.enum(decisions),
            reason: text().optional(),
            legalBasis: text().optional(),
            conditions: text(4000).optional(),
            fields: z.array(z.string().trim().min(1)).min(1).max(500).optional(),
            periodMonths: z.number().int().min(1).max(MAX_PERIOD_MONTHS).optional(),
            missing: z.array(text(500)).min(1).max(100).optional(),
            extendWd: z.number().int().min(1).max(365).optional(),
          })
          .superRefine((b, ctx) => {
            // The rule is rules.ts's; the policy's limit on extendWd is checked by the workflow.
            for (const e of decisionInputErrors(b))
              ctx.addIssue({ code: 'custom', path: [e.path], message: e.message });
          }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnShareApplication(deps, caller(request), request.params.id, shareRoles.decide, decideUpdate, (actor) => ({
        actor,
        ...request.body,
      })),
  );

  app.post(
    '/api/v1/share-applications/:id/supplement',
    {
      schema: {
        operationId: 'supplementShareApplication',
        summary: 'The applicant supplements what the provider listed as missing (补正)',
        tags,
        params: uuidParam,
        body: z.object({
          note: text(),
          purpose: text().optional(),
          dutyBasis: text().optional(),
          usageScope: text().optional(),
        }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnShareApplication(
        deps,
        caller(request),
        request.params.id,
        shareRoles.supplement,
        supplementUpdate,
        (actor) => ({
          actor,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/share-applications/:id/withdrawal',
    {
      schema: {
        operationId: 'withdrawShareApplication',
        summary: 'The applicant withdraws an undecided application',
        tags,
        params: uuidParam,
        body: z.object({ reason: text().optional() }).default({}),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnShareApplication(deps, caller(request), request.params.id, shareRoles.withdraw, withdrawUpdate, (actor) => ({
        actor,
        reason: request.body.reason ?? null,
      })),
  );

  app.post(
    '/api/v1/share-applications/:id/urge',
    {
      schema: {
        operationId: 'urgeShareApplication',
        tags,
        summary: 'The bureau urges the provider (催办)',
        params: uuidParam,
        body: z.object({ note: text().optional() }).default({}),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnShareApplication(deps, caller(request), request.params.id, shareRoles.urge, urgeUpdate, (actor) => ({
        actor,
        reason: request.body.note ?? null,
      })),
  );

  app.post(
    '/api/v1/share-applications/:id/renewal',
    {
      schema: {
        operationId: 'renewShareApplication',
        summary: 'The applicant asks to renew a live grant (续期)',
        tags,
        params: uuidParam,
        body: z.object({ periodMonths: z.number().int().min(1).max(MAX_PERIOD_MONTHS), reason: text() }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnShareApplication(deps, caller(request), request.params.id, shareRoles.renew, renewUpdate, (actor) => ({
        actor,
        ...request.body,
      })),
  );

  app.post(
    '/api/v1/share-applications/:id/revocation',
    {
      schema: {
        operationId: 'revokeShareGrant',
        summary: 'The provider or the bureau revokes a grant, with a reason',
        tags,
        params: uuidParam,
        body: z.object({ reason: text() }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnShareApplication(deps, caller(request), request.params.id, shareRoles.revoke, revokeUpdate, (actor) => ({
        actor,
        reason: request.body.reason,
      })),
  );

  app.post(
    '/api/v1/share-applications/:id/objection',
    {
      schema: {
        operationId: 'objectToRefusal',
        tags,
        summary: 'Object to a refusal within the objection window (不予共享异议); starts the objection process',
        params: uuidParam,
        headers: idempotencyHeaders,
        body: z.object({ statement: text(8000), dutyBasis: text().optional() }),
        response: { 201: objectionSchema, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await fileObjection(
            deps,
            caller(request),
            request.params.id,
            request.body,
            request.headers['idempotency-key'],
          ),
        ),
  );

  app.post(
    '/api/v1/share-applications/:id/credential',
    {
      schema: {
        operationId: 'issueShareCredential',
        tags: ['share applications (P1)'],
        summary: 'Issue (or rotate) the access credential of a live grant; shown only in this answer',
        params: uuidParam,
        response: { 201: credentialAnswerSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await issueShareCredential(deps.db, caller(request), request.params.id)),
  );
};
