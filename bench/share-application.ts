// `npm run bench:share`: the hot path of a share application (共享申请) on one Temporal dev server
// (on a file, as `npm start` runs it) and a real database, beside two baselines measured on the same
// server in the same run:
//   - a bare update-with-start, one at a time (the floor of any POST that starts a case);
//   - a one-activity workflow, saturated (the floor of any case that writes once);
//   - the API's unconditional share applications, saturated, then one at a time.
// It prints both ratios against the goals: applications/s ≥ 0.7 × one-activity workflows/s, and the
// POST's p50 ≤ 1.5 × the bare update-with-start's. The API runs in this process and both workers in
// another (bench/share-worker.ts), as a deployment runs them. Counts: BENCH_N (saturated, default 400),
// BENCH_SERIAL (one at a time, default 100), BENCH_CONCURRENCY (default 32). Database:
// TEST_DATABASE_URL / DATABASE_URL (PostgreSQL).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { buildApp } from '../api/app.js';
import { agencies } from '../db/schema/agency.js';
import { catalogResources } from '../db/schema/catalog.js';
import { parseConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { ensureTemporalBinaries, projectRoot, startDevServer } from '../lib/temporal-cli.js';
import { freshDatabase } from '../test/helpers/db.js';
import { bareUpdate } from './workflows.js';

const N = Number(process.env.BENCH_N ?? 400);
const SERIAL = Number(process.env.BENCH_SERIAL ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = 20;

Runtime.install({ logger: new DefaultLogger('WARN') });
const binaries = await ensureTemporalBinaries({ projectRoot: projectRoot(), log: (m) => console.log(m) });
const dataDir = mkdtempSync(join(tmpdir(), 'shuzhi-bench-'));
const server = await startDevServer({ cli: binaries.cli, uiPort: null, dbFile: join(dataDir, 'temporal.db') });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });
const database = await freshDatabase();
if (!database.url)
  throw new Error(
    'bench:share needs PostgreSQL (TEST_DATABASE_URL or DATABASE_URL): its worker runs in a process of its own',
  );
const silent = createLogger({ level: 'silent' });

const p50 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
const p99 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))]!;

/** CPU seconds used so far by the processes named `comm` (all of them) or with id `pid`, from /proc. */
function cpuSeconds(match: (pid: number, comm: string) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!match(pid, comm)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks / 100;
}
const cpuNow = () => ({
  temporal: cpuSeconds((_, c) => c === 'temporal'),
  postgres: cpuSeconds((_, c) => c === 'postgres'),
  api: cpuSeconds((p) => p === process.pid),
  worker: cpuSeconds((p) => p === workerProcess.pid),
});
/** CPU milliseconds per operation of each process while `run` ran `n` operations. */
async function cpuPerOp<T>(n: number, run: () => Promise<T>): Promise<T & { cpu: Record<string, number> }> {
  const before = cpuNow();
  const result = await run();
  const after = cpuNow();
  const cpu = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, ((v - before[k as keyof typeof before]) * 1000) / n]),
  );
  return { ...result, cpu };
}

/** Runs `op` n times, `concurrency` at a time; the latency of each and the rate of the whole. */
async function measure(
  n: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<{ perSecond: number; ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = performance.now();
        try {
          await op(i);
          ms.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(error);
        }
      }
    }),
  );
  return { perSecond: ms.length / ((performance.now() - t0) / 1000), ms, errors };
}

