// Bounded waits: no request waits without end on a saturated machine or a slow dependency. Each has a
// deadline, past which it is answered 503 with Retry-After (its work may still finish: a POST that
// started a case finds it again with the same Idempotency-Key); requests are shed while the event loop
// lags; and while the server closes, new requests are told to go elsewhere, as problems like any other.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../lib/config.js';
import { AppError } from '../../lib/errors.js';
import { sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    deadline: NodeJS.Timeout | null;
  }
}

/**
 * The probes a load balancer or a scraper calls every few seconds: they answer whatever the load (a
 * lagging process is alive, and says so), and are neither logged nor rate-limited.
 */
export const probes = new Set(['/health', '/ready', '/metrics']);

export function registerBoundedWaits(app: FastifyInstance, config: Config): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new AppError('UNAVAILABLE', 'the server is shutting down; retry, another instance will answer');
  });

  if (config.maxEventLoopDelayMs > 0) {
    void app.register(underPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      pressureHandler: async (request, _reply, type, value) => {
        if (probes.has(request.routeOptions.url ?? '')) return;
        request.log.warn({ type, value }, 'shedding a request under pressure');
        throw new AppError('UNAVAILABLE', 'the server is overloaded; retry shortly');
      },
    });
  }

  if (config.requestDeadlineSeconds > 0) {
    const ms = config.requestDeadlineSeconds * 1000;
    app.decorateRequest('deadline', null);
    app.addHook('onRequest', async (request, reply) => {
      request.deadline = setTimeout(() => {
        if (reply.sent || request.raw.destroyed) return;
        request.log.warn({ deadlineMs: ms }, 'request past its deadline: answered 503');
        sendProblem(
          reply,
          new AppError(
            'UNAVAILABLE',
            `no answer within ${config.requestDeadlineSeconds} s; retry (a POST with the same Idempotency-Key finds what it started)`,
          ),
        );
      }, ms);
      request.deadline.unref();
    });
    const clear = async (request: { deadline: NodeJS.Timeout | null }) => {
      if (request.deadline) clearTimeout(request.deadline);
    };
    app.addHook('onResponse', clear);
    app.addHook('onRequestAbort', clear);
  }
}
