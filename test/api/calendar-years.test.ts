// GET /api/v1/calendar/years/:year: a year's calendar in force, as the console's 工作日历 draws it —
// the built-in State Council notice, the bureau's upload over it, or nothing (weekends alone, 暂定).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { eventually, expectProblem } from '../helpers/assertions.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string, citizen: string, staff: string, coordinator: string;
const year = (y: number | string, token = citizen) => stack.request('GET', `/api/v1/calendar/years/${y}`, { token });

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  citizen = await stack.token('citizen', ['public']);
  staff = await stack.token('staff', ['agency_staff'], 'A01');
  coordinator = await stack.token('coordinator', ['bureau_coordinator']);
});
afterAll(async () => stack?.close());

describe('GET /api/v1/calendar/years/:year', () => {
  it('answers a built-in year with its holidays and make-up days, to anyone signed in', async () => {
    const res = await year(2026);
    expect(res.status).toBe(200);
    const builtin = BUILTIN_CALENDAR['2026']!;
    expect(res.body).toEqual({
      year: 2026,
      holidays: [...builtin.holidays].sort(),
      workdays: [...builtin.workdays].sort(),
      source: 'builtin',
    });
    expect(res.body.holidays).toContain('2026-10-01');
    expect(res.body.workdays).toContain('2026-10-10');
  });

  it('answers a year without a calendar as none: empty lists, so only weekends decide', async () => {
    expect((await year(2031)).body).toEqual({ year: 2031, holidays: [], workdays: [], source: 'none' });
  });

  it('answers an uploaded year with who uploaded it and when, over a built-in year too', async () => {
    const put = await stack.request('PUT', '/api/v1/calendar/years/2027', {
      token: admin,
      body: { holidays: ['2027-10-01', '2027-01-01'], workdays: ['2027-10-09'] },
    });
    expect(put.status).toBe(200);
    const res = await year(2027);
    expect(res.body).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-10-01'],
      workdays: ['2027-10-09'],
      source: 'uploaded',
      uploadedBy: 'admin',
      uploadedAt: put.body.uploadedAt,
    });

    // An upload replaces the built-in year of the same number.
    const over = await stack.request('PUT', '/api/v1/calendar/years/2025', {
      token: admin,
      body: { holidays: ['2025-01-01'], workdays: [] },
    });
    expect(over.status).toBe(200);
    expect((await year(2025)).body).toMatchObject({
      source: 'uploaded',
      holidays: ['2025-01-01'],
      workdays: [],
      uploadedBy: 'admin',
    });
  });

  it('needs a signed-in caller and a year in range', async () => {
    expectProblem(await stack.request('GET', '/api/v1/calendar/years/2026'), 401, 'UNAUTHENTICATED');
    expectProblem(await year(1999), 400, 'VALIDATION_FAILED');
    expectProblem(await year('next'), 400, 'VALIDATION_FAILED');
  });
});

describe('PUT /api/v1/calendar/years/:year refusals', () => {
  it('names the list each problem is in, so a form can show it beside the field', async () => {
    const res = await stack.request('PUT', '/api/v1/calendar/years/2028', {
      token: admin,
      body: { holidays: ['2027-12-31', '2028-10-02'], workdays: ['2028-10-04', '2028-10-02'] },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'holidays', message: 'holiday 2027-12-31 is not in 2028' },
        { path: 'workdays', message: 'make-up workday 2028-10-04 is not a Saturday or Sunday' },
        { path: 'workdays', message: '2028-10-02 is listed both as a holiday and as a make-up workday' },
      ]),
    );
    expect((await year(2028)).body.source).toBe('none');
  });
});

describe('the calendar publication job', () => {
  it('answers the upload at once with the job, whose progress the bureau reads until every open case has heard', async () => {
    const put = await stack.request('PUT', '/api/v1/calendar/years/2029', {
      token: admin,
      body: { holidays: ['2029-01-01'], workdays: [] },
    });
    expect(put.status).toBe(200);
    const job = put.body.publication;
    expect(job).toMatchObject({
      year: 2029,
      state: 'running',
      pass: 'open',
      told: 0,
      gone: 0,
      retold: 0,
      publishedBy: 'admin',
      finishedAt: null,
    });
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = () => stack.request('GET', `/api/v1/calendar/publications/${job.id}`, { token: coordinator });
    const heard = await eventually(read, (r) => r.body.pass === 'opened_since');
    expect(heard.status).toBe(200);
    expect(heard.body.told + heard.body.gone).toBe(heard.body.total);
    expect(heard.body.retrying).toBe(0);
  });

  it('is read by the bureau only, by a well-formed id of a job that exists', async () => {
    const put = await stack.request('PUT', '/api/v1/calendar/years/2030', {
      token: admin,
      body: { holidays: ['2030-01-01'], workdays: [] },
    });
    const path = `/api/v1/calendar/publications/${put.body.publication.id}`;
    expectProblem(await stack.request('GET', path), 401, 'UNAUTHENTICATED');
    expectProblem(await stack.request('GET', path, { token: staff }), 403, 'FORBIDDEN');
    expectProblem(
      await stack.request('GET', '/api/v1/calendar/publications/00000000-0000-4000-8000-000000000000', {
        token: admin,
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('GET', '/api/v1/calendar/publications/job-1', { token: admin }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
