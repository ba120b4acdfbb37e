// buildApp(deps): the whole HTTP API, with every route registered here, explicitly.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifySchema } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Client } from '@temporalio/client';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import type { Config } from '../lib/config.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { createAuthenticator, registerAuth } from './plugins/auth.js';
import { clientErrorProblem, frameworkError, registerErrorHandling } from './plugins/errors.js';
import { probes, registerBoundedWaits } from './plugins/bounded-waits.js';
import { problemSchema } from './schemas.js';
import { healthRoutes } from './plugins/health.js';
import { registerMetrics } from './plugins/metrics.js';
import { agencyRoutes } from './routes/agencies.js';
import { assessmentRoutes } from './routes/assessments.js';
import { auditRoutes } from './routes/audit-events.js';
import { calendarRoutes } from './routes/calendar.js';
import { catalogRoutes } from './routes/catalog.js';
import { devTokenRoutes } from './routes/dev-tokens.js';
import { correctionRoutes } from './routes/corrections.js';
import { credentialRoutes } from './routes/credentials.js';
import { notificationRoutes } from './routes/notifications.js';
import { objectionRoutes } from './routes/objections.js';
import { openDataRoutes } from './routes/open-data-requests.js';
import { shareApplicationRoutes } from './routes/share-applications.js';
import { sessionRoutes } from './routes/session.js';
import { scheduleRoutes } from './routes/schedules.js';
import { statisticsRoutes } from './routes/statistics.js';
import { workItemRoutes } from './routes/work-items.js';
import { registerConsole } from './plugins/console.js';
import { join } from 'node:path';
import { projectRoot } from '../lib/temporal-cli.js';

export interface AppDeps {
  database: Database;
  temporal: Client;
  config: Config;
  logger: Logger;
}

/**
 * The problems an operation can answer beside its own, as the OpenAPI document says them: any request
 * may be malformed (400), limited (429) or past its deadline, shed or without a dependency (503); a write
 * or a route for signed-in roles needs a token (401); a body may be too large or of another type (413,
 * 415); a path parameter too long (414). The probes answer 200 or 503 only.
 */
function withStandardProblems(
  schema: FastifySchema & { hide?: boolean },
  url: string,
  anonymous: boolean,
): FastifySchema {
  if (schema.hide || probes.has(url)) return schema;
  const own = (schema.response ?? {}) as Record<string | number, unknown>;
  const write = !!schema.body;
  // A route for anyone says so with `security: []`; every other one needs a token.
  const public_ = Array.isArray(schema.security) && schema.security.length === 0;
  const statuses = [
    400,
    ...(!public_ && !anonymous ? [401] : []),
    // A document route (the dossier, the results' CSV) is one case's or year's: 403 and 404 too.
    ...((schema as { produces?: unknown }).produces ? [403, 404] : []),
    ...(url.includes(':') ? [414] : []),
    ...(write ? [413, 415] : []),
    429,
    503,
  ];
  return {
    ...schema,
    response: { ...own, ...Object.fromEntries(statuses.filter((s) => !(s in own)).map((s) => [s, problemSchema])) },
  };
}

/** The operations that answer a document rather than JSON, with the media type of their 200. */
const textAnswers: Record<string, { type: string; description: string }> = {
  getObjectionDossier: {
    type: 'text/html; charset=utf-8',
    description: 'The dossier (卷宗), a printable zh-CN HTML page',
  },
  exportAssessmentResults: {
    type: 'text/csv; charset=utf-8',
    description: 'The published results, UTF-8 CSV in rank order',
  },
};

type DocResponse = { description?: string; content?: Record<string, { schema?: { $ref?: string; type?: string } }> };

/**
 * Says in the document what the operations of `textAnswers` answer (their routes send it as it is), and
 * that every problem comes as `application/problem+json`.
 */
