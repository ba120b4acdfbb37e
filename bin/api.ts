// The API process: stateless, run as many as needed behind a load balancer.
import closeWithGrace from 'close-with-grace';
import { buildApp } from '../api/app.js';
import { openDatabase } from '../db/client.js';
import { configureAuditKey } from '../db/queries/audit.js';
import { recordPolicyInForce } from '../lib/policy-audit.js';
import { parseConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { connectClient } from '../lib/temporal.js';
import { exitOnConfigError } from './shared.js';

const config = exitOnConfigError(() =>
  parseConfig(process.env, {}, { requireIdentityKey: true, requireAuditKey: true }),
);
if (!config.databaseUrl) {
  console.error(
    'DATABASE_URL is required when the API runs as its own process (`npm start` runs everything with an embedded database).',
  );
  process.exit(2);
}
const logger = createLogger({ level: config.logLevel, pretty: config.logPretty, name: 'shuzhi-api' });
// Every event this process writes is sealed with the deployment's key, which the database never holds.
configureAuditKey(config.audit.key);
const database = await openDatabase({ url: config.databaseUrl, poolMax: config.databasePoolMax });
logger.info(
  await recordPolicyInForce(database.db, config.policy, 'shuzhi-api'),
  'policy in force (on the audit chain)',
);
const temporal = await connectClient(config.temporal);
const app = await buildApp({ database, temporal, config, logger });
await app.listen({ port: config.port, host: config.host });

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'stopping after an error');
  else logger.info({ signal }, 'stopping');
  await app.close();
  await temporal.connection.close();
  await database.close();
});
