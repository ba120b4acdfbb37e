// Who the caller is and how this deployment signs people in: what the console asks first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../lib/config.js';
import { roles } from '../../workflows/common/actors.js';

export const sessionRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/api/v1/session',
    {
      schema: {
        operationId: 'getSession',
        tags: ['session'],
        summary:
          "How this deployment signs people in (dev tokens or the identity provider's JWT), who the caller is, and the policy the console shows",
        security: [],
        response: {
          200: z.object({
            authMode: z.enum(['dev', 'jwt']),
            principal: z
              .object({
                sub: z.string(),
                roles: z.array(z.enum(roles)),
                agency: z.string().nullable(),
                name: z.string().nullable(),
              })
              .nullable(),
            remindWd: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const p = request.principal;
      return {
        authMode: config.auth.mode,
        principal: p ? { sub: p.sub, roles: p.roles, agency: p.agency ?? null, name: p.name ?? null } : null,
        remindWd: config.policy.remindWd,
      };
    },
  );
};
