// `npm run bench`: an assessment cycle (年度评估) for 1,000 and 2,000 generated agencies on a real
// Temporal dev server and a real database, timed from the start request until every agency has its
// metrics and the cycle is in self_assessment, beside a baseline measured in the same run: the same
// metrics computed directly, one agency after another, with no workflow at all. It also reports
// the largest workflow history of each run (the fan-out must keep every one far below Temporal's
// 51,200 events). Sizes: BENCH_SIZES=1000,2000. Database: TEST_DATABASE_URL / DATABASE_URL, else PGlite.
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { sql } from 'drizzle-orm';
import { computeAgencyMetrics, getCycle, listCycleAgencies } from '../db/queries/assessment.js';
import { createLogger } from '../lib/logger.js';
import { ensureTemporalBinaries, projectRoot, startDevServer } from '../lib/temporal-cli.js';
import { createWorker } from '../lib/worker.js';
import { defaultPolicy } from '../policy/index.js';
import { assessmentCycleWorkflowId, cycleOpenedUpdate } from '../workflows/assessment/messages.js';
import type { CycleInput } from '../workflows/assessment/types.js';
import { freshDatabase } from '../test/helpers/db.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const sizes = (process.env.BENCH_SIZES ?? '1000,2000').split(',').map(Number);
const binaries = await ensureTemporalBinaries({ projectRoot: projectRoot(), log: (m) => console.log(m) });
const server = await startDevServer({ cli: binaries.cli, uiPort: null });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });
const nativeConnection = await NativeConnection.connect({ address: server.address });

interface Row {
  agencies: number;
  baselineS: number;
  cycleS: number;
  perSecond: number;
  cycleEvents: number;
  batchEvents: number;
  agencyEvents: number;
  runs: number;
}
const rows: Row[] = [];

async function historyLength(workflowId: string, runId?: string): Promise<number> {
  return (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events?.length ?? 0;
}

try {
  for (const [index, n] of sizes.entries()) {
    // Each size assesses a year of its own: one server holds every run's workflows, and a year runs once.
    const year = 2025 - index;
    const database = await freshDatabase();
    const db = database.db;
    // n agencies, each providing one catalogued resource, written in one statement each.
    await db.execute(
      sql`insert into agencies (code, name, level) select 'B' || lpad(i::text, 5, '0'), '机构' || i, 'county' from generate_series(1, ${n}) i`,
    );
    await db.execute(sql`insert into catalog_resources (code, name, provider_agency, description, fields, share_type, open_type, update_cycle, created_by, created_at)
      select 'RB' || lpad(i::text, 5, '0'), '数据' || i, 'B' || lpad(i::text, 5, '0'), 'generated', '[{"name":"a"}]'::jsonb, 'unconditional', 'unconditional', 'monthly', 'bench', ${`${year}-03-01T00:00:00Z`}::timestamptz
      from generate_series(1, ${n}) i`);

    // Baseline: every agency's metrics computed directly, one after another, in this process.
    const codes = (await db.execute(sql`select code from agencies order by code`)) as unknown as
      { rows?: { code: string }[] } | { code: string }[];
    const list = Array.isArray(codes) ? codes : (codes.rows ?? []);
    const t0 = performance.now();
    for (const { code } of list) await computeAgencyMetrics(db, year, code);
    const baselineS = (performance.now() - t0) / 1000;

    const taskQueue = `bench-${randomUUID()}`;
    const worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      deps: { db, logger: createLogger({ level: 'silent' }), temporal: client },
      maxCachedWorkflows: n + 100,
      maxConcurrentActivities: 50,
    });
    const running = worker.run();
    try {
      const input: CycleInput = {
        year,
        indicatorsVersion: null,
        startedBy: { id: 'bench', role: 'bureau_admin', agency: null },
        policy: defaultPolicy.assessment,
      };
      const t1 = performance.now();
      const handle = await client.workflow.start('assessmentCycleWorkflow', {
        workflowId: assessmentCycleWorkflowId(year),
        taskQueue,
        args: [input],
      });
      await handle.executeUpdate(cycleOpenedUpdate);
      for (;;) {
        const cycle = await getCycle(db, year);
        if (cycle?.state === 'self_assessment') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const cycleS = (performance.now() - t1) / 1000;

      // Largest histories: every run of the cycle, every batch, a sample of agencies.
      const runIds: string[] = [];
      for await (const w of client.workflow.list({ query: `WorkflowId = '${assessmentCycleWorkflowId(year)}'` }))
        runIds.push(w.runId);
      const cycleEvents = Math.max(
        await historyLength(assessmentCycleWorkflowId(year)),
        ...(await Promise.all(runIds.map((r) => historyLength(assessmentCycleWorkflowId(year), r)))),
      );
      const agencies = await listCycleAgencies(db, year, null, n);
      const batches = agencies
        .filter((_, i) => i % 100 === 0)
        .map((a) => `${assessmentCycleWorkflowId(year)}:batch:${a.code}`);
      const batchEvents = Math.max(...(await Promise.all(batches.map((id) => historyLength(id)))));
      const sample = agencies.filter((_, i) => i % Math.max(1, Math.floor(n / 20)) === 0);
      const agencyEvents = Math.max(
        ...(await Promise.all(sample.map((a) => historyLength(`${assessmentCycleWorkflowId(year)}:${a.code}`)))),
      );
      rows.push({
        agencies: n,
        baselineS,
        cycleS,
        perSecond: n / cycleS,
        cycleEvents,
        batchEvents,
        agencyEvents,
        runs: Math.max(1, runIds.length),
      });
      console.log(
        `${n} agencies: metrics directly ${baselineS.toFixed(1)} s, cycle to self_assessment ${cycleS.toFixed(1)} s`,
      );
      await handle.terminate('benchmark done');
    } finally {
      worker.shutdown();
      await running;
      await database.close();
    }
  }
} finally {
  await nativeConnection.close();
  await connection.close();
  await server.stop();
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · database ${process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} · Temporal dev server (SQLite)\n`,
);
console.log(
  '| agencies | baseline: metrics computed directly (s) | cycle: start → self_assessment (s) | agencies/s | largest cycle history (events) | largest batch history | largest agency history |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.agencies} | ${r.baselineS.toFixed(1)} | ${r.cycleS.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${r.cycleEvents} (${r.runs} run${r.runs > 1 ? 's' : ''}) | ${r.batchEvents} | ${r.agencyEvents} |`,
  );