const baselineQueue = `bench-baseline-${randomUUID()}`;
const caseQueue = `bench-cases-${randomUUID()}`;
// The workers run in a process of their own, as a deployment runs them apart from the API.
const workerProcess = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR] : []),
    '--import',
    'tsx',
    fileURLToPath(new URL('./share-worker.ts', import.meta.url)),
  ],
  {
    env: {
      ...process.env,
      BENCH_TEMPORAL_ADDRESS: server.address,
      BENCH_DATABASE_URL: database.url,
      BENCH_CASE_QUEUE: caseQueue,
      BENCH_BASELINE_QUEUE: baselineQueue,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
await new Promise<void>((resolve, reject) => {
  workerProcess.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('ready')) resolve();
  });
  workerProcess.on('exit', (code) => reject(new Error(`the bench worker exited (${code})`)));
});
const app = await buildApp({
  database,
  temporal: client,
  logger: silent,
  config: parseConfig({
    AUTH_MODE: 'dev',
    NODE_ENV: 'development',
    RATE_LIMIT_PER_MINUTE: '0',
    TEMPORAL_TASK_QUEUE: caseQueue,
  }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

try {
  // One provider with an unconditional resource, one applicant agency whose staff apply.
  await database.db.insert(agencies).values([
    { code: 'BA', name: '申请单位', level: 'municipal' },
    { code: 'BP', name: '提供单位', level: 'municipal' },
  ]);
  const [resource] = await database.db
    .insert(catalogResources)
    .values({
      code: 'RBENCH',
      name: '基准数据',
      providerAgency: 'BP',
      description: 'benchmark',
      fields: [{ name: 'a' }, { name: 'b' }],
      shareType: 'unconditional',
      openType: 'unconditional',
      updateCycle: 'monthly',
      createdBy: 'bench',
    })
    .returning();
  const tokenRes = await fetch(`${baseUrl}/api/v1/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'bench-staff', roles: ['agency_staff'], agency: 'BA', name: '申请人' }),
  });
  const { token } = (await tokenRes.json()) as { token: string };
  const body = JSON.stringify({
    resourceId: resource!.id,
    purpose: '基准测试',
    dutyBasis: '履职依据',
    usageScope: '内部',
    periodMonths: 12,
    deliveryMethod: 'api',
  });

  const bareUpdateWithStart = async () => {
    const start = new WithStartWorkflowOperation('bareUpdateWorkflow', {
      workflowId: `bench-bare-${randomUUID()}`,
      taskQueue: baselineQueue,
      args: [],
      workflowIdConflictPolicy: 'FAIL',
    });
    await client.workflow.executeUpdateWithStart(bareUpdate, { startWorkflowOperation: start });
  };
  const oneActivity = async () => {
    await client.workflow.execute('oneActivityWorkflow', {
      workflowId: `bench-one-${randomUUID()}`,
      taskQueue: baselineQueue,
      args: [],
    });
  };
  const apply = async () => {
    const res = await fetch(`${baseUrl}/api/v1/share-applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { state?: string };
    if (res.status !== 201 || answer.state !== 'granted')
      throw new Error(`POST answered ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  };

  for (const op of [bareUpdateWithStart, oneActivity, apply]) await measure(WARMUP, 4, op);
  const bare = await measure(SERIAL, 1, bareUpdateWithStart);
  const bareSaturated = await cpuPerOp(N, () => measure(N, CONCURRENCY, bareUpdateWithStart));
  const one = await cpuPerOp(N, () => measure(N, CONCURRENCY, oneActivity));
  const saturated = await cpuPerOp(N, () => measure(N, CONCURRENCY, apply));
  const serial = await measure(SERIAL, 1, apply);

  const rateRatio = saturated.perSecond / one.perSecond;
  const latencyRatio = p50(serial.ms) / p50(bare.ms);
  const errors = bare.errors + bareSaturated.errors + one.errors + saturated.errors + serial.errors;
  const db = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(
    `\nshare-application hot path — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${db}, Temporal dev server on a file with WAL`,
  );
  console.log(`${N} saturated at ${CONCURRENCY} concurrent, ${SERIAL} one at a time\n`);
  const rows: [string, string, string][] = [
    ['bare update-with-start, one at a time', `p50 ${p50(bare.ms).toFixed(1)} ms`, `p99 ${p99(bare.ms).toFixed(1)} ms`],
    [
      'bare update-with-start, saturated',
      `${bareSaturated.perSecond.toFixed(1)} /s`,
      `p50 ${p50(bareSaturated.ms).toFixed(1)} ms`,
    ],
    ['one-activity workflow, saturated', `${one.perSecond.toFixed(1)} /s`, `p50 ${p50(one.ms).toFixed(1)} ms`],
    [
      'API share applications, saturated',
      `${saturated.perSecond.toFixed(1)} /s`,
      `p50 ${p50(saturated.ms).toFixed(1)} ms`,
    ],
    [
      'API share applications, one at a time',
      `p50 ${p50(serial.ms).toFixed(1)} ms`,
      `p99 ${p99(serial.ms).toFixed(1)} ms`,
    ],
  ];
  for (const [what, a, b] of rows) console.log(`${what.padEnd(40)} ${a.padStart(14)} ${b.padStart(16)}`);
  const cpu = (r: { cpu: Record<string, number> }) =>
    Object.entries(r.cpu)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
  console.log('\nCPU ms per operation, saturated (client and API in one process, workers in another):');
  console.log(`  bare update-with-start  ${cpu(bareSaturated)}`);
  console.log(`  one-activity workflow   ${cpu(one)}`);
  console.log(`  API share application   ${cpu(saturated)}`);
  console.log(
    `\napplications/s ÷ one-activity workflows/s  ${rateRatio.toFixed(2)}   (goal ≥ 0.70) ${rateRatio >= 0.7 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `POST p50 ÷ bare update-with-start p50      ${latencyRatio.toFixed(2)}   (goal ≤ 1.50) ${latencyRatio <= 1.5 ? 'met' : 'NOT met'}`,
  );
  console.log(`errors                                     ${errors}`);
} finally {
  await app.close();
  const exited = new Promise((resolve) => workerProcess.once('exit', resolve));
  workerProcess.kill('SIGTERM');
  await exited;
  await connection.close();
  await server.stop();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
