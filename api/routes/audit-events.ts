import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { listCaseEvents, verifyAuditChain } from '../../db/queries/audit.js';
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

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: "A case's audit events in order, each with its hash and the previous event's hash",
        querystring: z.object({
          caseId: z
            .string()
            .regex(
              /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}(?::[A-Za-z0-9_-]{1,64})?)$/i,
              'must be a case id: a UUID, an assessed year (2025) or a year and agency (2025:CODE)',
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

  app.get(
    '/api/v1/audit-events/verification',
    {
      schema: {
        operationId: 'verifyAuditChain',
        tags: ['audit'],
        summary: 'Recompute the whole hash chain; any edited or deleted event breaks it',
        response: {
          200: z.object({ ok: z.boolean(), checked: z.number(), firstBrokenId: z.number().optional() }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.verifyAudit);
      return verifyAuditChain(db);
    },
  );
};
