// Builds the worker that runs every workflow and activity of shuzhi on one task queue.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';

/** The workflow bundle's entry: the TypeScript source under tsx/vitest, the built JS otherwise. */
export function workflowsPath(): string {
  const ts = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL('../workflows/index.js', import.meta.url));
}

/** The bundle `npm run build` writes beside the built code (dist/workflow-bundle.js), if there is one. */
export function prebuiltBundlePath(): string | null {
  const path = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));
  return existsSync(path) ? path : null;
}

let bundled: Promise<WorkflowBundleOption> | null = null;
/**
 * The workflow code for a worker: the bundle built with the release when running from dist/ (loaded in
 * a second), else bundled once per process from the source (webpack takes a few seconds: tests, tsx).
 */
export function workflowBundle(): Promise<WorkflowBundleOption> {
  const prebuilt = prebuiltBundlePath();
  if (prebuilt) return Promise.resolve({ codePath: prebuilt });
  bundled ??= bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietBundlerLogger });
  return bundled;
}

const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  maxCachedWorkflows?: number;
  maxConcurrentActivities?: number;
  shutdownGraceSeconds?: number;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities(options.deps),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.maxConcurrentActivities !== undefined
      ? { maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities }
      : {}),
    shutdownGraceTime: `${options.shutdownGraceSeconds ?? 20} seconds`,
  });
}
