// The data correction's (数据纠错) routes, docs/api.md "P5 Corrections": anyone with access reports an
// error; the verifying agency answers. The shapes and the use cases are api/corrections.ts's.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCorrections } from '../../db/queries/correction.js';
import {
  extendVerificationUpdate,
  forwardCorrectionUpdate,
  returnCorrectionUpdate,
  verifyUpdate,
} from '../../workflows/correction/messages.js';
import { correctionListScope, correctionRoles } from '../../workflows/correction/rules.js';
import { correctionOutcomes } from '../../workflows/correction/types.js';
import { loadCase } from '../cases.js';
import {
  actOnCorrection,
  correctionAnswer,
  correctionAnswers,
  correctionCases,
  correctionSchema,
  registeredAgency,
  reportCorrection,
  transferCaseId,
} from '../corrections.js';
import { caller } from '../plugins/auth.js';
import {
  agencyCodeSchema,
  decodeCursor,
  encodeCursor,
  idempotencyHeaders,
  page,
  paginationQuery,
  problems,
  resourceIdSchema,
  text,
  timeCursorSchema,
  uuidParam,
} from '../schemas.js';
import type { ShareDeps } from '../share-applications.js';

const tags = ['corrections (P5)'];
const actionResponses = { 200: correctionSchema, ...problems(400, 401, 403, 404, 409) };

export const correctionRoutes: FastifyPluginAsyncZod<ShareDeps> = async (app, deps) => {
  app.post(
    '/api/v1/corrections',
    {
      schema: {
        operationId: 'reportCorrection',
        tags,
        summary: 'Report an error in published data (数据纠错)',
        body: z.object({
          resourceId: resourceIdSchema,
          recordRef: text(200),
          field: text(100).optional(),
          currentValue: text(2000).optional(),
          claimedValue: text(2000).optional(),
          description: text(4000),
          evidence: text(8000).optional(),
        }),
        headers: idempotencyHeaders,
        response: { 201: correctionSchema, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reportCorrection(deps, caller(request), request.body, request.headers['idempotency-key'])),
  );

  app.get(
    '/api/v1/corrections',
    {
      schema: {
        operationId: 'listCorrections',
        summary: 'Error reports (数据纠错) the caller may see, newest first',
        tags,
        querystring: z.object(paginationQuery),
        response: { 200: page(correctionSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const p = caller(request);
      const scope = correctionListScope(p);
      const result = await listCorrections(
        deps.db,
        scope,
        request.query.limit,
        decodeCursor(request.query.cursor, timeCursorSchema),
      );
      return {
        items: await correctionAnswers(deps, p, result.items),
        nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
      };
    },
  );

  app.get(
    '/api/v1/corrections/:id',
    {
      schema: {
        operationId: 'getCorrection',
        summary: 'One error report with its verification and timeline',
        tags,
        params: uuidParam,
        response: { 200: correctionSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const p = caller(request);
      return correctionAnswer(deps, p, await loadCase(deps.db, correctionCases, p, request.params.id));
    },
  );

  app.post(
    '/api/v1/corrections/:id/return',
    {
      schema: {
        operationId: 'returnCorrection',
        tags,
        params: uuidParam,
        summary: 'Return a report that is not your data, owner unknown, to the bureau to route by hand (退回大数据局)',
        body: z.object({ reason: text(2000) }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnCorrection(
        deps,
        caller(request),
        request.params.id,
        correctionRoles.return,
        returnCorrectionUpdate,
        (actor) => ({
          actor,
          reason: request.body.reason,
        }),
      ),
  );

  app.post(
    '/api/v1/corrections/:id/forwarding',
    {
      schema: {
        operationId: 'forwardCorrection',
        tags,
        params: uuidParam,
        summary:
          'Route a returned report by hand to the agency that verifies it, within correction.forwardWd (bureau coordinator)',
        body: z.object({ agency: agencyCodeSchema, note: text(2000).optional() }),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      const { agency, note } = request.body;
      return actOnCorrection(
        deps,
        p,
        request.params.id,
        correctionRoles.forward,
        forwardCorrectionUpdate,
        async (actor) => ({
          actor,
          agency: await registeredAgency(deps, agency, 'agency'),
          note: note ?? null,
        }),
      );
    },
  );

  app.post(
    '/api/v1/corrections/:id/extension',
    {
      schema: {
        operationId: 'extendCorrection',
        summary: 'The verifying agency extends verification once, approved by its head',
        tags,
        params: uuidParam,
        body: z.object({ approvedBy: text(200), reason: text() }),
        response: actionResponses,
      },
    },
    async (request) =>
      actOnCorrection(
        deps,
        caller(request),
        request.params.id,
        correctionRoles.extend,
        extendVerificationUpdate,
        (actor) => ({
          actor,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/corrections/:id/verification',
    {
      schema: {
        operationId: 'verifyCorrection',
        summary: 'The verifying agency answers: corrected, no change (with reasons) or transferred',
        tags,
        params: uuidParam,
        body: z
          .object({
            outcome: z.enum(correctionOutcomes),
            note: text(4000),
            transferTo: agencyCodeSchema.optional(),
          })
          .describe(
            'A transfer names the agency that owns the data: checkVerification (rules.ts) answers 400 without it',
          ),
        response: actionResponses,
      },
    },
    async (request) => {
      const p = caller(request);
      const { outcome, note } = request.body;
      const transferTo = outcome === 'transferred' ? (request.body.transferTo ?? null) : null;
      return actOnCorrection(deps, p, request.params.id, correctionRoles.verify, verifyUpdate, async (actor) => {
        if (transferTo) await registeredAgency(deps, transferTo, 'transferTo');
        return { actor, outcome, note, transferTo, transferredCorrectionId: transferTo ? transferCaseId() : null };
      });
    },
  );
};
