// The work list (待办/已办/关注) and the `actions` of case answers over a real stack: what awaits
// whom, by which deadline, and exactly what the workflow's validators would let each person do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../helpers/fixtures.js';
import { expectProblem } from '../helpers/assertions.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string,
  coordinator: string,
  staffA: string,
  reviewerB: string,
  staffB: string,
  reviewerC: string,
  citizen: string;
let applicant: string, provider: string, outsider: string;
let conditionalId: string, openId: string;
const resourceName = `人口基础信息-${uniq('')}`;

const apply = (extra: Record<string, unknown> = {}) =>
  stack.request('POST', '/api/v1/share-applications', {
    token: staffA,
    body: {
      resourceId: conditionalId,
      purpose: '户籍核验',
      dutyBasis: '《户口登记条例》',
      usageScope: '本部门',
      periodMonths: 6,
      deliveryMethod: 'api',
      ...extra,
    },
  });
const work = (token: string, query = '') => stack.request('GET', `/api/v1/work-items${query}`, { token });

beforeAll(async () => {
  // remindWd set to the review window itself: a fresh case is then "due soon", which the list must say.
  stack = await startStack({ SHUZHI_POLICY: JSON.stringify({ remindWd: 10 }) });
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
  reviewerB = await stack.token('reviewer-b', ['agency_reviewer'], provider);
  staffB = await stack.token('staff-b', ['agency_staff'], provider);
  reviewerC = await stack.token('reviewer-c', ['agency_reviewer'], outsider);
  citizen = await stack.token('citizen-1', ['public']);
  const mk = async (shareType: string, openType: string) =>
    (
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: {
          code: uniq('R'),
          name: resourceName,
          providerAgency: provider,
          fields: [{ name: 'name' }, { name: 'id_no', personal: true }],
          shareType,
          openType,
          legalBasis: '《数据安全法》第三十八条',
          updateCycle: 'monthly',
        },
      })
    ).body.id as string;
  conditionalId = await mk('conditional', 'not_open');
  openId = await mk('not_shared', 'conditional');
});
afterAll(async () => stack?.close());

describe('actions on a case answer', () => {
  it('gives each party exactly what the rules let it do now', async () => {
    const created = await apply();
    expect(created.status).toBe(201);
    expect(created.body.actions).toEqual(['withdraw']);
    const id = created.body.id;
    const as = async (token: string) =>
      (await stack.request('GET', `/api/v1/share-applications/${id}`, { token })).body.actions;
    expect(await as(reviewerB)).toEqual(['approve', 'reject', 'request_supplement', 'extend']);
    expect(await as(staffB)).toEqual([]);
    expect(await as(coordinator)).toEqual(['urge']);
    expect(await as(admin)).toEqual([]);
    expect((await stack.request('GET', `/api/v1/share-applications/${id}`, { token: reviewerC })).status).toBe(404);

    const asked = await stack.request('POST', `/api/v1/share-applications/${id}/decision`, {
      token: reviewerB,
      body: { decision: 'request_supplement', missing: ['履职依据文件'] },
    });
    expect(asked.status).toBe(200);
    expect(asked.body.actions).toEqual([]);
    expect(await as(staffA)).toEqual(['supplement', 'withdraw']);
    const supplemented = await stack.request('POST', `/api/v1/share-applications/${id}/supplement`, {
      token: staffA,
      body: { note: '已补充' },
    });
    // A supplement is asked for once (一次性告知): the reviewer may no longer ask for another.
    expect(supplemented.body.actions).toEqual(['withdraw']);
    expect(await as(reviewerB)).toEqual(['approve', 'reject', 'extend']);
  });

  it('lists carry the actions of each item', async () => {
    const list = await stack.request('GET', '/api/v1/share-applications?limit=5', { token: reviewerB });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const item of list.body.items) expect(item.actions).toEqual(expect.arrayContaining(['approve', 'reject']));
  });
});

