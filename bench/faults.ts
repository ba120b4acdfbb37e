// `npm run faults`: the fault suite. It runs shuzhi as production does, as separate processes: a
// Temporal dev server on a file (so it can be killed and restarted with its state), the worker
// (`node --import tsx bin/worker.ts`) and the API (`node --import tsx bin/api.ts`), each with
// AUTH_MODE=dev, NODE_ENV=development and RATE_LIMIT_PER_MINUTE=0, on a fresh database of the local
// PostgreSQL reached through a cutting proxy of its own (test/helpers/cutting-proxy.ts): one for the
// worker's connections, one for the API's. Under a steady load of clients, each submitting share
// applications (共享申请) on a conditional resource, so each goes to review, and a reviewer approving each
// (the final state is `granted`), it runs in turn:
//   worker    the worker SIGKILLed mid-load, started again after FAULTS_DOWN_SECONDS;
//   temporal  the Temporal dev server SIGKILLed mid-load, started again on the same file and port;
//   database  PostgreSQL unreachable for FAULTS_DB_OUTAGE_SECONDS: both proxies reset every connection
//             and refuse new ones (PostgreSQL itself is not killed, only made unreachable);
//   postgres  PostgreSQL itself killed (pg_ctlcluster … stop -m immediate: every backend ends at once,
//             crash recovery at start) and started again after FAULTS_DB_OUTAGE_SECONDS; run only where
//             pg_ctlcluster (Debian) runs the cluster serving 127.0.0.1:5432, else reported as not run;
//   cuts      every connection between the worker and PostgreSQL reset every FAULTS_CUT_MIN_MS to
//             FAULTS_CUT_MAX_MS for FAULTS_CUTS_SECONDS;
//   api-cuts  the same between the API and PostgreSQL;
//   api       the API SIGKILLed mid-load and started again; clients retry on their keys.
// Every client sends an Idempotency-Key per application and retries a failed or timed-out request
// with the same key (the decision, too) for up to FAULTS_RETRY_SECONDS. Per scenario it prints:
// acknowledged, completed (read back `granted` through the API), lost, duplicated (more than one case
// for one key or one submission, counted in the database by the marker in each body's purpose, and by
// the workflows Temporal holds), stranded (the read model's state or version, from the API's GET,
// disagreeing with the workflow's own view), unanswered (a submission never answered 201), the worker's
// and the API's exits the suite did not cause, and the recovery time: from the restart (or the end of
// the fault) to the first transition recorded again. The issue's goal: nothing lost, duplicated or
// stranded, no process ends on its own, and a killed worker's cases move again within 10 s of its
// restart.
//
// Environment (defaults in brackets): TEST_DATABASE_URL or DATABASE_URL, the PostgreSQL to create the
// fresh database on (required); FAULTS_SCENARIOS (worker,temporal,database,postgres,cuts,api-cuts,api)
// which to run, in the order given; FAULTS_RATE (5) applications submitted per second; FAULTS_CLIENTS (4)
// applicant agencies (one staff member each); FAULTS_BEFORE_SECONDS (4) load before the fault; FAULTS_AFTER_SECONDS (6)
// load after the restart or the fault's end; FAULTS_DOWN_SECONDS (2) how long a killed process stays
// down; FAULTS_DB_OUTAGE_SECONDS (5); FAULTS_CUTS_SECONDS (10); FAULTS_CUT_MIN_MS (300);
// FAULTS_CUT_MAX_MS (800); FAULTS_RETRY_SECONDS (60) how long a client retries one request;
// FAULTS_REQUEST_TIMEOUT_MS (10000) before a request counts as timed out; FAULTS_SETTLE_SECONDS (60)
// after the fault's end, by when every acknowledged case must be `granted`; FAULTS_KEEP=1 keeps the
// logs and the dev server's file (kept anyway when a figure misses the goal). About 2½ minutes on 2 cores.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { agencies } from '../db/schema/agency.js';
import { catalogResources } from '../db/schema/catalog.js';
import { ensureTemporalBinaries, freePort, projectRoot, startDevServer, type DevServer } from '../lib/temporal-cli.js';
import { startCuttingProxy, type CuttingProxy } from '../test/helpers/cutting-proxy.js';
import { freshDatabase, testDatabaseUrl } from '../test/helpers/db.js';
import { shareApplicationWorkflowId, viewQuery } from '../workflows/share-application/messages.js';
import { alive, devServerPid, ManagedProcess } from './faults-processes.js';

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not "${raw}"`);
  return value;
};
const RATE = num('FAULTS_RATE', 5);
const CLIENTS = Math.max(1, Math.round(num('FAULTS_CLIENTS', 4)));
const BEFORE_S = num('FAULTS_BEFORE_SECONDS', 4);
const AFTER_S = num('FAULTS_AFTER_SECONDS', 6);
const DOWN_S = num('FAULTS_DOWN_SECONDS', 2);
const DB_OUTAGE_S = num('FAULTS_DB_OUTAGE_SECONDS', 5);
const CUTS_S = num('FAULTS_CUTS_SECONDS', 10);
const CUT_MIN_MS = num('FAULTS_CUT_MIN_MS', 300);
const CUT_MAX_MS = Math.max(CUT_MIN_MS, num('FAULTS_CUT_MAX_MS', 800));
const RETRY_S = num('FAULTS_RETRY_SECONDS', 60);
const REQUEST_TIMEOUT_MS = num('FAULTS_REQUEST_TIMEOUT_MS', 10_000);
const SETTLE_S = num('FAULTS_SETTLE_SECONDS', 60);
const KEEP = process.env.FAULTS_KEEP === '1';
const RECOVERY_GOAL_S = 10;
const ALL_SCENARIOS = ['worker', 'temporal', 'database', 'postgres', 'cuts', 'api-cuts', 'api'] as const;
type ScenarioName = (typeof ALL_SCENARIOS)[number];
const SCENARIOS = (process.env.FAULTS_SCENARIOS ?? ALL_SCENARIOS.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean) as ScenarioName[];
for (const s of SCENARIOS)
  if (!ALL_SCENARIOS.includes(s)) throw new Error(`FAULTS_SCENARIOS: unknown scenario ${s} (${ALL_SCENARIOS})`);
if (RATE <= 0) throw new Error('FAULTS_RATE must be above 0');

const base = testDatabaseUrl();
if (!base) throw new Error('npm run faults needs PostgreSQL: set TEST_DATABASE_URL (or DATABASE_URL)');

const execFileAsync = promisify(execFile);
const now = () => performance.now();
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const log = (message: string) => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------------------------------------------
// The stack: dev server on a file, a fresh database, two proxies, the worker and the API.
const root = projectRoot();
const runId = randomBytes(3).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'shuzhi-faults-'));
const dbFile = join(dataDir, 'temporal.db');
const binaries = await ensureTemporalBinaries({ projectRoot: root, log });
let server: DevServer = await startDevServer({ cli: binaries.cli, uiPort: null, dbFile, log });
const temporalPort = Number(server.address.slice(server.address.lastIndexOf(':') + 1));
const database = await freshDatabase();
if (!database.url) throw new Error('the fresh database has no URL');
const databaseUrl = database.url;
// The suite's own connections go straight to PostgreSQL, never through a proxy.
const sql = postgres(databaseUrl, { max: 3, onnotice: () => {} });
const pg = new URL(databaseUrl);
const target = { host: pg.hostname, port: Number(pg.port || 5432) };
const workerProxy = await startCuttingProxy(target);
const apiProxy = await startCuttingProxy(target);
const through = (proxy: CuttingProxy) => {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
};
const apiPort = await freePort();
const baseUrl = `http://127.0.0.1:${apiPort}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_MODE: 'dev',
  NODE_ENV: 'development',
  RATE_LIMIT_PER_MINUTE: '0',
  TEMPORAL_ADDRESS: server.address,
  LOG_LEVEL: 'info',
  LOG_PRETTY: 'false',
};
// In development neither AUDIT_HMAC_KEY nor SHUZHI_IDENTITY_KEY is required (lib/config.ts): the
// development keys apply. The console need not be built: the API serves it only if it is there.
const worker = new ManagedProcess({
  name: 'worker',
  script: join(root, 'bin', 'worker.ts'),
  cwd: root,
  env: { ...env, DATABASE_URL: through(workerProxy) },
  logFile: join(dataDir, 'worker.log'),
  readyLine: /"msg":"worker started"/,
});
const api = new ManagedProcess({
  name: 'api',
  script: join(root, 'bin', 'api.ts'),
  cwd: root,
  env: { ...env, DATABASE_URL: through(apiProxy), PORT: String(apiPort), HOST: '127.0.0.1' },
  logFile: join(dataDir, 'api.log'),
  readyCheck: async () => (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) })).ok,
});

