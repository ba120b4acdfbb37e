// The HTTP contract of docs/api.md P5 corrections over a real stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, eventually } from '../helpers/assertions.js';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string,
  citizen: string,
  neighbour: string,
  reviewerP: string,
  staffP: string,
  reviewerO: string,
  reviewerX: string;
let provider: string, owner: string, resourceId: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  [provider, owner] = [uniq('PRV'), uniq('OWN')];
  const other = uniq('OTH');
  for (const code of [provider, owner, other])
    await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
  citizen = await stack.token('citizen-1', ['public']);
  neighbour = await stack.token('citizen-2', ['public']);
  reviewerP = await stack.token('rev-p', ['agency_reviewer'], provider);
  staffP = await stack.token('staff-p', ['agency_staff'], provider);
  reviewerO = await stack.token('rev-o', ['agency_reviewer'], owner);
  reviewerX = await stack.token('rev-x', ['agency_reviewer'], other);
  resourceId = (
    await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '企业登记',
        providerAgency: provider,
        fields: [{ name: 'name' }, { name: 'address' }],
        shareType: 'unconditional',
        openType: 'unconditional',
        updateCycle: 'daily',
      },
    })
  ).body.id;
});
afterAll(async () => stack?.close());

const reportError = () =>
  stack.request('POST', '/api/v1/corrections', {
    token: citizen,
    body: {
      resourceId,
      recordRef: 'REC-9',
      field: 'address',
      currentValue: '一路1号',
      claimedValue: '一路11号',
      description: '门牌号错误',
    },
  });
const disputed = async () =>
  (await stack.request('GET', `/api/v1/catalog/resources/${resourceId}`, { token: citizen })).body.disputed as boolean;

