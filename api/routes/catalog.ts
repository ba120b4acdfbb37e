import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { getAgency } from '../../db/queries/agency.js';
import {
  createResource,
  getResource,
  listResources,
  recordDataUpdate,
  type ResourceRow,
} from '../../db/queries/catalog.js';
import { freshnessStates, openTypes, shareTypes, updateCycles } from '../../db/schema/catalog.js';
import { AppError } from '../../lib/errors.js';
import { recordReferenceChange } from '../../db/queries/audit.js';
import { actorOf, caller, mayCatalogFor, referenceRoles, requireRole } from '../plugins/auth.js';
import {
  agencyCodeSchema,
  decodeCursor,
  encodeCursor,
  instantSchema,
  page,
  paginationQuery,
  problems,
  timeCursorSchema,
  uuidParam,
} from '../schemas.js';
import { currentCalendar } from '../../activities/calendar.js';
import type { Policy } from '../../policy/index.js';
import { localDate } from '../../workflows/common/working-days.js';
import { freshnessOf } from '../../workflows/freshness/rules.js';

const fieldSchema = z.object({
  name: z.string().trim().min(1).max(100),
  type: z.string().trim().max(50).optional(),
  personal: z.boolean().optional(),
});

const resourceSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    providerAgency: z.string(),
    description: z.string().nullable(),
    fields: z.array(fieldSchema),
    shareType: z.enum(shareTypes),
    openType: z.enum(openTypes),
    legalBasis: z.string().nullable(),
    shareConditions: z.string().nullable(),
    openConditions: z.string().nullable(),
    updateCycle: z.enum(updateCycles),
    lastDataUpdateAt: z.string().nullable(),
    freshness: z.enum(freshnessStates),
    disputed: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Resource' });

const newResourceSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . and -, at most 64'),
    name: z.string().trim().min(1).max(200),
    providerAgency: agencyCodeSchema,
    description: z.string().max(4000).optional(),
    fields: z
      .array(fieldSchema)
      .min(1)
      .max(500)
      .refine((fs) => new Set(fs.map((f) => f.name)).size === fs.length, 'field names must be unique'),
    shareType: z.enum(shareTypes),
    openType: z.enum(openTypes),
    legalBasis: z.string().trim().max(2000).optional(),
    shareConditions: z.string().max(4000).optional(),
    openConditions: z.string().max(4000).optional(),
    updateCycle: z.enum(updateCycles),
  })
  .superRefine((r, ctx) => {
    // processes.md catalog: restricted types must cite their legal basis (「注明相关法律、法规和规章等依据」).
    const restricted = r.shareType !== 'unconditional' || r.openType !== 'unconditional';
    if (restricted && !r.legalBasis)
      ctx.addIssue({
        code: 'custom',
        path: ['legalBasis'],
        message: 'required when shareType or openType is restricted',
      });
  });

