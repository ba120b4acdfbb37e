// The only place that knows how errors become HTTP: RFC 9457 problem+json for every failure.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldProblem } from '../../lib/errors.js';
import { isUnavailable } from '../../lib/db-errors.js';
import { textProblems } from '../../lib/text.js';

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Authentication is required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  INVALID_STATE: 'The case is not in a state that allows this',
  DUPLICATE: 'Duplicate',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  URI_TOO_LONG: 'The request URI is too long',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  NOT_IMPLEMENTED: 'Not implemented yet',
  UNAVAILABLE: 'A dependency is unavailable',
  INTERNAL: 'Internal error',
};

/** How long a client should wait before retrying a dependency that is down (503). */
export const RETRY_AFTER_SECONDS = 5;

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const { errors, ...rest } = error.details;
  if (error.status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply
    .code(error.status)
    .type('application/problem+json')
    .send({
      type: `https://shuzhi.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: titles[error.code],
      status: error.status,
      detail: error.message,
      code: error.code,
      // Not for a URI too long: the answer would echo what was refused.
      ...(error.code === 'URI_TOO_LONG' ? {} : { instance: reply.request.url }),
      ...rest,
      ...(errors ? { errors } : {}),
    });
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) by their code. */
function fromFastifyError(err: FastifyError): AppError | null {
  const status = err.statusCode ?? 500;
  if (status >= 500) return null;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', err.message);
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', err.message);
  if (status === 429) return new AppError('RATE_LIMITED', 'Too many requests; slow down and retry later');
  if (status === 404) return new AppError('NOT_FOUND', err.message);
  if (status === 401) return new AppError('UNAUTHENTICATED', err.message);
  return new AppError('VALIDATION_FAILED', err.message, { errors: [{ path: '', message: err.message }] });
}

/**
 * Fastify's own refusals of a URL (a parameter past its length, a malformed escape) as problems: they
 * never reach the error handler, and their text would echo the URL back.
 */
export function frameworkError(error: FastifyError, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(reply, new AppError('URI_TOO_LONG', 'a path parameter is longer than the API takes'));
  return sendProblem(
    reply,
    new AppError('VALIDATION_FAILED', 'the URL is not valid (a malformed %-escape?)', {
      errors: [{ path: 'url', message: 'not a valid URL' }],
    }),
  );
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers past 16 KB, a malformed
 * request line), answered on the socket as a problem too, then closed.
 */
export function clientErrorProblem(error: NodeJS.ErrnoException): string {
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: `https://shuzhi.dev/problems/${tooLarge ? 'headers-too-large' : 'validation-failed'}`,
    title: tooLarge ? 'The request headers are too large' : titles.VALIDATION_FAILED,
    status,
    detail: tooLarge ? 'the request line and headers exceed 16 KB' : 'the HTTP request is malformed',
    code: tooLarge ? 'HEADERS_TOO_LARGE' : 'VALIDATION_FAILED',
  });
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Every string of the path, the query string and the body: a %00 in a URL reaches the database just
    // the same, and a lone surrogate in a reason would jam the case that records it (lib/text.ts).
    const bad = [
      ...textProblems(request.params, ['params']),
      ...textProblems(request.query, ['querystring']),
      ...textProblems(request.body),
    ];
    if (bad.length)
      throw new AppError('VALIDATION_FAILED', bad.map((e) => `${e.path || 'body'} ${e.message}`).join('; '), {
        errors: bad,
      });
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    // No route takes this request: what its body or headers were is beside the point (a QUERY without a
    // Content-Type, say, fails Fastify's body parsing before the not-found handler runs).
    if (request.is404 && !(err instanceof AppError)) return notFound(request, reply);
    if (err instanceof AppError) return sendProblem(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext;
      const errors: FieldProblem[] = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return {
          path: where && where !== 'body' && path ? `${where}.${path}` : path || (where ?? ''),
          message: v.message ?? 'invalid',
        };
      });
      return sendProblem(
        reply,
        new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path || 'body'}: ${e.message}`).join('; '), {
          errors,
        }),
      );
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, new AppError('INTERNAL', 'The server produced an invalid response'));
    }
    const client = fromFastifyError(err);
    if (client) return sendProblem(reply, client);
    if (isUnavailable(err)) {
      // The driver's text stays in the log: it names hosts and users a client need not know.
      request.log.warn({ err }, 'database unavailable');
      return sendProblem(reply, new AppError('UNAVAILABLE', 'the database is unavailable; retry shortly'));
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, new AppError('INTERNAL', 'Something went wrong on our side; it has been logged'));
  });
  // A path the API has, asked with a method it does not take, is 405 with the methods it does (RFC 9110
  // 15.5.6); Fastify's router only knows "no route". The routes' patterns are kept as they are added.
  const paths: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = routePattern(route.url);
    const methods = [route.method].flat().map((m) => m.toUpperCase());
    const known = paths.find((p) => p.pattern.source === pattern.source);
    if (known) for (const m of methods) known.methods.add(m);
    else paths.push({ pattern, methods: new Set(methods) });
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    const allowed = new Set(paths.filter((p) => p.pattern.test(path)).flatMap((p) => [...p.methods]));
    if (allowed.size > 0 && !allowed.has(request.method)) {
      if (allowed.has('GET')) allowed.add('HEAD');
      reply.header('allow', [...allowed].sort().join(', '));
      return sendProblem(reply, new AppError('METHOD_NOT_ALLOWED', `${path} does not take ${request.method}`));
    }
    return sendProblem(reply, new AppError('NOT_FOUND', `No route ${request.method} ${request.url}`));
  };
  app.setNotFoundHandler(notFound);
}

/** A route's URL (`/api/v1/share-applications/:id`, `/docs/*`) as a regular expression over paths. */
function routePattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}
