import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Database } from '../../db/client.js';

class ProbeTimeout extends Error {}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new ProbeTimeout(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/** /health: the process lives. /ready: Temporal and the database answer. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; temporal: Client }> = async (
  app,
  { database, temporal },
) => {
  app.get(
    '/health',
    {
      schema: {
        operationId: 'health',
        // Public: no token needed (the document's global bearer requirement does not apply).
        security: [],
        tags: ['operations'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  const check = z.object({ ok: z.boolean(), error: z.string().optional() });
  app.get(
    '/ready',
    {
      schema: {
        operationId: 'ready',
        // Public: no token needed (the document's global bearer requirement does not apply).
        security: [],
        summary: 'Readiness: PostgreSQL and Temporal answer within 3 s, or which one does not',
        tags: ['operations'],
        response: {
          200: z.object({ status: z.string(), database: check, temporal: check }),
          503: z.object({ status: z.string(), database: check, temporal: check }),
        },
      },
    },
    async (request, reply) => {
      // Anyone may ask, so the answer names the failing dependency and how it failed in our words;
      // the driver's text (hosts, users, versions) goes to the log only.
      const probe = async (name: string, fn: () => Promise<unknown>) => {
        try {
          await withTimeout(fn(), 3000);
          return { ok: true };
        } catch (e) {
          request.log.warn({ err: e }, `readiness: ${name} did not answer`);
          return { ok: false, error: e instanceof ProbeTimeout ? 'no answer within 3 s' : 'unreachable' };
        }
      };
      const [db, tmp] = await Promise.all([
        probe('database', () => database.ping()),
        probe('temporal', () => temporal.workflowService.getSystemInfo({})),
      ]);
      const ready = db.ok && tmp.ok;
      if (!ready) reply.header('retry-after', '5');
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'unavailable', database: db, temporal: tmp });
    },
  );
};
