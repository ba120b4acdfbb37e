// The worker process of `npm run bench:share`: the case worker with shuzhi's real activities and the
// baselines' worker, in a process of their own as a deployment runs its workers apart from the API.
// Reads BENCH_TEMPORAL_ADDRESS, BENCH_DATABASE_URL, BENCH_CASE_QUEUE and BENCH_BASELINE_QUEUE; says
// "ready" on stdout once both poll, and stops on SIGTERM.
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { openDatabase } from '../db/client.js';
import { createLogger } from '../lib/logger.js';
import { createWorker } from '../lib/worker.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

Runtime.install({ logger: new DefaultLogger('WARN') });
const address = env('BENCH_TEMPORAL_ADDRESS');
const database = await openDatabase({ url: env('BENCH_DATABASE_URL'), poolMax: 10 });
const connection = await Connection.connect({ address });
const nativeConnection = await NativeConnection.connect({ address });
const baseline = await Worker.create({
  connection: nativeConnection,
  taskQueue: env('BENCH_BASELINE_QUEUE'),
  activities: { touch: async () => {} },
  workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
  maxCachedWorkflows: 2000,
});
const cases = await createWorker({
  connection: nativeConnection,
  namespace: 'default',
  taskQueue: env('BENCH_CASE_QUEUE'),
  deps: { db: database.db, logger: createLogger({ level: 'silent' }), temporal: new Client({ connection }) },
  maxCachedWorkflows: 2000,
  maxConcurrentActivities: 50,
});
const running = Promise.all([baseline.run(), cases.run()]);
process.on('SIGTERM', () => {
  baseline.shutdown();
  cases.shutdown();
});
console.log('ready');
await running;
await nativeConnection.close();
await connection.close();
await database.close();
