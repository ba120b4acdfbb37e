// Operator commands. `migrate` applies the committed migrations to DATABASE_URL (or the embedded
// database under SHUZHI_DATA_DIR); run it once per release before rolling workers and APIs.
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client.js';
import { parseConfig } from '../lib/config.js';
import { exitOnConfigError } from './shared.js';

const [command] = process.argv.slice(2);
const config = exitOnConfigError(() => parseConfig(process.env, {}, { servesHttp: false }));

if (command === 'migrate') {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: join(resolve(config.dataDir), 'pglite') });
  await database.migrate();
  await database.close();
  console.log(`migrated ${database.kind === 'postgres' ? 'DATABASE_URL' : 'the embedded database'}`);
} else {
  console.error('usage: cli migrate');
  process.exit(2);
}
