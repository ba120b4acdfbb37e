// Operator commands. `migrate` applies the committed migrations to DATABASE_URL (or the embedded
// database under SHUZHI_DATA_DIR); run it once per release before rolling workers and APIs.
// `backfill-cases` indexes for the work list the cases recorded before it existed (asks Temporal).
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client.js';
import { parseConfig } from '../lib/config.js';
import { exitOnConfigError } from './shared.js';
import { backfillCases } from '../activities/case-index.js';
import { createLogger } from '../lib/logger.js';
import { connectClient } from '../lib/temporal.js';

const [command] = process.argv.slice(2);
const config = exitOnConfigError(() => parseConfig(process.env, {}, { servesHttp: false }));

if (command === 'migrate') {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: join(resolve(config.dataDir), 'pglite') },
  );
  await database.migrate();
  await database.close();
  console.log(`migrated ${database.kind === 'postgres' ? 'DATABASE_URL' : 'the embedded database'}`);
} else if (command === 'backfill-cases') {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: join(resolve(config.dataDir), 'pglite') },
  );
  const temporal = await connectClient(config.temporal);
  const result = await backfillCases({
    db: database.db,
    temporal,
    policy: config.policy,
    logger: createLogger({ level: config.logLevel }),
  });
  await temporal.connection.close();
  await database.close();
  console.log(`indexed ${result.written} cases; ${result.unreachable} did not answer`);
} else {
  console.error('usage: cli migrate | backfill-cases');
  process.exit(2);
}
