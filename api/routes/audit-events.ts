import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  latestAuditCheckpoint,
  listCaseEvents,
  verifyAuditChain,
  type AuditCheckpoint,
} from '../../db/queries/audit.js';
import { takeAuditCheckpoint } from '../../lib/checkpoint-files.js';
import type { Config } from '../../lib/config.js';
import { getCorrection } from '../../db/queries/correction.js';
import { getAgencyAssessment } from '../../db/queries/assessment.js';
import { getObjection } from '../../db/queries/objection.js';
import { getOpenDataRequest } from '../../db/queries/open-data-request.js';
import { getShareApplication } from '../../db/queries/share-application.js';
import { AppError } from '../../lib/errors.js';
import { caller, isBureau, referenceRoles, requireRole } from '../plugins/auth.js';
import { timelineDto, timelineEventSchema } from '../share-applications.js';
import { problems } from '../schemas.js';
import { canSeeAgencyAssessment, canSeeAssessmentCycle } from '../../workflows/assessment/rules.js';
import { canSeeCorrection } from '../../workflows/correction/rules.js';
import { canSeeOpenData } from '../../workflows/open-data-request/rules.js';
import { canSeeShareApplication } from '../../workflows/share-application/rules.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary:
          "A case's audit events in order, each with its hash and the previous event's hash (or a reference" +
          " item's: agency:CODE, catalog:ID, data-update:ID, calendar:YEAR, agreement:VERSION, indicators:VERSION, policy:DIGEST)",
        querystring: z.object({
          caseId: z
            .string()
            .regex(
              /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}(?::[A-Za-z0-9_-]{1,64})?|(?:agency|catalog|data-update|calendar|agreement|indicators|policy):[A-Za-z0-9_.-]{1,80})$/i,
              'must be a case id (a UUID, an assessed year 2025 or 2025:CODE) or a reference item (agency:CODE, …)',
            ),
        }),
        response: {
          200: z.object({ items: z.array(timelineEventSchema), nextCursor: z.null() }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      const p = caller(request);
      const { caseId } = request.query;
      const assessment = /^(\d{4})(?::(.+))?$/.exec(caseId);
      const reference = /^[a-z-]+:/i.test(caseId) && !assessment;
      // Changes of reference data are the bureau's trail.
      if (reference && !isBureau(p)) throw new AppError('NOT_FOUND', 'no such case');
      if (assessment && !isBureau(p)) {
        // An agency's assessment: the agency and its assessor; a cycle's own trail: the bureau and assessors.
        const row = assessment[2] ? await getAgencyAssessment(db, Number(assessment[1]), assessment[2]) : null;
        const visible = row ? canSeeAgencyAssessment(p, row) : !assessment[2] && canSeeAssessmentCycle(p);
        if (!visible) throw new AppError('NOT_FOUND', 'no such case');
      } else if (!isBureau(p)) {
        // Parties see the audit trail of their own cases only.
        const parties = (await getShareApplication(db, caseId))?.application ?? (await getObjection(db, caseId));
        const openData = parties ? null : await getOpenDataRequest(db, caseId);
        const correction = parties || openData ? null : await getCorrection(db, caseId);
        const visible = parties
          ? canSeeShareApplication(p, parties)
          : openData
            ? canSeeOpenData(p, openData)
            : correction
              ? canSeeCorrection(p, correction)
              : false;
        if (!visible) throw new AppError('NOT_FOUND', 'no such case');
      }
      return { items: (await listCaseEvents(db, caseId)).map(timelineDto), nextCursor: null };
    },
  );

  const verification = z.object({
    ok: z.boolean(),
    checked: z.number(),
    firstBrokenId: z.number().optional(),
    problem: z.string().optional(),
  });
  const checkpointSchema = z
    .object({
      lastId: z.number().int().min(0),
      lastHash: z.string().min(1).max(80),
      at: z.string().max(40),
      signature: z.string().regex(/^[0-9a-f]{64}$/, 'a hex HMAC-SHA256'),
    })
    .meta({ id: 'AuditCheckpoint', description: "The chain's head, signed with the audit key" });
  const verify = (checkpoint?: AuditCheckpoint) =>
    verifyAuditChain(db, {
      key: config.audit.key,
      legacyUntilId: config.audit.legacyUntilId,
      ...(checkpoint ? { checkpoint } : {}),
    });

  app.get(
    '/api/v1/audit-events/verification',
    {
      schema: {
        operationId: 'verifyAuditChain',
        tags: ['audit'],
        summary: 'Recompute the whole keyed hash chain, against the latest stored checkpoint',
        response: { 200: verification, ...problems(401, 403, 429, 503) },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.verifyAudit);
      return verify((await latestAuditCheckpoint(db)) ?? undefined);
    },
  );

  app.post(
    '/api/v1/audit-events/verification',
    {
      schema: {
        operationId: 'verifyAuditChainAgainstCheckpoint',
        tags: ['audit'],
        summary: 'Recompute the chain against a checkpoint kept outside the database (a cut tail is found)',
        body: z.object({ checkpoint: checkpointSchema }),
        response: { 200: verification, ...problems(400, 401, 403, 429, 503) },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.verifyAudit);
      return verify(request.body.checkpoint);
    },
  );

  app.get(
    '/api/v1/audit-checkpoints/latest',
    {
      schema: {
        operationId: 'getLatestAuditCheckpoint',
        tags: ['audit'],
        summary: "The newest signed checkpoint of the chain's head (written every hour)",
        response: { 200: checkpointSchema, ...problems(401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.verifyAudit);
      const latest = await latestAuditCheckpoint(db);
      if (!latest) throw new AppError('NOT_FOUND', 'no checkpoint has been written yet');
      return latest;
    },
  );

  app.post(
    '/api/v1/audit-checkpoints',
    {
      schema: {
        operationId: 'writeAuditCheckpoint',
        tags: ['audit'],
        summary: "Sign and store a checkpoint of the chain's head now (the schedule writes one every hour)",
        response: { 201: checkpointSchema, ...problems(401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      requireRole(request, referenceRoles.verifyAudit);
      const checkpoint = await takeAuditCheckpoint(db, config.audit.checkpointDir);
      return reply.code(201).send(checkpoint);
    },
  );
};
