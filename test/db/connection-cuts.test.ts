// A cut or reset database connection never ends the process (issue: hardening, item 10). postgres.js
// 3.4.9 threw from a deferred write after its socket was gone, and left a rejected type fetch without
// a handler, both outside any caller's reach; patches/postgres+3.4.9.patch settles those queries with
// CONNECTION_CLOSED instead. Here a child process runs the project's database client through a proxy
// of the test's own that cuts every connection every 50–300 ms, with resets and with orderly closes.
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { driverPatched, openDatabase } from '../../db/client.js';
import { startCuttingProxy } from '../helpers/cutting-proxy.js';
import { testDatabaseUrl } from '../helpers/db.js';

const base = testDatabaseUrl();

async function runUnderCuts(how: 'reset' | 'close', ms: number) {
  const target = new URL(base!);
  const proxy = await startCuttingProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const url = new URL(base!);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cut-load.ts'], {
    env: { ...process.env, CUT_LOAD_URL: url.toString() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Cutting starts once the child has connected at least once.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const cutter = proxy.cutEvery(50, 300, how);
  await Promise.race([new Promise((resolve) => setTimeout(resolve, ms)), exited]);
  cutter.stop();
  child.stdin.end('stop\n');
  const code = await exited;
  await proxy.close();
  return { code, stderr, cuts: proxy.cuts, result: stdout.trim() ? JSON.parse(stdout.trim()) : undefined };
}

describe.skipIf(!base)('database connections cut under load', () => {
  for (const how of ['reset', 'close'] as const) {
    it(`survives connections ${how === 'reset' ? 'reset' : 'closed'} every 50–300 ms`, async () => {
      const run = await runUnderCuts(how, 6000);
      expect(run.stderr).not.toMatch(/TypeError|ECONNRESET|Unhandled/);
      expect(run.code).toBe(0);
      expect(run.cuts).toBeGreaterThan(10);
      // Statements failed while their connection was cut (told to the caller), the rest succeeded, and
      // nothing was rejected outside a caller's reach.
      expect(run.result).toMatchObject({ unhandled: 0, recovered: true });
      expect(run.result.ok).toBeGreaterThan(100);
      expect(run.result.failed).toBeGreaterThan(0);
    }, 30_000);
  }
});

describe.skipIf(!base)('the database unreachable for a while', () => {
  it('fails queries fast while it is away and serves them within a second or two of its return', async () => {
    const target = new URL(base!);
    const proxy = await startCuttingProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(base!);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const database = await openDatabase({ url: url.toString(), poolMax: 3 });
    const timed = async () => {
      const started = Date.now();
      const ok = await database.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      );
      return { ok, ms: Date.now() - started };
    };
    try {
      expect((await timed()).ok).toBe(true);
      await proxy.pause();
      // Five seconds away, asked every 300 ms by three callers: every answer is a quick failure.
      const during: { ok: boolean; ms: number }[] = [];
      const until = Date.now() + 5000;
      await Promise.all(
        [0, 1, 2].map(async () => {
          while (Date.now() < until) {
            during.push(await timed());
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        }),
      );
      expect(during.length).toBeGreaterThan(15);
      expect(during.every((r) => !r.ok)).toBe(true);
      expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(2500);
      await proxy.resume();
      const back = Date.now();
      let answered = false;
      while (!answered && Date.now() - back < 5000) answered = (await timed()).ok;
      expect(answered).toBe(true);
      expect(Date.now() - back).toBeLessThan(2500);
    } finally {
      await database.close().catch(() => undefined);
      await proxy.close();
    }
  }, 30_000);
});

describe('the driver patch', () => {
  it('is applied to the installed postgres.js, and a driver without it is told apart', async () => {
    expect(driverPatched()).toBe(true);
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const plain = mkdtempSync(join(tmpdir(), 'postgres-plain-'));
    for (const dir of ['src', 'cjs/src']) mkdirSync(join(plain, dir), { recursive: true });
    for (const file of ['src/connection.js', 'src/index.js', 'cjs/src/connection.js', 'cjs/src/index.js'])
      writeFileSync(join(plain, file), 'function nextWrite(fn) { const x = socket.write(chunk, fn) }\n');
    expect(driverPatched(plain)).toBe(false);
  });
});
