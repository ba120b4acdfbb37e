// Hostile input (issue: hardening): every string in a body, a query or a decoded cursor is well-formed
// Unicode without NUL; bodies nest shallowly; a write without a token is refused before its body is
// read; forged cursors and out-of-range instants are 400. Each answered with a problem, never a 500,
// and the case a refused request aimed at still acts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

let stack: Stack;
let admin: string, staff: string, reviewer: string;
let provider: string, resourceId: string;

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** POSTs a body exactly as given (not re-encoded), with a token unless `token` is null. */
async function rawPost(path: string, body: string, token: string | null) {
  const res = await fetch(stack.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: JSON.parse(text) };
}

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  const applicant = uniq('APP');
  provider = uniq('PRV');
  for (const code of [applicant, provider])
    expect(
      (
        await stack.request('POST', '/api/v1/agencies', {
          token: admin,
          body: { code, name: code, level: 'municipal' },
        })
      ).status,
    ).toBe(201);
  staff = await stack.token('staff', ['agency_staff'], applicant);
  reviewer = await stack.token('reviewer', ['agency_reviewer'], provider);
  const created = await stack.request('POST', '/api/v1/catalog/resources', {
    token: admin,
    body: {
      code: uniq('R'),
      name: '企业登记信息',
      providerAgency: provider,
      fields: [{ name: 'name' }, { name: 'licence_no' }],
      shareType: 'conditional',
      openType: 'not_open',
      legalBasis: '《数据安全法》第三十八条',
      updateCycle: 'monthly',
    },
  });
  expect(created.status).toBe(201);
  resourceId = created.body.id;
});
afterAll(async () => stack?.close());

const apply = async () => {
  const res = await stack.request('POST', '/api/v1/share-applications', {
    token: staff,
    body: {
      resourceId,
      purpose: '企业开办审批核验',
      dutyBasis: '《市场主体登记管理条例》',
      usageScope: '本部门',
      periodMonths: 12,
      deliveryMethod: 'api',
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

describe('text that is not well-formed', () => {
  it('refuses a lone surrogate in a reason with 400 naming the field, and the case still acts', async () => {
    const id = await apply();
    const decide = (reason: string) =>
      stack.request('POST', `/api/v1/share-applications/${id}/decision`, {
        token: reviewer,
        body: { decision: 'reject', reason, legalBasis: '《数据安全法》第三十八条' },
      });
    for (const bad of ['\ud800', 'a\udc00b', 'end\udbff']) {
      const res = await decide(bad);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ path: 'reason', message: expect.stringContaining('lone surrogate') }]);
    }
    // A well-formed pair (an emoji, a rare character beyond the BMP) is text like any other.
    const ok = await decide('不符合条件 𠀀 😀');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'rejected', decision: { reason: '不符合条件 𠀀 😀' } });
    const read = await stack.request('GET', `/api/v1/share-applications/${id}`, { token: reviewer });
    expect(read.body.state).toBe('rejected');
  });

  it('refuses NUL and lone surrogates in nested fields, keys and the query string', async () => {
    const nested = await stack.request('POST', '/api/v1/share-applications', {
      token: staff,
      body: { resourceId, purpose: 'x', fields: ['name', 'bad\u0000'] },
    });
    expectProblem(nested, 400, 'VALIDATION_FAILED');
    expect(nested.body.errors).toContainEqual({ path: 'fields.1', message: 'contains a NUL character' });
    const key = await stack.request('POST', '/api/v1/share-applications', {
      token: staff,
      body: { resourceId, ['\ud800']: 'x' },
    });
    expectProblem(key, 400, 'VALIDATION_FAILED');
    expect(key.body.errors[0].message).toMatch(/^its name .*lone surrogate/);
    const query = await stack.request('GET', '/api/v1/share-applications?state=%00', { token: staff });
    expectProblem(query, 400, 'VALIDATION_FAILED');
    expect(query.body.errors).toContainEqual({ path: 'querystring.state', message: 'contains a NUL character' });
  });
});

describe('deep and anonymous bodies', () => {
  it.each([10_000, 500_000])('answers a body nested %i deep with 400, not a stack overflow', async (depth) => {
    const res = await rawPost('/api/v1/share-applications', '['.repeat(depth) + ']'.repeat(depth), staff);
    expectProblem(
      res,
      depth * 2 > 1024 * 1024 ? 413 : 400,
      depth * 2 > 1024 * 1024 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
    );
    const object = '{"a":'.repeat(Math.min(depth, 100_000)) + '1' + '}'.repeat(Math.min(depth, 100_000));
    const deep = await rawPost('/api/v1/share-applications', object, staff);
    expectProblem(deep, 400, 'VALIDATION_FAILED');
    expect(deep.body.detail).toMatch(/nests more than 32 levels deep/);
    expect((await stack.request('GET', '/health')).status).toBe(200);
  });

  it('refuses a write without a token before it reads the body (even a malformed one)', async () => {
    const res = await rawPost('/api/v1/share-applications', '{"not json', null);
    expectProblem(res, 401, 'UNAUTHENTICATED');
    // With a token, the same body is read and found malformed.
    expectProblem(await rawPost('/api/v1/share-applications', '{"not json', staff), 400, 'VALIDATION_FAILED');
  });
});

describe('forged cursors and instants', () => {
  it('answers cursors decoding to year 0000, a NUL or a lone surrogate with 400', async () => {
    const forged = [
      ['/api/v1/share-applications', cursorOf({ at: '0000-01-01T00:00:00.000Z', id: crypto.randomUUID() })],
      ['/api/v1/notifications', cursorOf({ at: '0000-01-01T00:00:00.000Z', id: crypto.randomUUID() })],
      ['/api/v1/corrections', cursorOf({ at: '0001-01-01T00:00:00.000Z', id: crypto.randomUUID() })],
      ['/api/v1/agencies', cursorOf({ code: 'A\u0000' })],
      ['/api/v1/agencies', cursorOf({ code: 'A\ud800' })],
    ] as const;
    for (const [path, cursor] of forged) {
      const res = await stack.request('GET', `${path}?cursor=${cursor}`, { token: admin });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ path: 'querystring.cursor', message: 'invalid cursor' }]);
    }
  });

  it('refuses a data update dated in year 0000 or 0001 and stores one in range as written', async () => {
    const update = (at: string) =>
      stack.request('POST', `/api/v1/catalog/resources/${resourceId}/data-updates`, { token: reviewer, body: { at } });
    for (const at of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z']) {
      const res = await update(at);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0].path).toBe('at');
    }
    const ok = await update('2026-11-30T08:00:00+08:00');
    expect(ok.status).toBe(201);
    expect(ok.body.at).toBe('2026-11-30T00:00:00.000Z');
  });
});
