// `npm run seed:demo` against a real stack: the demo city's agencies, a catalog of every share and
// open type, cases left in the intended states through their real workflows, a reviewer with work
// waiting, and a second run that creates nothing. On the time-skipping server, so last year's
// assessment runs in a server of its own (the shared dev server's `assessment:<year>` is another
// file's); no test here lets time pass, so no deadline is crossed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCreditCode, validateIdNumber } from '../../lib/identity.js';
import { agencies, people, resources } from '../../scripts/demo/city.js';
import { identifiers, scenarios } from '../../scripts/demo/cases.js';
import { subOf } from '../../scripts/demo/client.js';
import { seedDemo, type SeedSummary } from '../../scripts/seed-demo.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string;
let first: SeedSummary;
const lines: string[] = [];

const list = async (path: string, token = admin): Promise<any[]> => {
  const res = await stack.request('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200`, { token });
  expect(res.status).toBe(200);
  return res.body.items;
};
const tokenOf = (p: { role: string; agency: string | null; name: string }) =>
  stack.token(subOf(p as any), [p.role], ['agency_staff', 'agency_reviewer'].includes(p.role) ? p.agency! : undefined);
/** How many of a process's cases the scenarios leave in each state. */
/** The ids (codes for agencies) of everything the seed could create, list by list. */
const everything = async (): Promise<string[][]> =>
  Promise.all(
    [
      '/api/v1/share-applications',
      '/api/v1/objections',
      '/api/v1/open-data-requests',
      '/api/v1/corrections',
      '/api/v1/catalog/resources',
      '/api/v1/agencies',
    ].map(async (path) => (await list(path)).map((i) => i.id ?? i.code).sort()),
  );
const planned = (process: string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const s of scenarios.filter((x) => x.process === process)) {
    const state = s.steps.filter((st) => !st.onObjection).at(-1)?.expect ?? s.created;
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
};
const counted = (items: { state: string }[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
  return counts;
};

beforeAll(async () => {
  stack = await startStack({}, { timeSkipping: true });
  admin = await stack.token('admin', ['bureau_admin']);
  first = await seedDemo({ baseUrl: stack.baseUrl, log: (l) => lines.push(l) });
}, 120_000);
afterAll(async () => stack?.close());

describe('npm run seed:demo', () => {
  it('registers the city and a catalog with every share type and open type', async () => {
    const codes = (await list('/api/v1/agencies')).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(agencies.map((a) => a.code)));
    expect(first.created.agencies).toBe(agencies.length);
    expect(first.created.resources).toBe(resources.length);
    for (const shareType of ['unconditional', 'conditional', 'not_shared']) {
      expect((await list(`/api/v1/catalog/resources?shareType=${shareType}`)).length, shareType).toBeGreaterThan(0);
    }
    for (const openType of ['unconditional', 'conditional', 'not_open']) {
      expect((await list(`/api/v1/catalog/resources?openType=${openType}`)).length, openType).toBeGreaterThan(0);
    }
    const catalog = await list('/api/v1/catalog/resources');
    expect(catalog.some((r) => r.fields.some((f: any) => f.personal))).toBe(true);
    expect(catalog.filter((r) => r.lastDataUpdateAt).length).toBe(first.created.dataUpdates);
    expect(first.created.dataUpdates).toBeGreaterThan(0);
    const agreement = await stack.request('GET', '/api/v1/agreement-texts/current', { token: admin });
    expect(agreement.body).toMatchObject({ version: 2, title: '滨州市公共数据开放利用协议' });
  });

  it('leaves share applications in the intended states, through their workflows', async () => {
    const apps = await list('/api/v1/share-applications');
    expect(counted(apps)).toEqual(planned('share-application'));
    expect(counted(apps)).toEqual({
      granted: 6,
      pending_review: 3,
      awaiting_supplement: 2,
      rejected: 1,
      withdrawn: 1,
      in_objection: 2,
    });
    const rejected = apps.find((a) => a.state === 'rejected');
    expect(rejected.decision).toMatchObject({
      decision: 'reject',
      legalBasis: expect.stringContaining('个人信息保护法'),
    });
    // The unconditional ones were granted by the automatic pre-check, with nobody deciding.
    const auto = first.cases.find((c) => c.key === 'share-bc-enterprise-registration')!;
    const detail = await stack.request('GET', `/api/v1/share-applications/${auto.id}`, { token: admin });
    expect(detail.body.timeline.map((e: any) => e.action)).toEqual(['submit', 'auto_grant']);
  });

  it('leaves one objection in negotiation and one in coordination with statements and minutes', async () => {
    const objections = await list('/api/v1/objections');
    expect(objections.map((o) => o.state).sort()).toEqual(['coordinating', 'negotiating']);
    const coordinating = objections.find((o) => o.state === 'coordinating');
    expect(coordinating.statements.map((s: any) => s.party)).toEqual(['applicant', 'provider']);
    expect(coordinating.minutes).toHaveLength(1);
    expect(coordinating.coordinator).toMatchObject({ id: subOf(people.coordinator), name: '李娜' });
  });

  it('leaves open-data requests and corrections in their states, with valid identifiers', async () => {
    const requests = await list('/api/v1/open-data-requests');
    expect(counted(requests)).toEqual(planned('open-data-request'));
    expect(counted(requests)).toEqual({ formal_check: 1, provider_review: 1, awaiting_agreement: 1, active: 1 });
    const corrections = await list('/api/v1/corrections');
    expect(counted(corrections)).toEqual(planned('correction'));
    expect(corrections.map((c) => c.state).sort()).toEqual(['corrected', 'verifying']);
    for (const id of [identifiers.citizen, identifiers.researcher]) {
      expect(validateIdNumber(id, '2026-01-01').ok, id).toBe(true);
    }
    for (const code of [identifiers.appCompany, identifiers.creditCompany, identifiers.dissolvedCompany]) {
      expect(validateCreditCode(code).ok, code).toBe(true);
    }
  });

  it("starts last year's assessment for every agency", async () => {
    expect(first.assessment).toMatchObject({ state: 'self_assessment', agencyCount: agencies.length });
    const cycle = await stack.request('GET', `/api/v1/assessment-cycles/${first.assessment!.year}`, { token: admin });
    expect(cycle.body.state).toBe('self_assessment');
  });

  it('gives the reviewer named in the summary her own 待办 and 已办', async () => {
    const wang = first.signIns.find((s) => s.name === '王芳')!;
    expect(wang).toMatchObject({
      roleLabel: '数据审核人',
      agencyName: '滨州市公安局',
      sub: 'agency_reviewer:BZ-PSB:王芳',
    });
    expect(lines.join('\n')).toContain(`以 数据审核人 · 滨州市公安局 · 王芳 登录，待办中有 ${wang.todo} 件`);
    // Signing in as the console does (the same sub) shows the same work.
    const token = await tokenOf(people.psbReviewer);
    const todo = (await stack.request('GET', '/api/v1/work-items', { token })).body.items;
    expect(todo).toHaveLength(wang.todo);
    expect(todo.filter((i: any) => i.process === 'share-application' && i.actions.includes('approve'))).toHaveLength(3);
    expect(todo.some((i: any) => i.process === 'objection')).toBe(true);
    const done = (await stack.request('GET', '/api/v1/work-items?view=done', { token })).body.items;
    expect(done.length).toBeGreaterThanOrEqual(2);
    const li = first.signIns.find((s) => s.name === '李娜')!;
    expect(li.todo).toBeGreaterThanOrEqual(2);
  });

  it('creates nothing on a second run, nor repeats a step on a case someone has moved on since', async () => {
    // A newcomer signed in as 杨帆 supplements the application 王芳 asked a supplement for.
    const asked = first.cases.find((c) => c.key === 'share-hc-family-doctor')!;
    const supplemented = await stack.request('POST', `/api/v1/share-applications/${asked.id}/supplement`, {
      token: await tokenOf(people.hcStaff),
      body: { note: '已补充数据安全管理制度，并改用居民身份信息核验服务。' },
    });
    expect(supplemented.body.state).toBe('pending_review');
    const before = await everything();
    const again: string[] = [];
    const second = await seedDemo({ baseUrl: stack.baseUrl, log: (l) => again.push(l) });
    expect(second.alreadySeeded).toBe(true);
    expect(
      Object.values(second.created).every((n) => n === 0),
      JSON.stringify(second.created),
    ).toBe(true);
    expect(second.notes).toEqual([]);
    expect(second.cases.map((c) => [c.id, c.state])).toEqual(
      first.cases.map((c) => [c.id, c.id === asked.id ? 'pending_review' : c.state]),
    );
    expect(again.join('\n')).toContain('演示数据已齐全');
    expect(await everything()).toEqual(before);
  });

  it('stops with a clear message when the stack is not the development one', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      const detail = 'Route POST:/api/v1/dev/tokens not found';
      res.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND', detail }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(seedDemo({ baseUrl: url, log: () => {} })).rejects.toThrow(/AUTH_MODE=dev/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
