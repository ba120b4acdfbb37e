// The worker process: runs every workflow and activity on the task queue. Run as many as needed.
import { parseConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { connectClient, connectWorker } from '../lib/temporal.js';
import { ensureSchedules } from '../lib/schedules.js';
import { createWorker } from '../lib/worker.js';
import { keepResumingCalendarPublications } from '../lib/calendar-publications.js';
import { openDatabase } from '../db/client.js';
import { configureAuditKey } from '../db/queries/audit.js';
import { recordPolicyInForce } from '../lib/policy-audit.js';
import { installTemporalRuntime, exitOnConfigError } from './shared.js';

const config = exitOnConfigError(() => parseConfig(process.env, {}, { servesHttp: false, requireAuditKey: true }));
if (!config.databaseUrl) {
  console.error(
    'DATABASE_URL is required when the worker runs as its own process (`npm start` runs everything with an embedded database).',
  );
  process.exit(2);
}
const logger = createLogger({ level: config.logLevel, pretty: config.logPretty, name: 'shuzhi-worker' });
installTemporalRuntime(logger);

// Every event this process writes is sealed with the deployment's key, which the database never holds.
configureAuditKey(config.audit.key);
const database = await openDatabase({ url: config.databaseUrl, poolMax: config.databasePoolMax });
logger.info(
  await recordPolicyInForce(database.db, config.policy, 'shuzhi-worker'),
  'policy in force (on the audit chain)',
);
const connection = await connectWorker(config.temporal);
// The client serves schedule set-up and the activities that message other workflows.
const client = await connectClient(config.temporal);
const worker = await createWorker({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  deps: {
    db: database.db,
    logger,
    policy: config.policy,
    temporal: client,
    ...(config.audit.checkpointDir ? { auditCheckpointDir: config.audit.checkpointDir } : {}),
  },
  maxCachedWorkflows: config.worker.maxCachedWorkflows,
  maxConcurrentActivities: config.worker.maxConcurrentActivities,
  shutdownGraceSeconds: config.worker.shutdownGraceSeconds,
});
// A calendar year whose job's start was lost (the API died after publishing it) is told all the same.
const stopResuming = keepResumingCalendarPublications({
  db: database.db,
  client: client,
  taskQueue: config.temporal.taskQueue,
  logger,
});
// Schedules are created once; every worker may try, the second attempt is a no-op.
logger.info({ created: await ensureSchedules(client, config.temporal.taskQueue, config.policy) }, 'schedules ensured');
logger.info(
  { taskQueue: config.temporal.taskQueue, address: config.temporal.address, namespace: config.temporal.namespace },
  'worker started',
);
// Temporal's worker shuts down gracefully on SIGINT/SIGTERM by itself; run() resolves when it has.
await worker.run();
stopResuming();
await connection.close();
await client.connection.close();
await database.close();
logger.info('worker stopped');