// ---------------------------------------------------------------------------------------------------
// HTTP as a client sees it: an answer, or why there was none.
type Answer = { status: number; body: any } | { error: string };

function why(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timeout';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

async function call(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  try {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  } catch (error) {
    return { error: why(error) };
  }
}
const kindOf = (a: Answer) => ('error' in a ? a.error : `${a.status}${a.body?.code ? ` ${a.body.code}` : ''}`);
/** Worth the same request again: no answer, a 5xx, or a 429. */
const retryable = (a: Answer) => 'error' in a || a.status >= 500 || a.status === 429;
const backoff = (attempt: number) => Math.min(1000, 100 * 2 ** attempt) + Math.random() * 100;

// ---------------------------------------------------------------------------------------------------
// The load: applications arriving at FAULTS_RATE, each a client's submission and then its approval.
interface Submission {
  n: number;
  client: number;
  key: string;
  purpose: string;
  /** The case ids answered 201 for this key (more than one is a duplicate). */
  ids: Set<string>;
  decided: boolean;
  /** Why the client stopped short of an approval, if it did. */
  failure: string | null;
}

interface Run {
  scenario: ScenarioName;
  prefix: string;
  subs: Submission[];
  /** Every acknowledged case must be `granted` by then: FAULTS_SETTLE_SECONDS after the fault's end. */
  settleBy: number;
  /** Requests that failed and were retried, by what happened. */
  retried: Map<string, number>;
}

let resourceId = '';
let reviewerToken = '';
const staffTokens: string[] = [];

const bodyOf = (s: Submission) => ({
  resourceId,
  purpose: s.purpose,
  dutyBasis: '《政务数据共享条例》',
  usageScope: '本部门',
  periodMonths: 12,
  deliveryMethod: 'api',
});

/** Sends `request` until `settled` says what its answer means, for up to FAULTS_RETRY_SECONDS. */
async function persist(
  run: Run | null,
  request: () => Promise<Answer>,
  settled: (a: Answer & { status: number; body: any }) => 'done' | 'retry' | 'fail',
): Promise<{ ok: true } | { ok: false; why: string }> {
  const giveUpAt = now() + RETRY_S * 1000;
  for (let attempt = 0; ; attempt++) {
    const answer = await request();
    const verdict = 'error' in answer ? 'retry' : settled(answer);
    if (verdict === 'done') return { ok: true };
    if (verdict === 'fail') return { ok: false, why: `answered ${kindOf(answer)}` };
    if (run) run.retried.set(kindOf(answer), (run.retried.get(kindOf(answer)) ?? 0) + 1);
    if (now() > Math.min(giveUpAt, run?.settleBy ?? Infinity))
      return { ok: false, why: `unanswered after ${attempt + 1} attempts (last: ${kindOf(answer)})` };
    await sleep(backoff(attempt));
  }
}

async function submitAndApprove(run: Run | null, s: Submission): Promise<void> {
  const staff = staffTokens[s.client]!;
  const submitted = await persist(
    run,
    () => call('POST', '/api/v1/share-applications', staff, bodyOf(s), { 'idempotency-key': s.key }),
    (a) => {
      if (a.status === 201 && typeof a.body?.id === 'string') {
        s.ids.add(a.body.id);
        return 'done';
      }
      return retryable(a) ? 'retry' : 'fail';
    },
  );
  if (!submitted.ok) {
    s.failure = `submit ${submitted.why}`;
    return;
  }
  const id = [...s.ids][0]!;
  const decided = await persist(
    run,
    () => call('POST', `/api/v1/share-applications/${id}/decision`, reviewerToken, { decision: 'approve' }),
    (a) => {
      // 409 in `granted`: an earlier attempt, unanswered, was applied.
      if ((a.status === 200 || a.status === 409) && a.body?.state === 'granted') return 'done';
      // The case is the workflow's before it is the read model's; a 404 may come before the first record.
      return retryable(a) || a.status === 404 ? 'retry' : 'fail';
    },
  );
  if (decided.ok) s.decided = true;
  else s.failure = `decision ${decided.why}`;
}

/** Runs `fn` over `items`, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Progress: the transitions recorded, as the audit chain numbers them (reference events left out).
async function lastTransition(): Promise<number> {
  // Asked straight of PostgreSQL, which the postgres scenario restarts: a few tries across a restart.
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await sql<{ id: string }[]>`
        select coalesce(max(id), 0)::text as id from audit_events where case_type <> 'reference'`;
      return Number(row!.id);
    } catch (error) {
      if (attempt >= 50) throw error;
      await sleep(200);
    }
  }
}

/** Seconds from `from` until a transition after `baseline` is recorded, or null by `until`. */
async function firstProgress(from: number, baseline: number, until: () => number): Promise<number | null> {
  while (now() < until()) {
    if ((await lastTransition().catch(() => baseline)) > baseline) return (now() - from) / 1000;
    await sleep(100);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The faults. Each calls `recovering()` at the moment it restarts what it killed or ends the fault.
interface Scenario {
  name: ScenarioName;
  title: string;
  inject(recovering: () => Promise<void>): Promise<string[]>;
}

/** Every connection of one process to PostgreSQL reset at random intervals for FAULTS_CUTS_SECONDS. */
function cutting(name: ScenarioName, who: string, proxy: CuttingProxy): Scenario {
  return {
    name,
    title: `${who}↔PostgreSQL connections reset every ${CUT_MIN_MS}–${CUT_MAX_MS} ms for ${CUTS_S} s`,
    async inject(recovering) {
      const cutsBefore = proxy.cuts;
      const cutter = proxy.cutEvery(CUT_MIN_MS, CUT_MAX_MS, 'reset');
      await sleep(CUTS_S * 1000);
      cutter.stop();
      await recovering();
      return [`${proxy.cuts - cutsBefore} ${who} connections reset`];
    },
  };
}

const scenarios: Record<ScenarioName, Scenario> = {
  worker: {
    name: 'worker',
    title: `worker SIGKILLed, restarted after ${DOWN_S} s`,
    async inject(recovering) {
      await worker.kill('SIGKILL');
      await sleep(DOWN_S * 1000);
      await recovering();
      await worker.start();
      return [
        `the restarted worker said "worker started" ${seconds(worker.readyAt - worker.startedAt)} s after its start`,
      ];
    },
  },
  temporal: {
    name: 'temporal',
    title: `Temporal dev server SIGKILLed, restarted on its file after ${DOWN_S} s`,
    async inject(recovering) {
      const pid = devServerPid(dbFile);
      if (!pid) throw new Error('the Temporal dev server process was not found');
      process.kill(pid, 'SIGKILL');
      while (alive(pid)) await sleep(20);
      await sleep(DOWN_S * 1000);
      await recovering();
      const t = now();
      server = await startDevServer({ cli: binaries.cli, port: temporalPort, uiPort: null, dbFile });
      return [`the dev server answered its health check ${seconds(now() - t)} s after its restart`];
    },
  },
  database: {
    name: 'database',
    title: `PostgreSQL unreachable for ${DB_OUTAGE_S} s (both proxies refuse)`,
    async inject(recovering) {
      const cutsBefore = workerProxy.cuts + apiProxy.cuts;
      await Promise.all([workerProxy.pause(), apiProxy.pause()]);
      await sleep(DB_OUTAGE_S * 1000);
      await recovering();
      await Promise.all([workerProxy.resume(), apiProxy.resume()]);
      return [
        `${workerProxy.cuts + apiProxy.cuts - cutsBefore} open connections reset, new ones refused; ` +
          'PostgreSQL itself was not stopped',
      ];
    },
  },
  postgres: {
    name: 'postgres',
    title: `PostgreSQL itself killed (immediate shutdown, no checkpoint) and started again after ${DB_OUTAGE_S} s`,
    async inject(recovering) {
      const cluster = postgresCluster();
      if (!cluster) {
        await recovering();
        return ['not run: no local PostgreSQL cluster that pg_ctlcluster can stop and start (Debian)'];
      }
      // Asynchronously: crash recovery takes seconds, in which the proxies and the clients must go on.
      const ctl = (...args: string[]) =>
        execFileAsync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, ...args]);
      try {
        await ctl('stop', '-m', 'immediate');
      } catch (error) {
        await recovering();
        return [`not run: pg_ctlcluster could not stop the cluster (${(error as Error).message.split('\n')[0]})`];
      }
      let t = now();
      try {
        await sleep(DB_OUTAGE_S * 1000);
        t = now();
      } finally {
        // Whatever happened meanwhile, PostgreSQL is started again: this machine's cluster is shared.
        for (let attempt = 1; ; attempt++) {
          try {
            await ctl('start');
            break;
          } catch (error) {
            if (attempt >= 5) {
              console.error(`PostgreSQL ${cluster.version}/${cluster.name} did NOT start again: start it by hand`);
              throw error;
            }
            await sleep(1000);
          }
        }
      }
      // Recovery counts from the moment PostgreSQL accepts connections again.
      await recovering();
      return [
        `pg_ctlcluster ${cluster.version} ${cluster.name} stop -m immediate (every backend killed, crash ` +
          `recovery at start); started again in ${seconds(now() - t)} s`,
      ];
    },
  },
  'api-cuts': cutting('api-cuts', 'API', apiProxy),
  cuts: cutting('cuts', 'worker', workerProxy),
  api: {
    name: 'api',
    title: `API SIGKILLed, restarted after ${DOWN_S} s`,
    async inject(recovering) {
      await api.kill('SIGKILL');
      await sleep(DOWN_S * 1000);
      await recovering();
      await api.start();
      return [`the restarted API answered /health ${seconds(api.readyAt - api.startedAt)} s after its start`];
    },
  },
};

/**
 * The local PostgreSQL cluster's version when pg_ctlcluster (Debian) can stop and start it and it serves
 * the database of this run on 127.0.0.1:5432; null otherwise (the scenario is then not run).
 */
function postgresCluster(): { version: string; name: string } | null {
  const target = new URL(base!);
  if (!['127.0.0.1', 'localhost'].includes(target.hostname) || (target.port || '5432') !== '5432') return null;
  try {
    const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => /\s5432\s+online\s/.test(l));
    if (!line) return null;
    const [version, name] = line.trim().split(/\s+/);
    return version && name ? { version, name } : null;
  } catch {
    return null;
  }
}

