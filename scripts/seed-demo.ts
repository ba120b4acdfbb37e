// `npm run seed:demo [url]`: fills an empty development stack with a small, realistic city (滨州市)
// through the public HTTP API only — agencies, a catalog, an agreement text, cases in many states and
// last year's assessment — so a newcomer signing in to the console sees work at once. Idempotent:
// a second run finds everything in place and creates nothing.
import { pathToFileURL } from 'node:url';
import { processLabels, roleLabels } from '../workflows/common/glossary.js';
import { localDate } from '../workflows/common/working-days.js';
import { DEFAULT_AGREEMENT } from '../db/queries/open-data-request.js';
import { Api, SeedError, subOf, waitFor, type Person } from './demo/client.js';
import { agencies, agencyName, agreement, dataUpdates, people, resources } from './demo/city.js';
import { scenarios } from './demo/cases.js';
import { pool, runScenario, type ScenarioResult } from './demo/engine.js';

export interface SeedOptions {
  baseUrl: string;
  /** Start the assessment of the previous year too (default true). */
  assessment?: boolean;
  log?: (line: string) => void;
}

export interface SignIn {
  role: Person['role'];
  roleLabel: string;
  agency: string | null;
  agencyName: string | null;
  name: string;
  sub: string;
  /** Items in the person's 待办 (GET /api/v1/work-items), by process. */
  todo: number;
  todoByProcess: Record<string, number>;
}

export interface SeedSummary {
  baseUrl: string;
  /** Every demo agency was already registered when the run began. */
  alreadySeeded: boolean;
  created: {
    agencies: number;
    resources: number;
    dataUpdates: number;
    agreements: number;
    cases: number;
    objections: number;
    steps: number;
    assessmentCycles: number;
  };
  cases: ScenarioResult[];
  assessment: { year: number; state: string; agencyCount: number } | null;
  signIns: SignIn[];
  notes: string[];
}

/** Who the summary suggests signing in as: a reviewer, the bureau, an applicant, a citizen. */
const suggested: Person[] = [people.psbReviewer, people.coordinator, people.zhStaff, people.researcher, people.admin];

export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const api = new Api(baseUrl);
  const created: SeedSummary['created'] = {
    agencies: 0,
    resources: 0,
    dataUpdates: 0,
    agreements: 0,
    cases: 0,
    objections: 0,
    steps: 0,
    assessmentCycles: 0,
  };
  const notes: string[] = [];
  log(`数治演示数据 → ${baseUrl}`);

  const admin = await api.token(people.admin);

  // ---- agencies (公共管理和服务机构) ----
  const known = new Set((await api.all<{ code: string }>('/api/v1/agencies', admin)).map((a) => a.code));
  const alreadySeeded = agencies.every((a) => known.has(a.code));
  if (alreadySeeded) log(`演示机构已存在（${agencies.length} 个），只补充缺少的部分。`);
  for (const a of agencies.filter((x) => !known.has(x.code))) {
    const res = await api.call('POST', '/api/v1/agencies', { token: admin, body: a, allow: [409] });
    if (res.status === 201) created.agencies++;
  }

  // ---- catalog (公共数据资源目录) and data updates ----
  type Resource = { code: string; id: string; lastDataUpdateAt: string | null };
  const byCode = new Map((await api.all<Resource>('/api/v1/catalog/resources', admin)).map((r) => [r.code, r]));
  for (const r of resources.filter((x) => !byCode.has(x.code))) {
    const row = await api.post<Resource>('/api/v1/catalog/resources', admin, r);
    byCode.set(row.code, row);
    created.resources++;
  }
  for (const u of dataUpdates) {
    const r = byCode.get(u.resource)!;
    if (r.lastDataUpdateAt) continue;
    const at = new Date(Date.now() - u.hoursAgo * 3_600_000).toISOString();
    await api.post(`/api/v1/catalog/resources/${r.id}/data-updates`, await api.token(u.by), { at });
    created.dataUpdates++;
  }

  // ---- the open-data use agreement (公共数据开放利用协议), before any request is approved ----
  type Agreement = { version: number; title: string; body: string };
  const current = (await api.get<Agreement>('/api/v1/agreement-texts/current', admin)).body;
  // The built-in version 1 is a placeholder: the city publishes its own text over it.
  const placeholder =
    current.version === 1 && current.title === DEFAULT_AGREEMENT.title && current.body === DEFAULT_AGREEMENT.body;
  if (placeholder) {
    await api.post('/api/v1/agreement-texts', admin, agreement);
    created.agreements++;
  } else if (current.title !== agreement.title) {
    notes.push(`开放利用协议沿用现行第 ${current.version} 版《${current.title}》。`);
  }

  // ---- cases, a few at a time; the bureau sees every case, so what exists already is known ----
  const existing = new Set<string>();
  for (const path of ['/api/v1/share-applications', '/api/v1/open-data-requests', '/api/v1/corrections']) {
    for (const c of await api.all<{ id: string }>(path, admin)) existing.add(c.id);
  }
  const results = await pool(scenarios, 4, (s) => runScenario(api, s, byCode.get(s.resource)!.id, existing));
  for (const r of results) {
    if (r.created) created.cases++;
    if (r.objectionCreated) created.objections++;
    created.steps += r.steps;
    if (r.skipped) notes.push(`${r.key}（${r.id}）此后已有人办理，未再推进：${r.skipped}`);
  }

  // ---- last year's assessment (年度评估) ----
  let assessment: SeedSummary['assessment'] = null;
  if (options.assessment !== false) {
    const year = Number(localDate(Date.now()).slice(0, 4)) - 1;
    const cyclePath = `/api/v1/assessment-cycles/${year}`;
    type Cycle = { state: string; agencyCount: number };
    let cycle = await api.get<Cycle>(cyclePath, admin, [404]);
    if (cycle.status === 404) {
      const started = await api.call<Cycle>('POST', '/api/v1/assessment-cycles', {
        token: admin,
        body: { year },
        headers: { 'idempotency-key': `seed-demo:assessment:${year}` },
        allow: [409],
      });
      if (started.status === 201) created.assessmentCycles++;
      else
        notes.push(
          `${year} 年度评估未能启动：${(started.body as unknown as { detail?: string }).detail ?? started.status}`,
        );
      cycle = await api.get<Cycle>(cyclePath, admin, [404]);
    }
    if (cycle.status === 200) {
      // Metrics are collected asynchronously; the cycle opens self-assessment when they are in.
      const ready = await waitFor(
        () => api.get<Cycle>(cyclePath, admin),
        (c) => c.body.state !== 'collecting',
        `${year} 年度评估完成指标采集`,
        60_000,
      );
      assessment = { year, state: ready.body.state, agencyCount: ready.body.agencyCount };
    }
  }

  // ---- who to sign in as ----
  const signIns: SignIn[] = [];
  for (const person of suggested) {
    const items = await api.all<{ process: string }>('/api/v1/work-items', await api.token(person));
    const todoByProcess: Record<string, number> = {};
    for (const i of items) todoByProcess[i.process] = (todoByProcess[i.process] ?? 0) + 1;
    signIns.push({
      role: person.role,
      roleLabel: roleLabels[person.role],
      name: person.name,
      sub: subOf(person),
      agency: person.agency,
      agencyName: person.agency ? agencyName(person.agency) : null,
      todo: items.length,
      todoByProcess,
    });
  }

  const summary: SeedSummary = { baseUrl, alreadySeeded, created, cases: results, assessment, signIns, notes };
  printSummary(summary, log);
  return summary;
}