describe('corrections', () => {
  it('routes a report to the provider with its verification deadline and marks the resource disputed', async () => {
    const res = await reportError();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'verifying',
      assignedAgency: provider,
      overdue: false,
      reporterId: 'citizen-1',
    });
    expect(res.body.verifyDueAt).toBe(`${res.body.verifyDueDate}T15:59:59.999Z`);
    expect(await disputed()).toBe(true);
  });

  it('refuses bad reports with 400 naming the field', async () => {
    const bad = await stack.request('POST', '/api/v1/corrections', {
      token: citizen,
      body: { resourceId, recordRef: '', description: 'x', field: 'salary' },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((e: any) => e.path)).toContain('recordRef');
    const unknownField = await stack.request('POST', '/api/v1/corrections', {
      token: citizen,
      body: { resourceId, recordRef: 'R', description: 'x', field: 'salary' },
    });
    expect(unknownField.body.errors).toEqual([{ path: 'field', message: expect.any(String) }]);
    expectProblem(
      await stack.request('POST', '/api/v1/corrections', { body: { resourceId, recordRef: 'R', description: 'x' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('checks the claimed value of an identifier field as a form would: the check digit, the check character', async () => {
    const withIds = (
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: {
          code: uniq('R'),
          name: '企业法人',
          providerAgency: provider,
          fields: [{ name: '统一社会信用代码' }, { name: 'holder', type: 'id_number' }],
          shareType: 'unconditional',
          openType: 'unconditional',
          updateCycle: 'daily',
        },
      })
    ).body.id as string;
    const report = (field: string, claimedValue: string) =>
      stack.request('POST', '/api/v1/corrections', {
        token: citizen,
        body: {
          resourceId: withIds,
          recordRef: 'REC-1',
          field,
          currentValue: 'x',
          claimedValue,
          description: '号码有误',
        },
      });
    const badId = await report('holder', '110105194912310021');
    expectProblem(badId, 400, 'VALIDATION_FAILED');
    expect(badId.body.errors).toEqual([{ path: 'claimedValue', message: expect.stringContaining('check') }]);
    const badCode = await report('统一社会信用代码', '91350100M000100Y44');
    expectProblem(badCode, 400, 'VALIDATION_FAILED');
    expect(badCode.body.errors.map((e: any) => e.path)).toEqual(['claimedValue']);
    // A valid one is taken, normalised (a lower-case x becomes X).
    const ok = await report('holder', '11010519491231002x');
    expect(ok.status).toBe(201);
    expect(ok.body.claimedValue).toBe('11010519491231002X');
  });

  it('takes reports only from those with access: the provider, the bureau, a grant holder; 403 for anyone else', async () => {
    const other = uniq('OTH');
    await stack.request('POST', '/api/v1/agencies', {
      token: admin,
      body: { code: other, name: other, level: 'municipal' },
    });
    const staffOther = await stack.token('staff-other', ['agency_staff'], other);
    const coordinator = await stack.token('coord', ['bureau_coordinator']);
    // Shared without conditions between agencies, opened to the public only on conditions.
    const created = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '社保缴纳',
        providerAgency: provider,
        fields: [{ name: 'months' }],
        shareType: 'unconditional',
        openType: 'conditional',
        legalBasis: '《社会保险法》',
        updateCycle: 'monthly',
      },
    });
    expect(created.body).toMatchObject({ id: expect.any(String) });
    const held = created.body.id as string;
    const report = (token: string) =>
      stack.request('POST', '/api/v1/corrections', {
        token,
        body: { resourceId: held, recordRef: 'REC-3', description: '缴费月数有误' },
      });
    const refused = await report(citizen);
    expectProblem(refused, 403, 'FORBIDDEN');
    expect(refused.body.detail).toContain('no access');
    expectProblem(await report(staffOther), 403, 'FORBIDDEN');
    expect((await report(staffP)).status).toBe(201);
    expect((await report(coordinator)).status).toBe(201);
    // Once the agency holds a grant on it, its staff may report.
    const applied = await stack.request('POST', '/api/v1/share-applications', {
      token: staffOther,
      body: {
        resourceId: held,
        purpose: '社保核验',
        dutyBasis: '《社会保险法》',
        usageScope: '本单位',
        periodMonths: 12,
        deliveryMethod: 'api',
      },
    });
    expect(applied.body.state).toBe('granted');
    expect((await report(staffOther)).status).toBe(201);
  });

  it('shows a correction to its reporter, the provider and the bureau only', async () => {
    const c = (await reportError()).body;
    for (const token of [citizen, reviewerP, staffP, admin])
      expect((await stack.request('GET', `/api/v1/corrections/${c.id}`, { token })).status).toBe(200);
    for (const token of [neighbour, reviewerX])
      expectProblem(await stack.request('GET', `/api/v1/corrections/${c.id}`, { token }), 404, 'NOT_FOUND');
    expect((await stack.request('GET', '/api/v1/corrections?limit=200', { token: neighbour })).body.items).toEqual([]);
    expect(
      (await stack.request('GET', '/api/v1/corrections?limit=200', { token: reviewerP })).body.items.map(
        (i: any) => i.id,
      ),
    ).toContain(c.id);
  });

  it('extends once and verifies, by the provider reviewer only, and tells the reporter', async () => {
    const c = (await reportError()).body;
    const url = `/api/v1/corrections/${c.id}`;
    expectProblem(
      await stack.request('POST', `${url}/extension`, { token: staffP, body: { approvedBy: '局长', reason: 'r' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/extension`, { token: reviewerP, body: { reason: 'r' } }),
      400,
      'VALIDATION_FAILED',
    );
    const extended = await stack.request('POST', `${url}/extension`, {
      token: reviewerP,
      body: { approvedBy: '李局长', reason: '需现场核查' },
    });
    expect(extended.body.extension).toMatchObject({ approvedBy: '李局长' });
    expect(extended.body.verifyDueDate > c.verifyDueDate).toBe(true);
    expectProblem(
      await stack.request('POST', `${url}/extension`, {
        token: reviewerP,
        body: { approvedBy: '李局长', reason: '再延' },
      }),
      409,
      'INVALID_STATE',
    );
    const verified = await stack.request('POST', `${url}/verification`, {
      token: reviewerP,
      body: { outcome: 'no_change', note: '经核实门牌号无误' },
    });
    expect(verified.body).toMatchObject({ state: 'no_change', outcome: { note: '经核实门牌号无误' } });
    expectProblem(
      await stack.request('POST', `${url}/verification`, {
        token: reviewerP,
        body: { outcome: 'corrected', note: 'again' },
      }),
      409,
      'INVALID_STATE',
    );
    const told = (await stack.request('GET', '/api/v1/notifications', { token: citizen })).body.items.filter(
      (n: any) => n.caseId === c.id,
    );
    expect(told.map((n: any) => n.kind)).toContain('correction_result');
  });

  it('transfers to the owning agency, which verifies in a new case; the dispute mark lasts until all are done', async () => {
    const c = (await reportError()).body;
    expectProblem(
      await stack.request('POST', `/api/v1/corrections/${c.id}/verification`, {
        token: reviewerP,
        body: { outcome: 'transferred', note: 'n' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/corrections/${c.id}/verification`, {
        token: reviewerP,
        body: { outcome: 'transferred', note: 'n', transferTo: 'NOBODY' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const moved = await stack.request('POST', `/api/v1/corrections/${c.id}/verification`, {
      token: reviewerP,
      body: { outcome: 'transferred', note: '数据归属他单位', transferTo: owner },
    });
    expect(moved.body).toMatchObject({ state: 'transferred', outcome: { transferTo: owner } });
    const nextId = moved.body.outcome.transferredCorrectionId;
    const next = await eventually(
      () => stack.request('GET', `/api/v1/corrections/${nextId}`, { token: reviewerO }),
      (r) => r.body?.state === 'verifying',
    );
    expect(next.body).toMatchObject({ state: 'verifying', assignedAgency: owner, transferredFrom: c.id });
    expectProblem(
      await stack.request('POST', `/api/v1/corrections/${nextId}/verification`, {
        token: reviewerP,
        body: { outcome: 'corrected', note: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    // Every open report of this resource must finish before the mark goes.
    const open = (await stack.request('GET', '/api/v1/corrections?limit=200', { token: admin })).body.items.filter(
      (i: any) => i.resourceId === resourceId && i.state === 'verifying',
    );
    for (const o of open) {
      const token = o.assignedAgency === owner ? reviewerO : reviewerP;
      await stack.request('POST', `/api/v1/corrections/${o.id}/verification`, {
        token,
        body: { outcome: 'corrected', note: '已更正' },
      });
    }
    expect(await eventually(disputed, (d) => !d)).toBe(false);
  });

  it('returns a report to the bureau, whose coordinator routes it by hand to a registered agency', async () => {
    const coordinator = await stack.token('coord-f', ['bureau_coordinator']);
    const c = (await reportError()).body;
    const url = `/api/v1/corrections/${c.id}`;
    expect(c.actions).toEqual([]);
    expect((await stack.request('GET', url, { token: reviewerP })).body.actions).toEqual([
      'extend',
      'verify',
      'return',
    ]);
    expectProblem(
      await stack.request('POST', `${url}/return`, { token: staffP, body: { reason: '非本单位数据' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/return`, { token: reviewerP, body: { reason: '' } }),
      400,
      'VALIDATION_FAILED',
    );
    const returned = await stack.request('POST', `${url}/return`, {
      token: reviewerP,
      body: { reason: '该记录不属于本单位' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'forwarding',
      returned: { agency: provider, reason: '该记录不属于本单位' },
      forwardDueDate: expect.any(String),
    });
    expect((await stack.request('GET', url, { token: coordinator })).body.actions).toEqual(['forward']);
    const todo = (await stack.request('GET', '/api/v1/work-items?limit=200', { token: coordinator })).body.items.find(
      (i: any) => i.caseId === c.id,
    );
    expect(todo).toMatchObject({ state: 'forwarding', actions: ['forward'], dueDate: returned.body.forwardDueDate });
    expectProblem(
      await stack.request('POST', `${url}/forwarding`, { token: reviewerP, body: { agency: owner } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/forwarding`, { token: coordinator, body: { agency: 'NOBODY' } }),
      400,
      'VALIDATION_FAILED',
    );
    const forwarded = await stack.request('POST', `${url}/forwarding`, {
      token: coordinator,
      body: { agency: owner, note: '经查为该单位数据' },
    });
    expect(forwarded.body).toMatchObject({
      state: 'verifying',
      assignedAgency: owner,
      verifyDueDate: expect.any(String),
    });
    expectProblem(
      await stack.request('POST', `${url}/forwarding`, { token: coordinator, body: { agency: owner } }),
      409,
      'INVALID_STATE',
    );
    expect((await stack.request('GET', url, { token: reviewerO })).body.actions).toEqual([
      'extend',
      'verify',
      'return',
    ]);
    await stack.request('POST', `${url}/verification`, {
      token: reviewerO,
      body: { outcome: 'corrected', note: '已更正' },
    });
  });

  it('returns the same correction for a retried Idempotency-Key and 409 for the key with another body', async () => {
    const headers = { 'idempotency-key': `cor-${uniq('')}` };
    const body = { resourceId, recordRef: 'REC-7', description: '重复提交' };
    const first = await stack.request('POST', '/api/v1/corrections', { token: citizen, body, headers });
    const retry = await stack.request('POST', '/api/v1/corrections', { token: citizen, body, headers });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expectProblem(
      await stack.request('POST', '/api/v1/corrections', {
        token: citizen,
        body: { ...body, description: '另一份' },
        headers,
      }),
      409,
      'DUPLICATE',
    );
  });

  it('hides a correction from a non-party before looking at what they sent', async () => {
    const c = (await reportError()).body;
    expectProblem(
      await stack.request('POST', `/api/v1/corrections/${c.id}/verification`, {
        token: reviewerX,
        body: { outcome: 'transferred', note: 'n', transferTo: 'NOBODY' },
      }),
      404,
      'NOT_FOUND',
    );
    await stack.request('POST', `/api/v1/corrections/${c.id}/verification`, {
      token: reviewerP,
      body: { outcome: 'corrected', note: '已更正' },
    });
  });
});