/** A Temporal client for a moment: the dev server may have been restarted since the last one. */
async function withTemporal<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: server.address });
  try {
    return await fn(new Client({ connection }));
  } finally {
    await connection.close();
  }
}

/** Share-application workflows Temporal holds, for submissions under `prefix`, with no row in the read model. */
async function orphanWorkflows(
  client: Client,
  prefix: string,
): Promise<{ id: string; purpose: string; state: string }[]> {
  const known = new Set(
    (await sql<{ id: string }[]>`select id::text from share_applications`).map((r) => shareApplicationWorkflowId(r.id)),
  );
  const orphans: { id: string; purpose: string; state: string }[] = [];
  for await (const wf of client.workflow.list({ query: `WorkflowType = 'shareApplicationWorkflow'` })) {
    if (known.has(wf.workflowId)) continue;
    const view = await client.workflow
      .getHandle(wf.workflowId)
      .query(viewQuery)
      .catch(() => null);
    if (view && view.request.purpose.startsWith(prefix))
      orphans.push({ id: view.id, purpose: view.request.purpose, state: view.state });
  }
  return orphans;
}

/**
 * The read model as the API answers it (GET, state and version) against the workflow's own view, for
 * each case; a disagreement is looked at again for a few seconds (a transition may be on its way).
 */
