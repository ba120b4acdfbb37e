import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalSchema, type Authenticator } from '../plugins/auth.js';
import { problems } from '../schemas.js';

/** AUTH_MODE=dev only: mints a token for any principal, so a developer can try every role. */
export const devTokenRoutes: FastifyPluginAsyncZod<{ authenticator: Authenticator }> = async (app, { authenticator }) => {
  app.post('/api/v1/dev/tokens', {
    schema: {
      operationId: 'createDevToken',
      tags: ['dev'],
      summary: 'Mint a development token (AUTH_MODE=dev only)',
      body: principalSchema,
      response: { 201: z.object({ token: z.string() }), ...problems(400) },
    },
  }, async (request, reply) => {
    const token = await authenticator.sign!(request.body);
    return reply.code(201).send({ token });
  });
};
