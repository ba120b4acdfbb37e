// GET /api/v1/assessment-cycles: the years assessed, the latest first, for the bureau and assessors;
// and the framework on the answer of one agency, so an agency can name its indicators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, eventually } from '../helpers/assertions.js';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string, coordinator: string, assessor: string, staff: string;
let code: string;
let year: number;

const list = (token?: string) => stack.request('GET', '/api/v1/assessment-cycles', { token });

beforeAll(async () => {
  // Its own (time-skipping) server: a year's cycle runs once per Temporal server, and other files start years too.
  stack = await startStack({}, { timeSkipping: true });
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  assessor = await stack.token('assessor-1', ['assessor']);
  code = uniq('AGL');
  const body = { code, name: `机构${code}`, level: 'municipal' };
  await stack.request('POST', '/api/v1/agencies', { token: admin, body });
  staff = await stack.token('staff', ['agency_staff'], code);
  year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
});
afterAll(async () => stack?.close());

describe('the list of assessment cycles', () => {
  it('is empty before any year is assessed', async () => {
    const res = await list(coordinator);
    expect([res.status, res.body]).toEqual([200, { items: [] }]);
  });

  it('lists the years, the latest first, with state and agency count, to the bureau and assessors only', async () => {
    for (const y of [year - 2, year]) {
      expect(
        (await stack.request('POST', '/api/v1/assessment-cycles', { token: admin, body: { year: y } })).status,
      ).toBe(201);
    }
    const res = await eventually(
      () => list(admin),
      (r) => r.body.items.every((c: any) => c.state !== 'collecting'),
    );
    expect(res.body.items.map((c: any) => c.year)).toEqual([year, year - 2]);
    expect(res.body.items[0]).toMatchObject({
      year,
      state: 'self_assessment',
      agencyCount: 1,
      indicatorsVersion: 'default-v1',
      startedAt: expect.any(String),
      publishedAt: { preliminary: null, final: null },
      closedAt: null,
    });
    expect((await list(coordinator)).body.items).toHaveLength(2);
    expect((await list(assessor)).body.items).toHaveLength(2);
    expectProblem(await list(staff), 403, 'FORBIDDEN');
    expectProblem(await list(), 401, 'UNAUTHENTICATED');
  });

  it("answers one agency's assessment with its cycle's framework: names, weights, floors", async () => {
    const res = await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies/${code}`, { token: staff });
    expect(res.status).toBe(200);
    expect(res.body.indicators).toMatchObject({ version: 'default-v1', grades: { pass: 60 } });
    const catalog = res.body.indicators.indicators.find((i: any) => i.code === 'catalog_completeness');
    expect(catalog).toMatchObject({ name: '目录编制完整性', weight: 20, floor: 60 });
    // A list stays light: the framework is on the cycle.
    const listed = await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies`, { token: admin });
    expect(listed.body.items[0].indicators).toBeUndefined();
  });
});
