// `npm start`: the whole stack on one machine — a Temporal dev server (kept under the data
// directory), the database (PostgreSQL at DATABASE_URL, else embedded PGlite), migrations, the
// worker and the API — stopped in order on Ctrl-C.
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { buildApp } from '../api/app.js';
import { openDatabase } from '../db/client.js';
import { configureAuditKey } from '../db/queries/audit.js';
import { recordPolicyInForce } from '../lib/policy-audit.js';
import { parseConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { connectClient, connectWorker } from '../lib/temporal.js';
import { ensureTemporalBinaries, projectRoot, startDevServer, type DevServer } from '../lib/temporal-cli.js';
import { createWorker } from '../lib/worker.js';
import { keepResumingCalendarPublications } from '../lib/calendar-publications.js';
import { ensureSchedules } from '../lib/schedules.js';
import { exitOnConfigError, installTemporalRuntime } from './shared.js';
import { ensureConsoleBuilt } from '../lib/console-build.js';
import { backfillCases } from '../activities/case-index.js';

const config = exitOnConfigError(() =>
  parseConfig(process.env, { AUTH_MODE: 'dev', NODE_ENV: 'development', LOG_PRETTY: 'true', HOST: '127.0.0.1' }),
);
const logger = createLogger({ level: config.logLevel, pretty: config.logPretty, name: 'shuzhi' });
installTemporalRuntime(logger);

const dataDir = resolve(config.dataDir);
mkdirSync(dataDir, { recursive: true });

// An explicit TEMPORAL_ADDRESS means "use that server"; otherwise run our own dev server.
let temporalServer: DevServer | null = null;
if (!process.env.TEMPORAL_ADDRESS) {
  const binaries = await ensureTemporalBinaries({
    projectRoot: projectRoot(),
    ...(config.temporalCli ? { cliPath: config.temporalCli } : {}),
    log: (m) => logger.info(m),
  });
  const [host, port] = config.temporal.address.split(':');
  temporalServer = await startDevServer({
    cli: binaries.cli,
    ip: host!,
    port: Number(port),
    uiPort: config.temporalUiPort,
    dbFile: join(dataDir, 'temporal.db'),
    namespace: config.temporal.namespace,
    log: (m) => logger.info(m),
  });
}

// Every event this process writes is sealed with the deployment's key, which the database never holds.
configureAuditKey(config.audit.key);
const database = await openDatabase(
  config.databaseUrl
    ? { url: config.databaseUrl, poolMax: config.databasePoolMax }
    : { pgliteDir: join(dataDir, 'pglite') },
);
await database.migrate();
logger.info(
  await recordPolicyInForce(database.db, config.policy, 'shuzhi-dev'),
  'policy in force (on the audit chain)',
);
logger.info({ database: database.kind }, 'database migrated');

const temporal = await connectClient(config.temporal);
const workerConnection = await connectWorker(config.temporal);
const worker = await createWorker({
  connection: workerConnection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  deps: {
    db: database.db,
    logger,
    policy: config.policy,
    temporal,
    ...(config.audit.checkpointDir ? { auditCheckpointDir: config.audit.checkpointDir } : {}),
  },
  maxCachedWorkflows: config.worker.maxCachedWorkflows,
  maxConcurrentActivities: config.worker.maxConcurrentActivities,
  shutdownGraceSeconds: 5,
});
// A calendar year whose job's start was lost (the API died after publishing it) is told all the same.
const stopResuming = keepResumingCalendarPublications({
  db: database.db,
  client: temporal,
  taskQueue: config.temporal.taskQueue,
  logger,
});
const workerDone = worker.run();
logger.info(
  { created: await ensureSchedules(temporal, config.temporal.taskQueue, config.policy) },
  'schedules ensured',
);
// Cases recorded before the work list existed are indexed once; afterwards this finds nothing to do.
await backfillCases({ db: database.db, temporal, policy: config.policy, logger });

await ensureConsoleBuilt(projectRoot(), (m) => logger.info(m));
const app = await buildApp({ database, temporal, config, logger });
await app.listen({ port: config.port, host: config.host });

const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
console.log(
  [
    '',
    '  shuzhi (数治) is running',
    `  Console      ${base}/console/`,
    `  API          ${base}/api/v1`,
    `  API docs     ${base}/docs`,
    `  Temporal UI  ${temporalServer?.uiUrl ?? '(external server)'}`,
    `  Database     ${database.kind === 'pglite' ? `embedded PGlite in ${join(dataDir, 'pglite')}` : 'PostgreSQL at DATABASE_URL'}`,
    ...(config.auth.mode === 'dev'
      ? [
          `  Dev tokens   POST ${base}/api/v1/dev/tokens {"sub","roles":[...],"agency"} (or sign in to the console as any role)`,
        ]
      : []),
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'),
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: API, worker, Temporal, database');
  await app.close();
  stopResuming();
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await workerDone;
  await workerConnection.close();
  await temporal.connection.close();
  await temporalServer?.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
