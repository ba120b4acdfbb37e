// One database handle for the whole process: PostgreSQL through postgres.js when DATABASE_URL is
// set, otherwise an embedded PGlite (a WASM PostgreSQL) stored under the data directory.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: queries take this, so callers choose atomicity. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed drizzle-kit migrations. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** db/migrations, found from this file in source (db/) and in the build (dist/db/). */
export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Whether the postgres.js found from here carries patches/postgres+3.4.9.patch (applied by patch-package on
 * install; an install with --ignore-scripts skips it). Without it a cut connection can end the process.
 */
export function driverPatched(root = dirname(dirname(dirname(createRequire(import.meta.url).resolve('postgres'))))) {
  try {
    return ['src/connection.js', 'src/index.js', 'cjs/src/connection.js', 'cjs/src/index.js'].every((file) =>
      readFileSync(join(root, file), 'utf8').includes('shuzhi patch'),
    );
  } catch {
    return false;
  }
}

export async function openDatabase(options: {
  url?: string;
  pgliteDir?: string | null;
  poolMax?: number;
}): Promise<Database> {
  if (options.url) {
    if (!driverPatched())
      throw new Error(
        'the PostgreSQL driver (postgres.js) is not patched: run `npx patch-package` (npm install does it, ' +
          'unless scripts are ignored); see docs/operations.md "Surviving the database"',
      );
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(options.url, {
      max: options.poolMax ?? 10,
      onnotice: () => {},
      connect_timeout: 10,
      // Between attempts to reconnect, 0.2 s doubling to at most 1 s. The driver's own backoff grows to 20 s
      // and counts for the whole pool until a connection succeeds, so after a short outage every query
      // waited behind it, unanswered, instead of failing fast (503) and then finding the database back.
      backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
    });
    const db = drizzle({ client, schema });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      migrate: () => migrate(db, { migrationsFolder }),
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const client = options.pgliteDir ? new PGlite(options.pgliteDir) : new PGlite();
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migrate(db, { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
