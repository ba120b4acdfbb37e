// Temporal for tests: the time-skipping server (one per file, for deadlines) or the shared dev
// server from global-setup (for the API over a real stack); a worker with the real activities.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { inject } from 'vitest';
import type { Db } from '../../db/client.js';
import { createWorker } from '../../lib/worker.js';
import { testLogger } from './logger.js';

export function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
  });
}

export function devServerEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: inject('temporalAddress') });
}

export interface RunningWorker {
  worker: Worker;
  taskQueue: string;
  stop(): Promise<void>;
}

/** Starts a worker on a unique task queue with shuzhi's real activities over `db`. */
export async function startWorker(
  env: TestWorkflowEnvironment,
  db: Db,
  opts: { temporal?: Client; auditCheckpointDir?: string } = {},
): Promise<RunningWorker> {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: {
      db,
      logger: testLogger,
      temporal: opts.temporal ?? env.client,
      ...(opts.auditCheckpointDir ? { auditCheckpointDir: opts.auditCheckpointDir } : {}),
    },
    shutdownGraceSeconds: 1,
  });
  const running = worker.run();
  return {
    worker,
    taskQueue,
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

/** Lets the time-skipping server's clock run until `offsetMs` after the instant `iso`. */
export async function sleepUntil(env: TestWorkflowEnvironment, iso: string, offsetMs: number): Promise<void> {
  const ms = Date.parse(iso) + offsetMs - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}
