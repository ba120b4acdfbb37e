// The only place that knows how errors become HTTP: RFC 9457 problem+json for every failure.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldProblem } from '../../lib/errors.js';
import { isUnavailable } from '../../lib/db-errors.js';
import { textProblems } from '../../lib/text.js';

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Authentication is required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  INVALID_STATE: 'The case is not in a state that allows this',
  DUPLICATE: 'Duplicate',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
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
      instance: reply.request.url,
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
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new AppError('NOT_FOUND', `No route ${request.method} ${request.url}`)),
  );
}
