// The data gateway's check of an access credential (访问凭证); the credentials themselves are issued on
// their case's routes (share applications, open-data requests).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { introspectCredential } from '../credentials.js';
import { referenceRoles, requireRole } from '../plugins/auth.js';
import { problems } from '../schemas.js';

export const credentialRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, deps) => {
  app.post(
    '/api/v1/credentials/introspection',
    {
      schema: {
        operationId: 'introspectCredential',
        tags: ['credentials'],
        summary: 'Is this credential live, and for what? (RFC 7662 style; role gateway)',
        body: z.object({ credential: z.string().min(1).max(200) }),
        response: {
          200: z.object({
            active: z.boolean(),
            resourceId: z.string().optional(),
            fields: z.array(z.string()).optional(),
            expiresAt: z.string().optional(),
            holder: z.string().optional(),
            kind: z.string().optional(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.introspectCredential);
      return introspectCredential(deps.db, request.body.credential, Date.now());
    },
  );
};