async function disagreements(client: Client, cases: { id: string }[]): Promise<string[]> {
  const found: string[] = [];
  await pool(cases, 8, async ({ id }) => {
    let problem = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const [got, view] = await Promise.all([
        call('GET', `/api/v1/share-applications/${id}`, reviewerToken),
        client.workflow
          .getHandle(shareApplicationWorkflowId(id))
          .query(viewQuery)
          .catch((error: Error) => error),
      ]);
      if (view instanceof Error) problem = `its workflow does not answer: ${view.message}`;
      else if ('error' in got || got.status !== 200) problem = `the API answers ${kindOf(got)}`;
      else if (got.body.state !== view.state || got.body.version !== view.version)
        problem = `read model ${got.body.state} v${got.body.version}, workflow ${view.state} v${view.version}`;
      else return;
      await sleep(1000);
    }
    found.push(`${id}: ${problem}`);
  });
  return found;
}

interface Row {
  scenario: ScenarioName;
  title: string;
  submitted: number;
  acknowledged: number;
  completed: number;
  lost: number;
  duplicated: number;
  stranded: number;
  unanswered: number;
  exits: number;
  recoverySeconds: number | null;
  transitionsDuringFault: number;
  notes: string[];
}

async function runScenario(scenario: Scenario): Promise<Row> {
  const run: Run = {
    scenario: scenario.name,
    prefix: `faults ${runId} ${scenario.name} `,
    subs: [],
    settleBy: Infinity,
    retried: new Map(),
  };
  const exitsBefore = worker.unexpectedExits.length + api.unexpectedExits.length;
  const flows: Promise<void>[] = [];
  let arriving = true;
  const arrivals = (async () => {
    const t0 = now();
    for (let n = 0; arriving; n++) {
      const wait = t0 + (n * 1000) / RATE - now();
      if (wait > 0) await sleep(wait);
      if (!arriving) break;
      const s: Submission = {
        n,
        client: n % CLIENTS,
        key: `faults-${runId}-${scenario.name}-${n}`,
        purpose: `${run.prefix}${n}`,
        ids: new Set(),
        decided: false,
        failure: null,
      };
      run.subs.push(s);
      flows.push(submitAndApprove(run, s));
    }
  })();

  await sleep(BEFORE_S * 1000);
  const atFault = await lastTransition();
  let recoveredAt = 0;
  let atRecovery = 0;
  let progress: Promise<number | null> = Promise.resolve(null);
  const notes = await scenario.inject(async () => {
    atRecovery = await lastTransition();
    recoveredAt = now();
    run.settleBy = recoveredAt + SETTLE_S * 1000;
    progress = firstProgress(recoveredAt, atRecovery, () => run.settleBy);
  });
  const loadUntil = Math.max(recoveredAt + AFTER_S * 1000, now() + 2000);
  await sleep(loadUntil - now());
  arriving = false;
  await arrivals;
  await Promise.all(flows);
  await Promise.all([worker.whenReady(), api.whenReady()]);

  // Read back every acknowledged case until it is granted or the settle time is up.
  const acked = run.subs.filter((s) => s.ids.size > 0);
  const finals = new Map<string, { status: number; state?: string; version?: number }>();
  const staffFor = (s: Submission) => staffTokens[s.client]!;
  await pool(acked, 8, async (s) => {
    const id = [...s.ids][0]!;
    for (;;) {
      const a = await call('GET', `/api/v1/share-applications/${id}`, staffFor(s));
      if (!('error' in a)) {
        finals.set(id, { status: a.status, state: a.body?.state, version: a.body?.version });
        if (a.status === 200 && a.body?.state === 'granted') return;
      }
      if (now() > run.settleBy) return;
      await sleep(500);
    }
  });
  // The same request with the same key once more, after everything: the same case, or a duplicate.
  await pool(acked, 8, async (s) => {
    const a = await call('POST', '/api/v1/share-applications', staffFor(s), bodyOf(s), { 'idempotency-key': s.key });
    if (!('error' in a) && a.status === 201 && typeof a.body?.id === 'string') s.ids.add(a.body.id);
  });

  // Cases per submission in the read model, and workflows Temporal holds that the read model does not.
  const recorded = await sql<{ id: string; purpose: string; state: string; version: number }[]>`
    select id::text, purpose, state::text, version from share_applications where starts_with(purpose, ${run.prefix})`;
  const casesByPurpose = new Map<string, Set<string>>();
  for (const r of recorded) casesByPurpose.set(r.purpose, (casesByPurpose.get(r.purpose) ?? new Set()).add(r.id));
  const stranded: string[] = [];
  await withTemporal(async (client) => {
    for (const orphan of await orphanWorkflows(client, run.prefix)) {
      casesByPurpose.set(orphan.purpose, (casesByPurpose.get(orphan.purpose) ?? new Set()).add(orphan.id));
      stranded.push(`share-application:${orphan.id}: a workflow (${orphan.state}) with no row in the read model`);
    }
    stranded.push(...(await disagreements(client, recorded)));
  });

  let duplicated = 0;
  const duplicates: string[] = [];
  for (const s of run.subs) {
    const ids = new Set([...s.ids, ...(casesByPurpose.get(s.purpose) ?? [])]);
    if (ids.size > 1) {
      duplicated++;
      duplicates.push(`${s.key}: ${ids.size} cases (${[...ids].join(', ')})`);
    }
  }
  const lostCases: string[] = [];
  let completed = 0;
  for (const s of acked) {
    const id = [...s.ids][0]!;
    const final = finals.get(id);
    if (final?.status === 200 && final.state === 'granted') completed++;
    else
      lostCases.push(
        `${s.key} (${id}): ${final ? (final.status === 200 ? `still ${final.state}` : `GET ${final.status}`) : 'never read back'}` +
          (s.failure ? `; the client: ${s.failure}` : ''),
      );
  }
  const unanswered = run.subs.filter((s) => s.ids.size === 0);
  const unansweredButCreated = unanswered.filter((s) => casesByPurpose.has(s.purpose)).length;
  const exits = worker.unexpectedExits.length + api.unexpectedExits.length - exitsBefore;
  const recoverySeconds = await progress;
  const retried = [...run.retried].map(([k, v]) => `${k} ×${v}`).join(', ');
  return {
    scenario: scenario.name,
    title: scenario.title,
    submitted: run.subs.length,
    acknowledged: acked.length,
    completed,
    lost: lostCases.length,
    duplicated,
    stranded: stranded.length,
    unanswered: unanswered.length,
    exits,
    recoverySeconds: recoverySeconds === null ? null : Math.round(recoverySeconds * 10) / 10,
    transitionsDuringFault: atRecovery - atFault,
    notes: [
      ...notes,
      `${atRecovery - atFault} transitions recorded during the fault; ${recorded.length} cases in the read model ` +
        `checked against their workflows' views`,
      ...(retried ? [`requests retried: ${retried}`] : []),
      ...(unanswered.length
        ? [
            `${unanswered.length} submissions never answered 201 (${unansweredButCreated} of them have a case): ` +
              unanswered
                .slice(0, 3)
                .map((s) => `${s.key} ${s.failure}`)
                .join('; '),
          ]
        : []),
      ...lostCases.slice(0, 5).map((l) => `lost ${l}`),
      ...duplicates.slice(0, 5).map((d) => `duplicated ${d}`),
      ...stranded.slice(0, 5).map((d) => `stranded ${d}`),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
const rows: Row[] = [];
let failed = false;
let endOfRun: { cases: number; acknowledged: number; granted: number; stranded: number; notes: string[] } | null = null;
try {
  log(`worker and API starting (DATABASE_URL through proxies on ports ${workerProxy.port} and ${apiProxy.port})`);
  await Promise.all([worker.start(), api.start()]);
  log(
    `worker ready in ${seconds(worker.readyAt - worker.startedAt)} s, API in ${seconds(api.readyAt - api.startedAt)} s`,
  );

  // One provider with a conditional resource (every application goes to its review), and the applicants.
  const applicants = Array.from({ length: CLIENTS }, (_, i) => `FA${i + 1}`);
  await database.db
    .insert(agencies)
    .values([
      { code: 'FP', name: '提供单位', level: 'municipal' },
      ...applicants.map((code, i) => ({ code, name: `申请单位${i + 1}`, level: 'municipal' as const })),
    ]);
  const [resource] = await database.db
    .insert(catalogResources)
    .values({
      code: 'RFAULTS',
      name: '故障测试数据',
      providerAgency: 'FP',
      description: 'fault suite',
      fields: [{ name: 'a' }, { name: 'b' }],
      shareType: 'conditional',
      openType: 'not_open',
      updateCycle: 'monthly',
      createdBy: 'faults',
    })
    .returning();
  resourceId = resource!.id;
  const token = async (sub: string, roles: string[], agency: string) => {
    const a = await call('POST', '/api/v1/dev/tokens', null, { sub, roles, agency, name: sub });
    if ('error' in a || a.status !== 201) throw new Error(`no dev token for ${sub}: ${kindOf(a)}`);
    return a.body.token as string;
  };
  for (const [i, code] of applicants.entries())
    staffTokens.push(await token(`faults-staff-${i + 1}`, ['agency_staff'], code));
  reviewerToken = await token('faults-reviewer', ['agency_reviewer'], 'FP');

  // Warm-up, not counted: a few applications through the whole path.
  for (let n = 0; n < 3; n++) {
    const s: Submission = {
      n,
      client: n % CLIENTS,
      key: `faults-${runId}-warmup-${n}`,
      purpose: `faults ${runId} warmup ${n}`,
      ids: new Set(),
      decided: false,
      failure: null,
    };
    await submitAndApprove(null, s);
    if (!s.decided) throw new Error(`the warm-up application did not go through: ${s.failure}`);
  }

  for (const [i, name] of SCENARIOS.entries()) {
    const scenario = scenarios[name];
    log(`scenario ${i + 1}/${SCENARIOS.length}: ${scenario.title}`);
    const row = await runScenario(scenario);
    rows.push(row);
    log(
      `  ${row.acknowledged}/${row.submitted} acknowledged, ${row.completed} completed, ${row.lost} lost, ` +
        `${row.duplicated} duplicated, ${row.stranded} stranded, ${row.exits} exits, ` +
        `recovery ${row.recoverySeconds ?? 'none'} s`,
    );
  }

  // After every fault: each case of the run, warm-up included, once more (a later fault may undo an earlier one).
  const prefix = `faults ${runId} `;
  const all = await sql<{ id: string; state: string }[]>`
    select id::text, state::text from share_applications where starts_with(purpose, ${prefix})`;
  const expected = rows.reduce((n, r) => n + r.acknowledged, 3);
  endOfRun = await withTemporal(async (client) => {
    const orphans = await orphanWorkflows(client, prefix);
    const stranded = [
      ...orphans.map((o) => `share-application:${o.id}: a workflow (${o.state}) with no row in the read model`),
      ...(await disagreements(client, all)),
    ];
    return {
      cases: all.length,
      acknowledged: expected,
      granted: all.filter((r) => r.state === 'granted').length,
      stranded: stranded.length,
      notes: stranded.slice(0, 5),
    };
  });
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await Promise.allSettled([api.stop(), worker.stop()]);
  await Promise.allSettled([workerProxy.close(), apiProxy.close()]);
}

// ---------------------------------------------------------------------------------------------------
const pgVersion = (
  await sql<{ v: string }[]>`select current_setting('server_version') as v`.catch(() => [{ v: '?' }])
)[0]!.v;
await sql.end();
await server.stop();
await database.close();
const cliVersion = (() => {
  try {
    return /temporal version (\S+)/.exec(execFileSync(binaries.cli, ['--version']).toString())?.[1] ?? '?';
  } catch {
    return '?';
  }
})();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? '?',
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  postgres: pgVersion,
  temporalCli: cliVersion,
};
const date = new Date().toISOString();
const config = {
  rate: RATE,
  clients: CLIENTS,
  beforeSeconds: BEFORE_S,
  afterSeconds: AFTER_S,
  downSeconds: DOWN_S,
  dbOutageSeconds: DB_OUTAGE_S,
  cutsSeconds: CUTS_S,
  cutMs: [CUT_MIN_MS, CUT_MAX_MS],
  retrySeconds: RETRY_S,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  settleSeconds: SETTLE_S,
};
console.log(
  `\nfault suite — ${date}, ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ` +
    `${machine.node}, PostgreSQL ${machine.postgres} (the system's own, on loopback, each process through a ` +
    `proxy), Temporal CLI ${machine.temporalCli} dev server on a file (SQLite with WAL)`,
);
console.log(
  `${RATE} applications/s from ${CLIENTS} clients, ${BEFORE_S} s before each fault and ${AFTER_S} s after it; ` +
    `retries ${RETRY_S} s per request, settle ${SETTLE_S} s\n`,
);
const header = ['scenario', 'acknowledged', 'completed', 'lost', 'duplicated', 'stranded', 'unanswered', 'exits'];
const widths = [10, 12, 9, 4, 10, 8, 10, 5, 12];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line([...header, 'recovery (s)']));
for (const r of rows)
  console.log(
    line([
      r.scenario,
      String(r.acknowledged),
      String(r.completed),
      String(r.lost),
      String(r.duplicated),
      String(r.stranded),
      String(r.unanswered),
      String(r.exits),
      r.recoverySeconds === null ? 'none' : r.recoverySeconds.toFixed(1),
    ]),
  );
console.log('');
for (const r of rows) {
  console.log(`${r.scenario}: ${r.title}`);
  for (const n of r.notes) console.log(`  - ${n}`);
}
for (const p of [worker, api])
  for (const e of p.unexpectedExits)
    console.log(
      `\n${p === worker ? 'worker' : 'API'} exited on its own (${e.signal ?? `code ${e.code}`}):\n  ${e.tail
        .slice(-10)
        .map((l) => l.slice(0, 300))
        .join('\n  ')}`,
    );
if (worker.errorLines + api.errorLines)
  console.log(
    `\nerror-level log lines: worker ${worker.errorLines}, API ${api.errorLines}; the last: ` +
      [...worker.lastErrors, ...api.lastErrors].slice(-3).join('\n  '),
  );

if (endOfRun)
  console.log(
    `\nat the end, every case of the run again: ${endOfRun.cases} in the read model for ${endOfRun.acknowledged} ` +
      `acknowledged submissions (warm-up included), ${endOfRun.granted} granted, ${endOfRun.stranded} disagreeing ` +
      `with their workflows${endOfRun.notes.map((n) => `\n  - ${n}`).join('')}`,
  );
const workerRow = rows.find((r) => r.scenario === 'worker');
const misses = [
  ...rows.filter((r) => r.lost).map((r) => `${r.scenario}: ${r.lost} lost`),
  ...rows.filter((r) => r.duplicated).map((r) => `${r.scenario}: ${r.duplicated} duplicated`),
  ...rows.filter((r) => r.stranded).map((r) => `${r.scenario}: ${r.stranded} stranded`),
  ...rows.filter((r) => r.exits).map((r) => `${r.scenario}: ${r.exits} exits`),
  ...(workerRow && (workerRow.recoverySeconds === null || workerRow.recoverySeconds > RECOVERY_GOAL_S)
    ? [`worker: recovery ${workerRow.recoverySeconds ?? 'none'} s (goal ≤ ${RECOVERY_GOAL_S} s)`]
    : []),
  ...(rows.length < SCENARIOS.length ? [`only ${rows.length} of ${SCENARIOS.length} scenarios ran`] : []),
  ...(endOfRun && (endOfRun.stranded || endOfRun.granted < endOfRun.acknowledged)
    ? [`at the end: ${endOfRun.granted}/${endOfRun.cases} granted, ${endOfRun.stranded} stranded`]
    : []),
  ...(endOfRun ? [] : ['the end-of-run check did not run']),
];
console.log(
  `\ngoal: nothing lost, duplicated or stranded, no process exits on its own, a killed worker's cases move ` +
    `within ${RECOVERY_GOAL_S} s of its restart — ${misses.length ? `NOT met (${misses.join('; ')})` : 'met'}`,
);
console.log(JSON.stringify({ suite: 'faults', date, machine, config, rows, endOfRun, goalMet: misses.length === 0 }));
if (KEEP || misses.length || failed) console.log(`\nlogs and the dev server's file kept in ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
