// The HTTP contract of docs/api.md P1 over a real stack: Temporal dev server, worker, database, API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

let stack: Stack;
let admin: string, coordinator: string;
let staffA: string, reviewerA: string;
let reviewerB: string, staffB: string;
let staffC: string, reviewerC: string;
let applicant: string, provider: string, outsider: string;
let conditionalId: string, unconditionalId: string, notSharedId: string;

const body = (resourceId: string, extra: Record<string, unknown> = {}) => ({
  resourceId,
  purpose: '企业开办审批核验',
  dutyBasis: '《市场主体登记管理条例》',
  usageScope: '本部门',
  periodMonths: 12,
  deliveryMethod: 'api',
  ...extra,
});

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  [applicant, provider, outsider] = [uniq('APP'), uniq('PRV'), uniq('OUT')];
  for (const code of [applicant, provider, outsider]) {
    expect(
      (
        await stack.request('POST', '/api/v1/agencies', {
          token: admin,
          body: { code, name: code, level: 'municipal' },
        })
      ).status,
    ).toBe(201);
  }
  staffA = await stack.token('staff-a', ['agency_staff'], applicant);
  reviewerA = await stack.token('reviewer-a', ['agency_reviewer'], applicant);
  reviewerB = await stack.token('reviewer-b', ['agency_reviewer'], provider);
  staffB = await stack.token('staff-b', ['agency_staff'], provider);
  staffC = await stack.token('staff-c', ['agency_staff'], outsider);
  reviewerC = await stack.token('reviewer-c', ['agency_reviewer'], outsider);
  const mk = async (shareType: string) =>
    (
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: {
          code: uniq('R'),
          name: '企业登记信息',
          providerAgency: provider,
          fields: [{ name: 'name' }, { name: 'licence_no' }, { name: 'address' }],
          shareType,
          openType: 'not_open',
          legalBasis: '《数据安全法》第三十八条',
          updateCycle: 'monthly',
        },
      })
    ).body.id as string;
  [conditionalId, unconditionalId, notSharedId] = [
    await mk('conditional'),
    await mk('unconditional'),
    await mk('not_shared'),
  ];
});
afterAll(async () => stack?.close());