function printSummary(s: SeedSummary, log: (line: string) => void): void {
  const c = s.created;
  const byProcess = (process: string) => s.cases.filter((r) => r.process === process && r.created).length;
  log('');
  if (Object.values(c).every((n) => n === 0)) {
    log('演示数据已齐全，未作任何改动。');
  } else {
    const kinds = [
      `${processLabels['share-application']} ${byProcess('share-application')}`,
      `${processLabels.objection} ${c.objections}`,
      `${processLabels['open-data-request']} ${byProcess('open-data-request')}`,
      `${processLabels.correction} ${byProcess('correction')}`,
    ];
    log(
      `本次新建：机构 ${c.agencies} 个，数据资源 ${c.resources} 项（数据更新 ${c.dataUpdates} 次），开放利用协议 ${c.agreements} 版，` +
        `案件 ${c.cases + c.objections} 件（${kinds.join('、')}），办理 ${c.steps} 步。`,
    );
  }
  if (s.assessment) {
    log(
      `${s.assessment.year} 年度评估：${c.assessmentCycles ? '已启动' : '已存在'}，${s.assessment.agencyCount} 个机构。`,
    );
  }
  for (const n of s.notes) log(`注意：${n}`);
  log('');
  log(`打开 ${s.baseUrl}/console/ ，在登录页选择角色、机构（公众用户不选）并输入姓名，例如：`);
  for (const x of s.signIns) {
    const who = [x.roleLabel, x.agencyName, x.name].filter(Boolean).join(' · ');
    const todo = Object.entries(x.todoByProcess)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${processLabels[p as keyof typeof processLabels] ?? p} ${n}`)
      .join('、');
    log(`  以 ${who} 登录，待办中有 ${x.todo} 件${todo ? `（${todo}）` : ''}`);
  }
}

// The CLI: `tsx scripts/seed-demo.ts [url] [--no-assessment]`.
const invoked = process.argv[1] ? import.meta.url === pathToFileURL(process.argv[1]).href : false;
if (invoked) {
  const args = process.argv.slice(2);
  const baseUrl = args.find((a) => !a.startsWith('--')) ?? process.env.SHUZHI_URL ?? 'http://127.0.0.1:3000';
  seedDemo({ baseUrl, assessment: !args.includes('--no-assessment') }).catch((error: unknown) => {
    console.error(
      `\n演示数据未完成：${error instanceof SeedError ? error.message : ((error as Error).stack ?? String(error))}`,
    );
    process.exitCode = 1;
  });
}
