// A fresh, migrated database per test file: a new database on the PostgreSQL at TEST_DATABASE_URL
// (or DATABASE_URL) when set, otherwise an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../db/client.js';

export const testDatabaseUrl = (): string | undefined =>
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

/** `url` is set on PostgreSQL, for another process to open the same database. */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  const base = testDatabaseUrl();
  if (!base) {
    const database = await openDatabase({});
    await database.migrate();
    return database;
  }
  const name = `shuzhi_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolMax: 5 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
