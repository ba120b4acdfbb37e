import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { listAgencies } from '../../db/queries/agency.js';
import { principalSchema, type Authenticator } from '../plugins/auth.js';
import { problems } from '../schemas.js';

/** AUTH_MODE=dev only: mints a token for any principal, so a developer can try every role. */
export const devTokenRoutes: FastifyPluginAsyncZod<{ authenticator: Authenticator; db: Db }> = async (
  app,
  { authenticator, db },
) => {
  app.post(
    '/api/v1/dev/tokens',
    {
      config: { anonymous: true },
      schema: {
        operationId: 'createDevToken',
        // Public: no token needed (the document's global bearer requirement does not apply).
        security: [],
        tags: ['dev'],
        summary: 'Mint a development token (AUTH_MODE=dev only)',
        body: principalSchema,
        response: { 201: z.object({ token: z.string() }), ...problems(400) },
      },
    },
    async (request, reply) => {
      const token = await authenticator.sign!(request.body);
      return reply.code(201).send({ token });
    },
  );

  app.get(
    '/api/v1/dev/agencies',
    {
      schema: {
        operationId: 'listDevSignInAgencies',
        // Public: no token needed (the document's global bearer requirement does not apply).
        security: [],
        tags: ['dev'],
        summary: "The registered agencies for the console's development sign-in (AUTH_MODE=dev only)",
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
      },
    },
    async () => {
      const items: { code: string; name: string }[] = [];
      for (let after: string | null = null; ;) {
        const page = await listAgencies(db, 200, after);
        items.push(...page.items.map((a) => ({ code: a.code, name: a.name })));
        if (!page.nextCode) break;
        after = page.nextCode;
      }
      return { items };
    },
  );
};