describe('GET /api/v1/work-items', () => {
  it("puts a new application in the provider reviewer's 待办 with its deadline, and nowhere else", async () => {
    const created = await apply({ fields: ['name'] });
    const id = created.body.id;
    const todo = await work(reviewerB);
    expect(todo.status).toBe(200);
    const item = todo.body.items.find((i: any) => i.caseId === id);
    expect(item).toMatchObject({
      process: 'share-application',
      state: 'pending_review',
      title: resourceName,
      resourceName,
      agency: provider,
      agencies: [applicant, provider],
      dueDate: created.body.reviewDueDate,
      dueAt: created.body.reviewDueAt,
      overdue: false,
      actions: ['approve', 'reject', 'request_supplement', 'extend'],
    });
    // Ten working days ahead (the calendar decides how many are left today), within remindWd = 10.
    expect(item.workingDaysLeft).toBeGreaterThanOrEqual(9);
    expect(item.workingDaysLeft).toBeLessThanOrEqual(10);
    expect(item.dueSoon).toBe(true);
    expect((await work(staffA)).body.items.some((i: any) => i.caseId === id)).toBe(false);
    expect((await work(staffB)).body.items.some((i: any) => i.caseId === id)).toBe(false);
    expect((await work(reviewerC)).body.items.some((i: any) => i.caseId === id)).toBe(false);
    // Not overdue: the bureau has nothing to urge yet.
    expect((await work(coordinator)).body.items.some((i: any) => i.caseId === id)).toBe(false);
  });

  it('sorts by deadline and pages with a cursor', async () => {
    const all = (await work(reviewerB, '?limit=200')).body.items;
    const dues = all.map((i: any) => i.dueAt ?? '9999');
    expect(dues).toEqual([...dues].sort());
    const first = await work(reviewerB, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await work(reviewerB, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].caseId).not.toBe(first.body.items[0].caseId);
    expect([first.body.items[0].caseId, second.body.items[0].caseId]).toEqual(
      all.slice(0, 2).map((i: any) => i.caseId),
    );
  });

  it('filters by process, state, agency and a search on the case id (whole or its short form) or resource name', async () => {
    const created = await apply();
    const id = created.body.id;
    const byId = await work(reviewerB, `?q=${id}`);
    expect(byId.body.items.map((i: any) => i.caseId)).toEqual([id]);
    // The short id the console shows (its first 8 characters) finds it; 7 characters do not.
    expect((await work(reviewerB, `?q=${id.slice(0, 8)}`)).body.items.map((i: any) => i.caseId)).toEqual([id]);
    expect((await work(reviewerB, `?q=${id.slice(0, 7)}`)).body.items).toEqual([]);
    const byName = await work(reviewerB, `?q=${encodeURIComponent(resourceName.slice(0, 6))}`);
    expect(byName.body.items.map((i: any) => i.caseId)).toContain(id);
    expect((await work(reviewerB, '?q=no-such-resource-name')).body.items).toEqual([]);
    expect((await work(reviewerB, '?process=correction')).body.items).toEqual([]);
    expect(
      (await work(reviewerB, '?state=awaiting_supplement')).body.items.every(
        (i: any) => i.state === 'awaiting_supplement',
      ),
    ).toBe(true);
    expect((await work(reviewerB, `?agency=${outsider}`)).body.items).toEqual([]);
    expect((await work(reviewerB, `?agency=${applicant}`)).body.items.map((i: any) => i.caseId)).toContain(id);
  });

  it('moves a case to the applicant when a supplement is asked for, and to 已办 for the reviewer', async () => {
    const id = (await apply()).body.id;
    await stack.request('POST', `/api/v1/share-applications/${id}/decision`, {
      token: reviewerB,
      body: { decision: 'request_supplement', missing: ['用途说明'] },
    });
    const mine = (await work(staffA)).body.items.find((i: any) => i.caseId === id);
    expect(mine).toMatchObject({ state: 'awaiting_supplement', actions: ['supplement', 'withdraw'], agency: provider });
    expect(mine.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await work(reviewerB)).body.items.some((i: any) => i.caseId === id)).toBe(false);
    const done = await work(reviewerB, '?view=done');
    expect(done.body.items[0]).toMatchObject({ caseId: id, state: 'awaiting_supplement', actions: [] });
    expect(done.body.items[0].actedAt).toEqual(expect.any(String));
    // 关注: the provider's other open cases, with the same deadline; not the applicant's to see.
    const watching = await work(staffB, '?view=watching');
    expect(watching.body.items.map((i: any) => i.caseId)).toContain(id);
    expect((await work(reviewerC, '?view=watching')).body.items.some((i: any) => i.caseId === id)).toBe(false);
    expect((await work(coordinator, '?view=watching&limit=200')).body.items.map((i: any) => i.caseId)).toContain(id);
  });

  it('drops a case from 待办 once it is decided, and shows a refusal to the applicant while it may object', async () => {
    const id = (await apply()).body.id;
    const rejected = await stack.request('POST', `/api/v1/share-applications/${id}/decision`, {
      token: reviewerB,
      body: { decision: 'reject', reason: '涉及个人信息', legalBasis: '《个人信息保护法》第十三条' },
    });
    expect(rejected.status).toBe(200);
    expect((await work(reviewerB)).body.items.some((i: any) => i.caseId === id)).toBe(false);
    const objecting = (await work(staffA)).body.items.find((i: any) => i.caseId === id);
    expect(objecting).toMatchObject({
      state: 'rejected',
      actions: ['object'],
      dueDate: rejected.body.objectionDueDate,
    });
  });

  it("shows a public requester's open-data request to the bureau's formal check, then to the requester to sign", async () => {
    const filed = await stack.request('POST', '/api/v1/open-data-requests', {
      token: citizen,
      body: {
        resourceId: openId,
        requester: { kind: 'person', name: '张三', idNumber: '11010519491231002X', contact: '13800000000' },
        purpose: '学术研究',
        scenario: '人口流动分析',
        periodMonths: 6,
        securityMeasures: '离线环境',
        commitmentAccepted: true,
      },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id;
    expect((await work(coordinator)).body.items.find((i: any) => i.caseId === id)).toMatchObject({
      process: 'open-data-request',
      state: 'formal_check',
      actions: ['formal_check'],
    });
    expect((await work(citizen)).body.items.some((i: any) => i.caseId === id)).toBe(false);
    expect((await work(citizen, '?view=watching')).body.items.map((i: any) => i.caseId)).toContain(id);
    await stack.request('POST', `/api/v1/open-data-requests/${id}/formal-check`, {
      token: coordinator,
      body: { passed: true },
    });
    expect((await work(reviewerB)).body.items.find((i: any) => i.caseId === id)).toMatchObject({
      state: 'provider_review',
      actions: ['approve', 'reject'],
    });
    const approved = await stack.request('POST', `/api/v1/open-data-requests/${id}/decision`, {
      token: reviewerB,
      body: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    const toSign = (await work(citizen)).body.items.find((i: any) => i.caseId === id);
    expect(toSign).toMatchObject({
      state: 'awaiting_agreement',
      actions: ['sign'],
      dueDate: approved.body.agreementDueDate,
    });
  });

  it("keeps 关注 to what the caller may open: no agency claim on a non-agency role widens it, and a reporter's colleagues do not see the report", async () => {
    const pending = (await apply()).body.id;
    for (const [sub, roles] of [
      ['assessor-x', ['assessor']],
      ['citizen-x', ['public']],
      ['gateway-x', ['gateway']],
    ] as const) {
      const token = await stack.token(sub, [...roles], provider);
      const watching = await work(token, '?view=watching&limit=200');
      expect(watching.body.items.map((i: any) => i.caseId)).not.toContain(pending);
      expect((await stack.request('GET', `/api/v1/share-applications/${pending}`, { token })).status).toBe(404);
    }
    // Errors are reported by those who hold the data: the applicant's agency once granted.
    expect(
      (
        await stack.request('POST', `/api/v1/share-applications/${pending}/decision`, {
          token: reviewerB,
          body: { decision: 'approve' },
        })
      ).body.state,
    ).toBe('granted');
    const reported = await stack.request('POST', '/api/v1/corrections', {
      token: staffA,
      body: { resourceId: conditionalId, recordRef: 'r-1', description: '地址有误' },
    });
    expect(reported.status).toBe(201);
    const colleague = await stack.token('staff-a2', ['agency_staff'], applicant);
    expect((await work(colleague, '?view=watching&limit=200')).body.items.map((i: any) => i.caseId)).not.toContain(
      reported.body.id,
    );
    expect((await stack.request('GET', `/api/v1/corrections/${reported.body.id}`, { token: colleague })).status).toBe(
      404,
    );
    expect((await work(staffA, '?view=watching&limit=200')).body.items.map((i: any) => i.caseId)).toContain(
      reported.body.id,
    );
  });

  it("leaves the caller's own 待办 out of 关注", async () => {
    const pending = (await apply()).body.id;
    expect((await work(reviewerB)).body.items.map((i: any) => i.caseId)).toContain(pending);
    expect((await work(reviewerB, '?view=watching&limit=200')).body.items.map((i: any) => i.caseId)).not.toContain(
      pending,
    );
    expect((await work(staffB, '?view=watching&limit=200')).body.items.map((i: any) => i.caseId)).toContain(pending);
  });

  it('refuses forged cursors with 400, never 500', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [view, cursor] of [
      ['todo', { due: '0000-01-01T00:00:00Z', type: 'share-application', id: 'x' }],
      ['done', { at: '0000-01-01T00:00:00Z', type: 'share-application', id: 'x' }],
      ['todo', { due: null, type: 'a\u0000', id: 'x' }],
      ['watching', { due: null, type: 'share-application', id: "x' or 1=1" }],
      ['todo', { due: null, type: 'no-such-process', id: 'x' }],
    ] as const) {
      expectProblem(await work(reviewerB, `?view=${view}&cursor=${forged(cursor)}`), 400, 'VALIDATION_FAILED');
    }
    const done = await work(reviewerB, '?view=done&limit=1');
    const next = await work(reviewerB, `?view=done&limit=1&cursor=${done.body.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0].caseId).not.toBe(done.body.items[0].caseId);
  });

  it('answers 401 without a token and 400 for a bad view or cursor', async () => {
    expectProblem(await stack.request('GET', '/api/v1/work-items'), 401, 'UNAUTHENTICATED');
    expectProblem(await work(staffA, '?view=everything'), 400, 'VALIDATION_FAILED');
    expectProblem(await work(staffA, '?cursor=bm9wZQ'), 400, 'VALIDATION_FAILED');
    expectProblem(await work(staffA, '?process=nonsense'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/statistics', () => {
  it('counts the city for the bureau and an agency its own cases, with review times in working days', async () => {
    const city = await stack.request('GET', '/api/v1/statistics', { token: admin });
    expect(city.status).toBe(200);
    const share = city.body.processes.find((p: any) => p.process === 'share-application');
    expect(share.total).toBe(7);
    expect(share.byState.find((s: any) => s.state === 'rejected')?.count).toBe(1);
    // Decided today: zero working days from submission.
    expect(share.decided).toBeGreaterThanOrEqual(1);
    expect(share.medianReviewWd).toBe(0);
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    expect(city.body.monthly.find((m: any) => m.process === 'share-application' && m.month === month)?.submitted).toBe(
      share.total,
    );

    const own = await stack.request('GET', '/api/v1/statistics', { token: reviewerC });
    expect(own.body.scope).toEqual({ agency: outsider });
    expect(own.body.processes.every((p: any) => p.total === 0)).toBe(true);
    expectProblem(await stack.request('GET', '/api/v1/statistics', { token: citizen }), 403, 'FORBIDDEN');
    expectProblem(
      await stack.request('GET', '/api/v1/statistics?from=2026-02-30', { token: admin }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('GET /api/v1/session and the unread badge', () => {
  it('tells the console how to sign in and who the caller is', async () => {
    expect((await stack.request('GET', '/api/v1/session')).body).toEqual({
      authMode: 'dev',
      principal: null,
      remindWd: 10,
    });
    expect((await stack.request('GET', '/api/v1/session', { token: staffA })).body.principal).toEqual({
      sub: 'staff-a',
      roles: ['agency_staff'],
      agency: applicant,
      name: 'staff-a',
    });
    expectProblem(await stack.request('GET', '/api/v1/session', { token: 'not-a-token' }), 401, 'UNAUTHENTICATED');
    const agencies = await stack.request('GET', '/api/v1/dev/agencies');
    expect(agencies.body.items.map((a: any) => a.code)).toEqual(
      expect.arrayContaining([applicant, provider, outsider]),
    );
  });

  it('counts what the caller has not read', async () => {
    const before = (await stack.request('GET', '/api/v1/notifications/unread-count', { token: reviewerB })).body.count;
    expect(before).toBeGreaterThan(0);
    const inbox = await stack.request('GET', '/api/v1/notifications?unread=true&limit=1', { token: reviewerB });
    await stack.request('POST', `/api/v1/notifications/${inbox.body.items[0].id}/read`, { token: reviewerB });
    expect((await stack.request('GET', '/api/v1/notifications/unread-count', { token: reviewerB })).body.count).toBe(
      before - 1,
    );
  });
});