const toDto = (r: ResourceRow) => ({
  ...r,
  lastDataUpdateAt: r.lastDataUpdateAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const catalogRoutes: FastifyPluginAsyncZod<{ db: Db; policy: Policy }> = async (app, { db, policy }) => {
  app.post(
    '/api/v1/catalog/resources',
    {
      schema: {
        operationId: 'createResource',
        tags: ['reference data'],
        summary: 'Add a resource to the public-data catalog (公共数据资源目录)',
        body: newResourceSchema,
        response: { 201: resourceSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { principal, role } = requireRole(request, referenceRoles.catalogResource);
      const body = request.body;
      if (!mayCatalogFor(principal, body.providerAgency))
        throw new AppError('FORBIDDEN', "a reviewer catalogs only its own agency's resources");
      if (!(await getAgency(db, body.providerAgency))) {
        throw new AppError('VALIDATION_FAILED', `provider agency ${body.providerAgency} is not registered`, {
          errors: [{ path: 'providerAgency', message: 'unknown agency' }],
        });
      }
      const row = await db.transaction(async (tx) => {
        const created = await createResource(tx, { ...body, createdBy: principal.sub });
        if (created)
          await recordReferenceChange(tx, {
            kind: 'catalog',
            id: created.id,
            action: 'resource_catalogued',
            actor: actorOf(principal, role),
            data: { ...body },
          });
        return created;
      });
      if (!row) throw new AppError('DUPLICATE', `resource ${body.code} already exists`);
      return reply.code(201).send(toDto(row));
    },
  );

  app.get(
    '/api/v1/catalog/resources',
    {
      schema: {
        operationId: 'listResources',
        summary: 'The public-data catalog (公共数据资源目录), filtered by provider, share and open type, freshness',
        tags: ['reference data'],
        querystring: z.object({
          ...paginationQuery,
          provider: z.string().max(64).optional(),
          shareType: z.enum(shareTypes).optional(),
          openType: z.enum(openTypes).optional(),
          freshness: z.enum(freshnessStates).optional(),
          q: z.string().trim().min(1).max(200).optional().describe('part of the name, code or description'),
        }),
        response: { 200: page(resourceSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      caller(request);
      const { limit, cursor, ...filter } = request.query;
      const result = await listResources(db, filter, limit, decodeCursor(cursor, timeCursorSchema));
      return { items: result.items.map(toDto), nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null };
    },
  );

  app.get(
    '/api/v1/catalog/resources/:id',
    {
      schema: {
        operationId: 'getResource',
        summary: 'One catalog resource with its fields, share and open type and freshness',
        tags: ['reference data'],
        params: uuidParam,
        response: { 200: resourceSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      caller(request);
      const row = await getResource(db, request.params.id);
      if (!row) throw new AppError('NOT_FOUND', 'no such resource');
      return toDto(row);
    },
  );

  app.post(
    '/api/v1/catalog/resources/:id/data-updates',
    {
      schema: {
        operationId: 'recordDataUpdate',
        tags: ['reference data'],
        summary: 'Record that the provider updated the data (feeds freshness, P6)',
        params: uuidParam,
        body: z.object({ at: instantSchema({ offset: true }).optional() }).default({}),
        response: {
          201: z.object({ id: z.string(), resourceId: z.string(), at: z.string(), resource: resourceSchema }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { principal, role } = requireRole(request, referenceRoles.recordDataUpdate);
      const resource = await getResource(db, request.params.id);
      if (!resource) throw new AppError('NOT_FOUND', 'no such resource');
      if (resource.providerAgency !== principal.agency)
        throw new AppError('FORBIDDEN', "only the provider's reviewer records its data updates");
      const at = request.body.at ? new Date(request.body.at) : new Date();
      if (at.getTime() > Date.now() + 5 * 60_000)
        throw new AppError('VALIDATION_FAILED', 'a data update cannot be in the future', {
          errors: [{ path: 'at', message: 'in the future' }],
        });
      // processes.md P6: freshness counts from the update's own date, so a backdated one may leave it due.
      const freshness = freshnessOf(
        resource.updateCycle,
        localDate(at.getTime()),
        localDate(Date.now()),
        await currentCalendar(db),
        policy.freshness,
      );
      const { update, resource: updated } = await db.transaction(async (tx) => {
        const recorded = await recordDataUpdate(tx, {
          resourceId: resource.id,
          at,
          recordedBy: principal.sub,
          freshness,
        });
        await recordReferenceChange(tx, {
          kind: 'data-update',
          id: resource.id,
          action: 'data_updated',
          actor: actorOf(principal, role),
          data: { updateId: recorded.update.id, at: at.toISOString(), freshness },
        });
        return recorded;
      });
      return reply.code(201).send({
        id: update.id,
        resourceId: resource.id,
        at: update.at.toISOString(),
        resource: toDto(updated ?? (await getResource(db, resource.id))!),
      });
    },
  );
};
