// `npm run bench:work-list`: the work list (待办) with 10,000 open cases in the database. Times the
// first page of GET /api/v1/work-items server-side (Fastify's inject: routing, auth, the query, the
// rules' `actions` for 50 items, serialisation), beside two baselines measured in the same run: the
// lightest authenticated endpoint (GET /api/v1/session) and the work list's SQL on its own.
// Sizes: BENCH_CASES=10000. Database: TEST_DATABASE_URL / DATABASE_URL, else PGlite.
import { cpus, totalmem } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { buildApp } from '../api/app.js';
import { saveCaseWork, listTodo } from '../db/queries/case.js';
import { parseConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { defaultPolicy } from '../policy/index.js';
import { shareApplicationWork } from '../workflows/share-application/rules.js';
import type { ShareApplicationView } from '../workflows/share-application/types.js';
import { addWorkingDays, endOfLocalDay, localDate } from '../workflows/common/working-days.js';
import { BUILTIN_CALENDAR } from '../workflows/common/calendar-data.js';
import { freshDatabase } from '../test/helpers/db.js';

const total = Number(process.env.BENCH_CASES ?? 10_000);
const providers = 20;
const rounds = 300;

const database = await freshDatabase();
const db = database.db;
const today = localDate(Date.now());

/** An open application awaiting review, with a deadline spread over the next weeks. */
function view(i: number): ShareApplicationView {
  const provider = `P${String(i % providers).padStart(2, '0')}`;
  const { due } = addWorkingDays(today, 1 + (i % 15), BUILTIN_CALENDAR);
  const at = new Date(Date.now() - (i % 20) * 86_400_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    state: 'pending_review',
    overdue: false,
    version: 1,
    applicantAgency: `A${String(i % 50).padStart(2, '0')}`,
    providerAgency: provider,
    resource: {
      id: 'r',
      code: `R${i % 300}`,
      name: `数据资源${i % 300}`,
      providerAgency: provider,
      shareType: 'conditional',
      legalBasis: '《数据安全法》',
      fields: ['a', 'b'],
    },
    request: {
      fields: ['a'],
      purpose: '核验',
      dutyBasis: '条例',
      usageScope: '本部门',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: null,
    },
    reviewDue: { from: today, days: 10, dueDate: due, dueAt: endOfLocalDay(due), provisional: false },
    supplementDue: null,
    objectionDue: null,
    missing: null,
    decision: null,
    extension: null,
    supplements: [],
    renewal: null,
    urgedCount: 0,
    objectionId: null,
    grant: null,
    submittedBy: { id: 's', role: 'agency_staff', agency: 'A00' },
    submittedAt: at,
    updatedAt: at,
  };
}

const t0 = performance.now();
for (let i = 0; i < total; i += 500) {
  await db.transaction(async (tx) => {
    for (let j = i; j < Math.min(total, i + 500); j++)
      await saveCaseWork(tx, shareApplicationWork(view(j), defaultPolicy.share, Date.now()));
  });
}
console.log(`${total} open cases written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const config = parseConfig({}, { AUTH_MODE: 'dev', NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '0' });
const app = await buildApp({
  database,
  temporal: new Client({ connection: Connection.lazy() }),
  config,
  logger: createLogger({ level: 'silent' }),
});
await app.ready();
const mint = async (body: object) =>
  (await app.inject({ method: 'POST', url: '/api/v1/dev/tokens', payload: body })).json().token as string;
const reviewer = await mint({ sub: 'bench-reviewer', roles: ['agency_reviewer'], agency: 'P07' });
const clerk = await mint({ sub: 'bench-clerk', roles: ['agency_staff'], agency: 'A07' });
const coordinator = await mint({ sub: 'bench-coordinator', roles: ['bureau_coordinator'] });

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
async function time(label: string, run: () => Promise<void>) {
  for (let i = 0; i < 20; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    await run();
    ms.push(performance.now() - s);
  }
  return { label, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}
const inject = (url: string, token: string) => async () => {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
};
const person = { sub: 'bench-reviewer', roles: ['agency_reviewer'] as const, agency: 'P07' };
const rows = [
  await time('GET /api/v1/session (baseline: auth + a tiny answer)', inject('/api/v1/session', reviewer)),
  await time('work list SQL alone, first page (listTodo)', async () => {
    await listTodo(db, person, {}, 50, null);
  }),
  await time(
    `GET /api/v1/work-items, reviewer with ${total / providers} cases`,
    inject('/api/v1/work-items', reviewer),
  ),
  await time('GET /api/v1/work-items?view=watching, reviewer', inject('/api/v1/work-items?view=watching', reviewer)),
  await time(
    'GET /api/v1/work-items?q=数据资源7, reviewer',
    inject(`/api/v1/work-items?q=${encodeURIComponent('数据资源7')}`, reviewer),
  ),
  await time('GET /api/v1/work-items, clerk with nothing to do', inject('/api/v1/work-items', clerk)),
  await time(
    `GET /api/v1/work-items?view=watching, bureau (all ${total} open)`,
    inject('/api/v1/work-items?view=watching', coordinator),
  ),
];

console.log(
  `\n${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${database.kind}`,
);
console.log(`${'measured'.padEnd(64)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
for (const r of rows)
  console.log(`${r.label.padEnd(64)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`);
console.log('\ngoal: the first page under 50 ms p99, server-side');
await app.close();
await database.close();
