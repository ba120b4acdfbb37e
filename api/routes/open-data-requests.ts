import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentAgreement, listOpenDataRequests, publishAgreement } from '../../db/queries/open-data-request.js';
import {
  formalCheckUpdate,
  openDecideUpdate,
  openRevokeUpdate,
  reportUsageUpdate,
  resubmitUpdate,
  signUpdate,
} from '../../workflows/open-data-request/messages.js';
import { openDataStates } from '../../workflows/open-data-request/types.js';
import {
  actOnOpenData,
  loadVisibleOpenData,
  newOpenDataRequestSchema,
  openDataDto,
  openDataSchema,
  openDataWithActions,
  submitOpenDataRequest,
} from '../open-data-requests.js';
import { newCredential, rotateOpenDataCredential } from '../credentials.js';
import { recordReferenceChange } from '../../db/queries/audit.js';
import { actorOf, caller, requireRole } from '../plugins/auth.js';
import { MAX_OPEN_PERIOD_MONTHS, openDataListScope, openDataRoles } from '../../workflows/open-data-request/rules.js';
import type { ShareDeps } from '../share-applications.js';
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

const tags = ['open-data requests (P3)'];
const actionResponses = { 200: openDataSchema, ...problems(400, 401, 403, 404, 409, 503) };

export const openDataRoutes: FastifyPluginAsyncZod<ShareDeps> = async (app, deps) => {
  app.post(
    '/api/v1/open-data-requests',
    {
      schema: {
        operationId: 'submitOpenDataRequest',
        tags,
        summary: 'Ask for a conditionally-open dataset (有条件开放申请)',
        headers: idempotencyHeaders,
        body: newOpenDataRequestSchema,
        response: { 201: openDataSchema, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { principal } = requireRole(request, openDataRoles.request);
      return reply
        .code(201)
        .send(await submitOpenDataRequest(deps, principal, request.body, request.headers['idempotency-key']));
    },
  );

  app.post(
    '/api/v1/open-data-requests/:id/credential',
    {
      schema: {
        operationId: 'rotateOpenDataCredential',
        tags,
        summary:
          'Issue a new access credential for active access (the old one stops working); shown only in this answer',
        params: uuidParam,
        response: { 201: credentialAnswerSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rotateOpenDataCredential(deps.db, caller(request), request.params.id)),
  );

  app.get(
    '/api/v1/open-data-requests',
    {
      schema: {
        operationId: 'listOpenDataRequests',
        summary: 'Open-data requests the caller may see, newest first',
        tags,
        querystring: z.object({ ...paginationQuery, state: z.enum(openDataStates).optional() }),
        response: { 200: page(openDataSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const p = caller(request);
      const { limit, cursor, state } = request.query;
      const scope = openDataListScope(p);
      if (!scope) return { items: [], nextCursor: null };
      const result = await listOpenDataRequests(
        deps.db,
        { ...scope, ...(state ? { state } : {}) },
        limit,
        decodeCursor(cursor, timeCursorSchema),
      );
      return {
        items: await openDataWithActions(
          deps,
          p,
          result.items.map((r) => openDataDto(r)),
        ),
        nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
      };
    },
  );

  app.get(
    '/api/v1/open-data-requests/:id',
    {
      schema: {
        operationId: 'getOpenDataRequest',
        summary: 'One conditional open-data request (有条件开放申请) with its timeline',
        tags,
        params: uuidParam,
        response: { 200: openDataSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => loadVisibleOpenData(deps, caller(request), request.params.id),
  );

  app.post(
    '/api/v1/open-data-requests/:id/formal-check',
    {
      schema: {
        operationId: 'formalCheckOpenDataRequest',
        summary: 'The bureau’s formal check: accept the request or return it with reasons',
        tags,
        params: uuidParam,
        // A returned request lists its reasons: checkFormalCheck (rules.ts) answers 400 without them.
        body: z.object({ passed: z.boolean(), reasons: z.array(text(500)).max(50).optional() }),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      await actOnOpenData(deps, p, request.params.id, openDataRoles.formalCheck, formalCheckUpdate, (actor) => ({
        actor,
        passed: request.body.passed,
        reasons: request.body.reasons ?? null,
      }));
      return loadVisibleOpenData(deps, p, request.params.id);
    },
  );

  app.post(
    '/api/v1/open-data-requests/:id/resubmission',
    {
      schema: {
        operationId: 'resubmitOpenDataRequest',
        summary: 'The requester corrects a returned request',
        tags,
        params: uuidParam,
        body: z.object({
          fields: z.array(z.string().trim().min(1)).min(1).max(500).optional(),
          purpose: text().optional(),
          scenario: text().optional(),
          periodMonths: z.number().int().min(1).max(MAX_OPEN_PERIOD_MONTHS).optional(),
          securityMeasures: text(4000).optional(),
          contact: text(200).optional(),
        }),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      await actOnOpenData(deps, p, request.params.id, openDataRoles.resubmit, resubmitUpdate, (actor) => ({
        actor,
        changes: request.body,
      }));
      return loadVisibleOpenData(deps, p, request.params.id);
    },
  );

  app.post(
    '/api/v1/open-data-requests/:id/decision',
    {
      schema: {
        operationId: 'decideOpenDataRequest',
        summary: 'The provider approves (with conditions) or rejects, with reasons and legal basis',
        tags,
        params: uuidParam,
        body: z
          .object({
            decision: z.enum(['approve', 'reject']),
            reason: text().optional(),
            legalBasis: text()
              .optional()
              .describe("For reject: the rule the refusal rests on (the catalog entry's when omitted)"),
            conditions: text(4000).optional(),
          })
          .describe('A rejection gives its reasons: checkOpenDecision (rules.ts) answers 400 without them'),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      const agreementVersion = request.body.decision === 'approve' ? (await currentAgreement(deps.db)).version : null;
      await actOnOpenData(deps, p, request.params.id, openDataRoles.decide, openDecideUpdate, (actor) => ({
        actor,
        ...request.body,
        agreementVersion,
      }));
      return loadVisibleOpenData(deps, p, request.params.id);
    },
  );

  app.post(
    '/api/v1/open-data-requests/:id/agreement',
    {
      schema: {
        operationId: 'signOpenDataAgreement',
        tags,
        summary: 'Sign the data-use agreement; the answer carries the access credential, shown only here',
        params: uuidParam,
        body: z.object({
          agreementVersion: z.number().int().min(1),
          accepted: z.literal(true, 'the agreement must be accepted'),
        }),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      const row = await actOnOpenData(deps, p, request.params.id, openDataRoles.sign, signUpdate, (actor) => ({
        actor,
        agreementVersion: request.body.agreementVersion,
      }));
      const credential = await newCredential(deps.db, 'open_data', row.id, row.requesterName);
      return loadVisibleOpenData(deps, p, request.params.id, credential);
    },
  );

  app.post(
    '/api/v1/open-data-requests/:id/usage-reports',
    {
      schema: {
        operationId: 'reportOpenDataUsage',
        summary: 'The requester reports how the data was used (利用情况、成果)',
        tags,
        params: uuidParam,
        body: z.object({ period: text(100), summary: text(8000), outcomes: text(8000).optional() }),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      await actOnOpenData(deps, p, request.params.id, openDataRoles.reportUsage, reportUsageUpdate, (actor) => ({
        actor,
        ...request.body,
      }));
      return loadVisibleOpenData(deps, p, request.params.id);
    },
  );

  app.post(
    '/api/v1/open-data-requests/:id/revocation',
    {
      schema: {
        operationId: 'revokeOpenDataAccess',
        summary: 'The provider or the bureau revokes open-data access, with a reason',
        tags,
        params: uuidParam,
        body: z.object({ reason: text() }),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      await actOnOpenData(deps, p, request.params.id, openDataRoles.revoke, openRevokeUpdate, (actor) => ({
        actor,
        reason: request.body.reason,
      }));
      return loadVisibleOpenData(deps, p, request.params.id);
    },
  );

  app.get(
    '/api/v1/agreement-texts/current',
    {
      schema: {
        operationId: 'getCurrentAgreement',
        summary: 'The use agreement in force (公共数据开放利用协议)',
        tags,
        response: {
          200: z.object({ version: z.number(), title: z.string(), body: z.string(), publishedAt: z.string() }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      caller(request);
      const a = await currentAgreement(deps.db);
      return { version: a.version, title: a.title, body: a.body, publishedAt: a.publishedAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/agreement-texts',
    {
      schema: {
        operationId: 'publishAgreement',
        tags,
        summary: 'Publish a new version of the open-data use agreement (公共数据开放利用协议)',
        body: z.object({ title: text(200), body: text(50_000) }),
        response: {
          201: z.object({ version: z.number(), title: z.string(), body: z.string(), publishedAt: z.string() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { principal, role } = requireRole(request, openDataRoles.publishAgreement);
      const a = await deps.db.transaction(async (tx) => {
        const published = await publishAgreement(tx, { ...request.body, publishedBy: principal.sub });
        await recordReferenceChange(tx, {
          kind: 'agreement',
          id: String(published.version),
          action: 'agreement_published',
          actor: actorOf(principal, role),
          data: { version: published.version, title: published.title, body: published.body },
        });
        return published;
      });
      return reply
        .code(201)
        .send({ version: a.version, title: a.title, body: a.body, publishedAt: a.publishedAt.toISOString() });
    },
  );
};
