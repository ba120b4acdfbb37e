// The real stack for HTTP tests: the shared Temporal dev server, a worker with the real activities,
// a fresh database, and the API listening on a free port, called with fetch.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import type { Database } from '../../db/client.js';
import { parseConfig, type Config } from '../../lib/config.js';
import { freshDatabase } from './db.js';
import type { Logger } from '../../lib/logger.js';
import { testLogger } from './logger.js';
import { devServerEnvironment, startWorker, timeSkippingEnvironment, type RunningWorker } from './temporal.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  contentType: string;
}

export interface Stack {
  baseUrl: string;
  database: Database;
  env: TestWorkflowEnvironment;
  config: Config;
  app: FastifyInstance;
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  token(sub: string, roles: string[], agency?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * `timeSkipping` runs the stack on the time-skipping server, so a test can let deadlines pass with
 * env.sleep; `logger` is the API's (silent by default).
 */
export async function startStack(
  overrides: Record<string, string> = {},
  options: { timeSkipping?: boolean; logger?: Logger } = {},
): Promise<Stack> {
  const [env, database] = await Promise.all([
    options.timeSkipping ? timeSkippingEnvironment() : devServerEnvironment(),
    freshDatabase(),
  ]);
  let worker: RunningWorker | null = null;
  try {
    worker = await startWorker(
      env,
      database.db,
      overrides.AUDIT_CHECKPOINT_DIR ? { auditCheckpointDir: overrides.AUDIT_CHECKPOINT_DIR } : {},
    );
    const config = parseConfig({
      AUTH_MODE: 'dev',
      NODE_ENV: 'development',
      RATE_LIMIT_PER_MINUTE: '0',
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      ...overrides,
    });
    const app = await buildApp({ database, temporal: env.client, config, logger: options.logger ?? testLogger });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const request: Stack['request'] = async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(baseUrl + path, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: body as any, contentType: res.headers.get('content-type') ?? '' };
    };
    const running = worker;
    return {
      baseUrl,
      database,
      env,
      config,
      app,
      request,
      token: async (sub, roles, agency) => {
        const res = await request('POST', '/api/v1/dev/tokens', {
          body: { sub, roles, ...(agency ? { agency } : {}), name: sub },
        });
        if (res.status !== 201) throw new Error(`dev token: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.token as string;
      },
      close: async () => {
        await app.close();
        await running.stop();
        await env.teardown();
        await database.close();
      },
    };
  } catch (error) {
    await worker?.stop();
    await env.teardown();
    await database.close();
    throw error;
  }
}