const submit = (resourceId: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  stack.request('POST', '/api/v1/share-applications', {
    token: staffA,
    body: body(resourceId, extra),
    ...(headers ? { headers } : {}),
  });

describe('submitting', () => {
  it('grants an unconditional request at once and answers 201 with the case', async () => {
    const res = await submit(unconditionalId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'granted',
      applicantAgency: applicant,
      providerAgency: provider,
      fields: ['name', 'licence_no', 'address'],
      grant: { state: 'active' },
      overdue: false,
    });
    expect(res.body.timeline.map((e: any) => [e.action, e.actorRole])).toEqual([
      ['submit', 'agency_staff'],
      ['auto_grant', 'system'],
    ]);
  });

  it('puts a conditional request in review with its deadline as a date and an instant', async () => {
    const res = await submit(conditionalId, { fields: ['name'] });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('pending_review');
    expect(res.body.reviewDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.reviewDueAt).toBe(`${res.body.reviewDueDate}T15:59:59.999Z`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const expected = await stack.request('GET', `/api/v1/calendar/working-days?from=${today}&days=10`, {
      token: staffA,
    });
    expect(res.body.reviewDueDate).toBe(expected.body.due);
  });

  it('refuses a not_shared resource at once, citing the catalog legal basis, with an objection window', async () => {
    const res = await submit(notSharedId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'rejected',
      decision: { decision: 'reject', legalBasis: '《数据安全法》第三十八条' },
    });
    expect(res.body.objectionDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('rejects bad input with 400 naming each field, never 500', async () => {
    const missing = await stack.request('POST', '/api/v1/share-applications', {
      token: staffA,
      body: { resourceId: conditionalId },
    });
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.errors.map((e: any) => e.path).sort()).toEqual([
      'deliveryMethod',
      'dutyBasis',
      'periodMonths',
      'purpose',
      'usageScope',
    ]);
    const wrong = await submit(conditionalId, { periodMonths: 37, deliveryMethod: 'fax', fields: ['name', 'name'] });
    expect(wrong.body.errors.map((e: any) => e.path).sort()).toEqual(['deliveryMethod', 'fields', 'periodMonths']);
    const unknownField = await submit(conditionalId, { fields: ['salary'] });
    expectProblem(unknownField, 400, 'VALIDATION_FAILED');
    expect(unknownField.body.errors).toEqual([{ path: 'fields', message: expect.stringContaining('salary') }]);
    const unknownResource = await submit('00000000-0000-4000-8000-000000000000');
    expect(unknownResource.body.errors).toEqual([{ path: 'resourceId', message: expect.any(String) }]);
    const notJson = await fetch(`${stack.baseUrl}/api/v1/share-applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffA}`, 'content-type': 'application/json' },
      body: '{"resourceId":',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toContain('application/problem+json');
  });

  it("lets only agency staff apply, and not for their own agency's data", async () => {
    expectProblem(
      await stack.request('POST', '/api/v1/share-applications', { token: reviewerA, body: body(conditionalId) }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', '/api/v1/share-applications', { token: staffB, body: body(conditionalId) }),
      400,
      'VALIDATION_FAILED',
    );
    const unregistered = await stack.token('ghost', ['agency_staff'], uniq('GHOST'));
    expectProblem(
      await stack.request('POST', '/api/v1/share-applications', { token: unregistered, body: body(conditionalId) }),
      403,
      'FORBIDDEN',
    );
  });

  it('returns the same case for a retried Idempotency-Key and 409 for the same key with another body', async () => {
    const key = `k-${uniq('')}`;
    const [first, second] = await Promise.all([
      submit(conditionalId, {}, { 'idempotency-key': key }),
      submit(conditionalId, {}, { 'idempotency-key': key }),
    ]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const third = await submit(conditionalId, {}, { 'idempotency-key': key });
    expect(third.body.id).toBe(first.body.id);
    expect(third.body.timeline.filter((e: any) => e.action === 'submit')).toHaveLength(1);
    expectProblem(
      await submit(conditionalId, { purpose: 'another purpose' }, { 'idempotency-key': key }),
      409,
      'DUPLICATE',
    );
    const list = await stack.request('GET', `/api/v1/share-applications?resourceId=${conditionalId}&limit=200`, {
      token: staffA,
    });
    expect(list.body.items.filter((a: any) => a.id === first.body.id)).toHaveLength(1);
  });
});

describe('reading', () => {
  it('shows a case to its parties and the bureau, and hides it from other agencies', async () => {
    const created = (await submit(conditionalId)).body;
    for (const token of [staffA, reviewerB, staffB, admin, coordinator]) {
      const res = await stack.request('GET', `/api/v1/share-applications/${created.id}`, { token });
      expect(res.status).toBe(200);
      expect(res.body.timeline[0]).toMatchObject({
        action: 'submit',
        actorId: 'staff-a',
        actorRole: 'agency_staff',
        actorAgency: applicant,
      });
    }
    expectProblem(
      await stack.request('GET', `/api/v1/share-applications/${created.id}`, { token: staffC }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('GET', '/api/v1/share-applications/not-a-uuid', { token: staffA }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await stack.request('GET', `/api/v1/share-applications/${created.id}`), 401, 'UNAUTHENTICATED');
  });

  it('lists with filters and cursors, scoped to the caller', async () => {
    const mine = await stack.request('GET', '/api/v1/share-applications?limit=2', { token: staffA });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    const next = await stack.request('GET', `/api/v1/share-applications?limit=2&cursor=${mine.body.nextCursor}`, {
      token: staffA,
    });
    expect(next.body.items[0].submittedAt <= mine.body.items[1].submittedAt).toBe(true);
    expect(next.body.items.map((i: any) => i.id)).not.toContain(mine.body.items[0].id);
    const pending = await stack.request('GET', '/api/v1/share-applications?state=pending_review&limit=200', {
      token: reviewerB,
    });
    expect(pending.body.items.length).toBeGreaterThan(0);
    expect(pending.body.items.every((a: any) => a.state === 'pending_review' && a.providerAgency === provider)).toBe(
      true,
    );
    expect((await stack.request('GET', '/api/v1/share-applications', { token: staffC })).body.items).toEqual([]);
    const all = await stack.request(
      'GET',
      `/api/v1/share-applications?applicant=${applicant}&overdue=false&limit=200`,
      { token: coordinator },
    );
    expect(all.body.items.length).toBeGreaterThanOrEqual(mine.body.items.length);
    expectProblem(
      await stack.request('GET', '/api/v1/share-applications?state=lost', { token: staffA }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('deciding and acting', () => {
  it('approves with conditions and a narrower set of fields', async () => {
    const created = (await submit(conditionalId)).body;
    const res = await stack.request('POST', `/api/v1/share-applications/${created.id}/decision`, {
      token: reviewerB,
      body: { decision: 'approve', conditions: '仅限审批使用', fields: ['name'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'granted',
      grant: { fields: ['name'], conditions: '仅限审批使用', state: 'active' },
    });
    expect(res.body.grant.expiresAt).toBe(`${res.body.grant.expiresDate}T15:59:59.999Z`);
  });

  it('refuses a rejection without reason and legal basis (400), a decision by the wrong party (403/404), and a decision on a decided case (409)', async () => {
    const created = (await submit(conditionalId)).body;
    const url = `/api/v1/share-applications/${created.id}/decision`;
    const noBasis = await stack.request('POST', url, {
      token: reviewerB,
      body: { decision: 'reject', reason: '涉密' },
    });
    expectProblem(noBasis, 400, 'VALIDATION_FAILED');
    expect(noBasis.body.errors).toEqual([{ path: 'legalBasis', message: expect.any(String) }]);
    expectProblem(await stack.request('POST', url, { token: staffA, body: { decision: 'approve' } }), 403, 'FORBIDDEN');
    expectProblem(
      await stack.request('POST', url, { token: reviewerA, body: { decision: 'approve' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', url, { token: reviewerC, body: { decision: 'approve' } }),
      404,
      'NOT_FOUND',
    );
    const rejected = await stack.request('POST', url, {
      token: reviewerB,
      body: { decision: 'reject', reason: '涉及个人隐私', legalBasis: '《个人信息保护法》第十三条' },
    });
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      decision: { reason: '涉及个人隐私', legalBasis: '《个人信息保护法》第十三条' },
    });
    const again = await stack.request('POST', url, { token: reviewerB, body: { decision: 'approve' } });
    expectProblem(again, 409, 'INVALID_STATE');
    expect(again.body.state).toBe('rejected');
  });

  it('accepts one of two conflicting decisions sent at once and refuses the other with 409', async () => {
    const created = (await submit(conditionalId)).body;
    const url = `/api/v1/share-applications/${created.id}/decision`;
    const [a, b] = await Promise.all([
      stack.request('POST', url, { token: reviewerB, body: { decision: 'approve' } }),
      stack.request('POST', url, {
        token: reviewerB,
        body: { decision: 'reject', reason: '理由', legalBasis: '依据' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const final = await stack.request('GET', `/api/v1/share-applications/${created.id}`, { token: staffA });
    expect(final.body.state).toBe(winner.body.state);
  });

  it('asks for a supplement listing everything missing, takes the supplement, and restarts the review', async () => {
    const created = (await submit(conditionalId)).body;
    const asked = await stack.request('POST', `/api/v1/share-applications/${created.id}/decision`, {
      token: reviewerB,
      body: { decision: 'request_supplement', missing: ['履职依据文件', '安全措施说明'] },
    });
    expect(asked.body).toMatchObject({
      state: 'awaiting_supplement',
      missing: ['履职依据文件', '安全措施说明'],
      reviewDueDate: null,
    });
    expect(asked.body.supplementDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/decision`, {
        token: reviewerB,
        body: { decision: 'request_supplement' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/supplement`, {
        token: staffB,
        body: { note: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/supplement`, { token: staffA, body: {} }),
      400,
      'VALIDATION_FAILED',
    );
    const supplied = await stack.request('POST', `/api/v1/share-applications/${created.id}/supplement`, {
      token: staffA,
      body: { note: '已补充', usageScope: '仅审批科' },
    });
    expect(supplied.status).toBe(200);
    expect(supplied.body).toMatchObject({
      state: 'pending_review',
      usageScope: '仅审批科',
      missing: null,
      supplementDueDate: null,
    });
    expect(supplied.body.reviewDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(supplied.body.supplements).toHaveLength(1);
  });

  it('extends the review once with a reason', async () => {
    const created = (await submit(conditionalId)).body;
    const url = `/api/v1/share-applications/${created.id}/decision`;
    expectProblem(
      await stack.request('POST', url, { token: reviewerB, body: { decision: 'extend', extendWd: 3 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('POST', url, {
        token: reviewerB,
        body: { decision: 'extend', reason: '会商', extendWd: 11 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const extended = await stack.request('POST', url, {
      token: reviewerB,
      body: { decision: 'extend', reason: '需部门会商', extendWd: 5 },
    });
    expect(extended.body.state).toBe('pending_review');
    expect(extended.body.reviewDueDate > created.reviewDueDate).toBe(true);
    expect(extended.body.extension).toMatchObject({ reason: '需部门会商', extendWd: 5 });
    expectProblem(
      await stack.request('POST', url, { token: reviewerB, body: { decision: 'extend', reason: '再延', extendWd: 1 } }),
      409,
      'INVALID_STATE',
    );
  });

  it('lets the applicant withdraw before a decision, and not after', async () => {
    const created = (await submit(conditionalId)).body;
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/withdrawal`, { token: staffB, body: {} }),
      403,
      'FORBIDDEN',
    );
    const res = await stack.request('POST', `/api/v1/share-applications/${created.id}/withdrawal`, {
      token: staffA,
      body: { reason: '不再需要' },
    });
    expect(res.body.state).toBe('withdrawn');
    const again = await stack.request('POST', `/api/v1/share-applications/${created.id}/withdrawal`, {
      token: staffA,
      body: {},
    });
    expectProblem(again, 409, 'INVALID_STATE');
    expect(again.body.state).toBe('withdrawn');
  });

  it('lets a bureau coordinator urge the provider, and nobody else', async () => {
    const created = (await submit(conditionalId)).body;
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/urge`, { token: admin, body: {} }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/urge`, { token: staffA, body: {} }),
      403,
      'FORBIDDEN',
    );
    const urged = await stack.request('POST', `/api/v1/share-applications/${created.id}/urge`, {
      token: coordinator,
      body: { note: '请于期限内办理' },
    });
    expect(urged.status).toBe(200);
    expect(urged.body.urgedCount).toBe(1);
    expect(urged.body.timeline.at(-1)).toMatchObject({
      action: 'urge',
      actorRole: 'bureau_coordinator',
      reason: '请于期限内办理',
    });
  });

  it('renews a grant after the provider approves, and revokes it with a reason', async () => {
    const created = (await submit(unconditionalId, { periodMonths: 6 })).body;
    const url = `/api/v1/share-applications/${created.id}`;
    expectProblem(
      await stack.request('POST', `${url}/renewal`, { token: staffA, body: { periodMonths: 0, reason: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    const asked = await stack.request('POST', `${url}/renewal`, {
      token: staffA,
      body: { periodMonths: 6, reason: '项目延续' },
    });
    expect(asked.body).toMatchObject({ state: 'granted', renewal: { state: 'pending_review', periodMonths: 6 } });
    expectProblem(
      await stack.request('POST', `${url}/renewal`, { token: staffA, body: { periodMonths: 6, reason: 'again' } }),
      409,
      'INVALID_STATE',
    );
    const approved = await stack.request('POST', `${url}/decision`, {
      token: reviewerB,
      body: { decision: 'approve' },
    });
    expect(approved.body.renewal.state).toBe('approved');
    expect(approved.body.grant.expiresDate > created.grant.expiresDate).toBe(true);

    expectProblem(
      await stack.request('POST', `${url}/revocation`, { token: staffA, body: { reason: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/revocation`, { token: reviewerB, body: {} }),
      400,
      'VALIDATION_FAILED',
    );
    const revoked = await stack.request('POST', `${url}/revocation`, {
      token: reviewerB,
      body: { reason: '超出用途使用' },
    });
    expect(revoked.body).toMatchObject({
      state: 'revoked',
      grant: { state: 'revoked', revokedReason: '超出用途使用' },
    });
    expectProblem(
      await stack.request('POST', `${url}/revocation`, { token: admin, body: { reason: 'again' } }),
      409,
      'INVALID_STATE',
    );
  });
});

describe('hardening', () => {
  it('refuses text with NUL characters, forged cursors and dates outside the calendar with 400, never 500', async () => {
    const nul = await submit(conditionalId, { purpose: 'a\u0000b' });
    expectProblem(nul, 400, 'VALIDATION_FAILED');
    expect(nul.body.errors).toEqual([{ path: 'purpose', message: expect.any(String) }]);
    const forged = Buffer.from(JSON.stringify({ at: new Date().toISOString(), id: 'not-a-uuid' })).toString(
      'base64url',
    );
    expectProblem(
      await stack.request('GET', `/api/v1/share-applications?cursor=${forged}`, { token: staffA }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('GET', '/api/v1/calendar/working-days?from=9999-12-31&days=10', { token: staffA }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('hides cases from a public, assessor or gateway token that carries an agency claim', async () => {
    const created = (await submit(conditionalId)).body;
    for (const role of ['public', 'assessor', 'gateway']) {
      const token = await stack.token(`x-${role}`, [role], applicant);
      expectProblem(
        await stack.request('GET', `/api/v1/share-applications/${created.id}`, { token }),
        404,
        'NOT_FOUND',
      );
      expect((await stack.request('GET', '/api/v1/share-applications', { token })).body.items).toEqual([]);
      expectProblem(
        await stack.request('GET', `/api/v1/audit-events?caseId=${created.id}`, { token }),
        404,
        'NOT_FOUND',
      );
    }
  });

  it('acts in the role that fits the case when a caller holds several', async () => {
    const created = (await submit(unconditionalId)).body;
    const both = await stack.token('reviewer-and-admin', ['agency_reviewer', 'bureau_admin'], outsider);
    const revoked = await stack.request('POST', `/api/v1/share-applications/${created.id}/revocation`, {
      token: both,
      body: { reason: '督查发现违规' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.timeline.at(-1)).toMatchObject({ action: 'revoke', actorRole: 'bureau_admin' });
  });

  it('answers an action on an ended case by a non-party reviewer with 403, and by the party with 409', async () => {
    const created = (await submit(conditionalId)).body;
    await stack.request('POST', `/api/v1/share-applications/${created.id}/withdrawal`, { token: staffA, body: {} });
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/decision`, {
        token: reviewerA,
        body: { decision: 'approve' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${created.id}/decision`, {
        token: reviewerB,
        body: { decision: 'approve' },
      }),
      409,
      'INVALID_STATE',
    );
  });

  it('checks role and state before an objection is filed', async () => {
    const pending = (await submit(conditionalId)).body;
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${pending.id}/objection`, {
        token: staffA,
        body: { statement: '履职必需' },
      }),
      409,
      'INVALID_STATE',
    );
    const rejected = (await submit(notSharedId)).body;
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${rejected.id}/objection`, {
        token: reviewerB,
        body: { statement: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${rejected.id}/objection`, {
        token: staffC,
        body: { statement: 'x' },
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${rejected.id}/objection`, { token: staffA, body: {} }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
