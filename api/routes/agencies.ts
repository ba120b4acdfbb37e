import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { createAgency, listAgencies, type AgencyRow } from '../../db/queries/agency.js';
import { agencyLevels } from '../../db/schema/agency.js';
import { AppError } from '../../lib/errors.js';
import { recordReferenceChange } from '../../db/queries/audit.js';
import { actorOf, caller, referenceRoles, requireRole } from '../plugins/auth.js';
import { decodeCursor, encodeCursor, page, paginationQuery, problems } from '../schemas.js';

const agencySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(agencyLevels),
    region: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Agency' });

const toDto = (a: AgencyRow) => ({ ...a, createdAt: a.createdAt.toISOString() });

export const agencyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/agencies',
    {
      schema: {
        operationId: 'createAgency',
        tags: ['reference data'],
        summary: 'Register an agency (公共管理和服务机构)',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -, at most 64'),
          name: z.string().trim().min(1).max(200),
          level: z.enum(agencyLevels),
          region: z.string().trim().max(200).optional(),
        }),
        response: { 201: agencySchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { principal, role } = requireRole(request, referenceRoles.registerAgency);
      const row = await db.transaction(async (tx) => {
        const created = await createAgency(tx, request.body);
        if (created)
          await recordReferenceChange(tx, {
            kind: 'agency',
            id: created.code,
            action: 'agency_registered',
            actor: actorOf(principal, role),
            data: { ...request.body },
          });
        return created;
      });
      if (!row) throw new AppError('DUPLICATE', `agency ${request.body.code} already exists`);
      return reply.code(201).send(toDto(row));
    },
  );

  app.get(
    '/api/v1/agencies',
    {
      schema: {
        operationId: 'listAgencies',
        summary: 'The registered agencies, by code',
        tags: ['reference data'],
        querystring: z.object(paginationQuery),
        response: { 200: page(agencySchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      caller(request);
      const after = decodeCursor(request.query.cursor, z.object({ code: z.string() }));
      const { items, nextCode } = await listAgencies(db, request.query.limit, after?.code ?? null);
      return { items: items.map(toDto), nextCursor: nextCode ? encodeCursor({ code: nextCode }) : null };
    },
  );
};