function withAnswerMediaTypes<D>(document: D): D {
  const paths = (
    document as {
      paths?: Record<string, Record<string, { operationId?: string; responses?: Record<string, DocResponse> }>>;
    }
  ).paths;
  for (const operations of Object.values(paths ?? {}))
    for (const op of Object.values(operations)) {
      for (const response of Object.values(op.responses ?? {})) {
        // Under whatever media type the route produces (JSON, or the dossier's HTML): a problem is a problem.
        const problem = Object.values(response.content ?? {}).find(
          (c) => c.schema?.$ref === '#/components/schemas/Problem',
        );
        if (problem) response.content = { 'application/problem+json': problem };
      }
      const text = op.operationId ? textAnswers[op.operationId] : undefined;
      if (text)
        op.responses = {
          200: { description: text.description, content: { [text.type]: { schema: { type: 'string' } } } },
          ...(op.responses as object),
        };
    }
  return document;
}

export async function buildApp({ database, temporal, config, logger }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    // Every request is logged except the probes, which a load balancer calls every few seconds.
    logController: new LogController({
      disableRequestLogging: (request) => probes.has(request.url),
    }),
    ajv: { customOptions: { coerceTypes: false } },
    // Fastify's own answers as problems too: a refused URL, and (below) the 503 while closing.
    frameworkErrors: (error, _request, reply) => frameworkError(error, reply),
    clientErrorHandler: (error, socket) => {
      if (socket.writable) socket.end(clientErrorProblem(error));
      else socket.destroy(error);
    },
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerBoundedWaits(app, config);

  // Each page sets its own Content-Security-Policy (the console, /docs, the dossier); the API answers JSON.
  await app.register(helmet, { contentSecurityPolicy: false });
  // Every answer of the API may carry personal data or a one-time credential: no cache keeps it, in a
  // browser or a proxy, unless a route says otherwise.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      // Each route's own onRequest hook, so after the token is verified: a signed-in person or service
      // counts by its subject wherever it calls from (an agency behind one proxy is not one bucket),
      // anyone else by client address. The probes a load balancer calls are not counted.
      keyGenerator: (request) => (request.principal ? `sub:${request.principal.sub}` : `ip:${request.ip}`),
      allowList: (request) => probes.has(request.routeOptions.url ?? ''),
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'RATE_LIMITED',
          `more than ${context.max} requests a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
        ),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'shuzhi (数治) public-data governance API',
        version: '1.0.0',
        description:
          'Share applications, objections, open-data requests, assessments and corrections as durable workflows. Conventions and the map of endpoints: docs/api.md in the repository.',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'this deployment' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: (input) =>
      jsonSchemaTransform({
        ...input,
        schema: withStandardProblems(input.schema, input.url, input.route.config?.anonymous === true),
      }),
    transformObject: (input) => withAnswerMediaTypes(jsonSchemaTransformObject(input)),
  });
  // Swagger UI's own strict policy: its scripts and styles by hash, nothing from elsewhere.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, createAuthenticator(config.auth));
  registerMetrics(app, config.metrics);

  const db = database.db;
  await app.register(healthRoutes, { database, temporal });
  await app.register(sessionRoutes, { config });
  if (config.auth.mode === 'dev')
    await app.register(devTokenRoutes, { authenticator: createAuthenticator(config.auth), db });
  await app.register(agencyRoutes, { db });
  await app.register(catalogRoutes, { db, policy: config.policy });
  await app.register(calendarRoutes, { db, temporal, logger, taskQueue: config.temporal.taskQueue });
  await app.register(shareApplicationRoutes, { db, temporal, config });
  await app.register(objectionRoutes, { db, temporal, config });
  await app.register(openDataRoutes, { db, temporal, config });
  await app.register(credentialRoutes, { db });
  await app.register(auditRoutes, { db, config });
  await app.register(notificationRoutes, { db });
  await app.register(correctionRoutes, { db, temporal, config });
  await app.register(assessmentRoutes, { db, temporal, config });
  await app.register(workItemRoutes, { db, config });
  await app.register(statisticsRoutes, { db });
  await app.register(scheduleRoutes, { temporal });
  await registerConsole(app, config.consoleDir ?? join(projectRoot(), 'console', 'dist'));
  return app;
}
