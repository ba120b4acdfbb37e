// A child process for the connection-cut test: it opens the project's own database client on the URL
// it is given (a cutting proxy in front of PostgreSQL) and runs statements and transactions from many
// callers at once until told to stop on stdin, then proves the pool still works and prints its counts
// as one JSON line. If the driver throws where no caller can catch, this process dies, which is what
// the test looks for.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.js';

const url = process.env.CUT_LOAD_URL;
if (!url) throw new Error('CUT_LOAD_URL is required');
const database = await openDatabase({ url, poolMax: 5 });
const counts = { ok: 0, failed: 0, unhandled: 0 };
// Counted, not swallowed: an unhandled rejection is a failure the test reports.
process.on('unhandledRejection', () => counts.unhandled++);

let running = true;
process.stdin.on('data', () => (running = false));
process.stdin.resume();

async function caller(i: number): Promise<void> {
  while (running) {
    try {
      // Short statements (the driver defers writes under 1 KB to the next tick) and long ones.
      await database.db.execute(sql`select ${'x'.repeat((i * 97) % 1500)}::text as padding`);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.execute(sql`select pg_sleep(0.002)`);
      });
      counts.ok++;
    } catch {
      counts.failed++;
    }
  }
}
await Promise.all(Array.from({ length: 16 }, (_, i) => caller(i)));

// After the cuts the same pool serves again: a few attempts, since the last cut may have landed on
// connections that only learn of it now.
let recovered = false;
for (let attempt = 0; attempt < 10 && !recovered; attempt++) {
  try {
    await database.db.execute(sql`select 1`);
    recovered = true;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
process.stdout.write(JSON.stringify({ ...counts, recovered }) + '\n');
await database.close();
