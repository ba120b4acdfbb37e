// The HTTP contract of docs/api.md P2 over a real stack, and the share application following the outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

let stack: Stack;
let admin: string, coordinator: string, coordinator2: string;
let staffA: string, reviewerB: string, staffB: string, staffC: string, partyCoordinator: string;
let applicant: string, provider: string, outsider: string;
let conditionalId: string, notSharedId: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord-1', ['bureau_coordinator']);
  coordinator2 = await stack.token('coord-2', ['bureau_coordinator']);
  [applicant, provider, outsider] = [uniq('APP'), uniq('PRV'), uniq('OUT')];
  for (const code of [applicant, provider, outsider])
    await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
  staffA = await stack.token('staff-a', ['agency_staff'], applicant);
  reviewerB = await stack.token('reviewer-b', ['agency_reviewer'], provider);
  staffB = await stack.token('staff-b', ['agency_staff'], provider);
  staffC = await stack.token('staff-c', ['agency_staff'], outsider);
  partyCoordinator = await stack.token('coord-party', ['bureau_coordinator'], provider);
  const mk = async (shareType: string) =>
    (
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: {
          code: uniq('R'),
          name: '不动产登记信息',
          providerAgency: provider,
          fields: [{ name: 'owner' }, { name: 'address' }],
          shareType,
          openType: 'not_open',
          legalBasis: '《不动产登记暂行条例》第二十八条',
          updateCycle: 'monthly',
        },
      })
    ).body.id as string;
  [conditionalId, notSharedId] = [await mk('conditional'), await mk('not_shared')];
});
afterAll(async () => stack?.close());

/** A refused application (by the catalog, or by the provider) with an objection filed over HTTP. */
async function objection(by: 'catalog' | 'provider' = 'provider') {
  const body = {
    resourceId: by === 'catalog' ? notSharedId : conditionalId,
    purpose: '不动产核查',
    dutyBasis: '法定职责',
    usageScope: '本部门',
    periodMonths: 6,
    deliveryMethod: 'api',
  };
  const app = (await stack.request('POST', '/api/v1/share-applications', { token: staffA, body })).body;
  if (by === 'provider') {
    await stack.request('POST', `/api/v1/share-applications/${app.id}/decision`, {
      token: reviewerB,
      body: { decision: 'reject', reason: '涉及个人隐私', legalBasis: '《个人信息保护法》第十三条' },
    });
  }
  const filed = await stack.request('POST', `/api/v1/share-applications/${app.id}/objection`, {
    token: staffA,
    body: { statement: '为核查不动产权属所必需', dutyBasis: '《不动产登记暂行条例》' },
  });
  expect(filed.status).toBe(201);
  return { applicationId: app.id as string, objection: filed.body };
}

const waitForApplication = async (id: string, state: string) => {
  for (let i = 0; i < 60; i++) {
    const res = await stack.request('GET', `/api/v1/share-applications/${id}`, { token: staffA });
    if (res.body.state === state) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (await stack.request('GET', `/api/v1/share-applications/${id}`, { token: staffA })).body;
};

describe('filing', () => {
  it('answers 201 with the objection in negotiation, its deadline, and the refusal it concerns', async () => {
    const { applicationId, objection: o } = await objection('catalog');
    expect(o).toMatchObject({
      state: 'negotiating',
      applicationId,
      applicantAgency: applicant,
      providerAgency: provider,
      overdue: false,
      refusal: { automatic: true, legalBasis: '《不动产登记暂行条例》第二十八条' },
      statement: '为核查不动产权属所必需',
    });
    expect(o.negotiationDueAt).toBe(`${o.negotiationDueDate}T15:59:59.999Z`);
    expect(
      (await stack.request('GET', `/api/v1/share-applications/${applicationId}`, { token: staffA })).body.state,
    ).toBe('in_objection');
  });

  it('refuses a second objection on the same refusal with 409', async () => {
    const { applicationId } = await objection();
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${applicationId}/objection`, {
        token: staffA,
        body: { statement: 'again' },
      }),
      409,
      'INVALID_STATE',
    );
  });
});

describe('reading', () => {
  it('shows objections to the parties and the bureau only, and filters by state', async () => {
    const { objection: o } = await objection();
    for (const token of [staffA, reviewerB, staffB, coordinator, admin])
      expect((await stack.request('GET', `/api/v1/objections/${o.id}`, { token })).status).toBe(200);
    expectProblem(await stack.request('GET', `/api/v1/objections/${o.id}`, { token: staffC }), 404, 'NOT_FOUND');
    const mine = await stack.request('GET', '/api/v1/objections?state=negotiating&limit=200', { token: staffA });
    expect(mine.body.items.map((i: any) => i.id)).toContain(o.id);
    expect(mine.body.items.every((i: any) => i.state === 'negotiating')).toBe(true);
    expect((await stack.request('GET', '/api/v1/objections', { token: staffC })).body.items).toEqual([]);
    expectProblem(
      await stack.request('GET', '/api/v1/objections?state=closed', { token: admin }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('negotiation and coordination', () => {
  it('settles in negotiation: the provider agrees and the application is granted with the conditions', async () => {
    const { applicationId, objection: o } = await objection();
    expectProblem(
      await stack.request('POST', `/api/v1/objections/${o.id}/settlement`, {
        token: staffA,
        body: { outcome: 'share' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/objections/${o.id}/settlement`, {
        token: reviewerB,
        body: { outcome: 'conditional_share' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('POST', `/api/v1/objections/${o.id}/settlement`, {
        token: reviewerB,
        body: { outcome: 'uphold_refusal' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const settled = await stack.request('POST', `/api/v1/objections/${o.id}/settlement`, {
      token: reviewerB,
      body: { outcome: 'conditional_share', conditions: '仅限核查用途' },
    });
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({
      state: 'resolved',
      ruling: { outcome: 'conditional_share', stage: 'negotiation', conditions: '仅限核查用途' },
    });
    expect(await waitForApplication(applicationId, 'granted')).toMatchObject({
      state: 'granted',
      grant: { conditions: '仅限核查用途' },
    });
    expectProblem(
      await stack.request('POST', `/api/v1/objections/${o.id}/settlement`, {
        token: reviewerB,
        body: { outcome: 'share' },
      }),
      409,
      'INVALID_STATE',
    );
  });

  it('lets the bureau take the case, takes statements and minutes, and only the assigned coordinator rules', async () => {
    const { applicationId, objection: o } = await objection();
    const url = `/api/v1/objections/${o.id}`;
    expectProblem(await stack.request('POST', `${url}/assignment`, { token: reviewerB, body: {} }), 403, 'FORBIDDEN');
    expectProblem(
      await stack.request('POST', `${url}/assignment`, { token: partyCoordinator, body: {} }),
      403,
      'FORBIDDEN',
    );
    const taken = await stack.request('POST', `${url}/assignment`, { token: coordinator, body: {} });
    expect(taken.body).toMatchObject({
      state: 'coordinating',
      coordinator: { id: 'coord-1', role: 'bureau_coordinator' },
    });
    expect(taken.body.statementDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(taken.body.coordinationDueDate > taken.body.statementDueDate).toBe(true);

    const said = await stack.request('POST', `${url}/statements`, {
      token: reviewerB,
      body: { text: '申请数据含个人敏感信息' },
    });
    expect(said.body.statements).toEqual([
      expect.objectContaining({ seq: 1, party: 'provider', text: '申请数据含个人敏感信息' }),
    ]);
    expectProblem(
      await stack.request('POST', `${url}/statements`, { token: staffC, body: { text: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('POST', `${url}/statements`, { token: staffA, body: { text: '' } }),
      400,
      'VALIDATION_FAILED',
    );

    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    expectProblem(
      await stack.request('POST', `${url}/minutes`, { token: coordinator2, body: { text: '会商', heldAt } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/minutes`, { token: coordinator, body: { text: '会商' } }),
      400,
      'VALIDATION_FAILED',
    );
    const minuted = await stack.request('POST', `${url}/minutes`, {
      token: coordinator,
      body: { text: '双方到会陈述意见', heldAt },
    });
    expect(minuted.body.minutes).toEqual([expect.objectContaining({ seq: 1, text: '双方到会陈述意见', heldAt })]);

    expectProblem(
      await stack.request('POST', `${url}/ruling`, { token: coordinator2, body: { outcome: 'share', reasoning: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/ruling`, { token: coordinator, body: { outcome: 'share' } }),
      400,
      'VALIDATION_FAILED',
    );
    const ruled = await stack.request('POST', `${url}/ruling`, {
      token: coordinator,
      body: { outcome: 'uphold_refusal', reasoning: '拒绝依据充分' },
    });
    expect(ruled.body).toMatchObject({
      state: 'resolved',
      ruling: { outcome: 'uphold_refusal', stage: 'coordination', by: { id: 'coord-1' } },
    });
    expect(await waitForApplication(applicationId, 'rejected')).toMatchObject({ decision: { final: true } });
    expect(ruled.body.timeline.map((e: any) => e.action)).toEqual([
      'file',
      'take_over',
      'statement',
      'minutes',
      'rule',
    ]); // A refusal upheld is final: objecting again is refused by the application's own rules.
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${applicationId}/objection`, {
        token: staffA,
        body: { statement: 'again' },
      }),
      409,
      'INVALID_STATE',
    );
  });

  it('reassigns coordination to another coordinator, who then rules to share', async () => {
    const { applicationId, objection: o } = await objection();
    const url = `/api/v1/objections/${o.id}`;
    await stack.request('POST', `${url}/assignment`, { token: coordinator, body: {} });
    const moved = await stack.request('POST', `${url}/assignment`, {
      token: coordinator,
      body: { coordinator: 'coord-2', coordinatorName: '王协调' },
    });
    expect(moved.body.coordinator).toMatchObject({ id: 'coord-2', name: '王协调' });
    expectProblem(
      await stack.request('POST', `${url}/ruling`, { token: coordinator, body: { outcome: 'share', reasoning: 'x' } }),
      403,
      'FORBIDDEN',
    );
    await stack.request('POST', `${url}/ruling`, {
      token: coordinator2,
      body: { outcome: 'share', reasoning: '应当共享' },
    });
    expect((await waitForApplication(applicationId, 'granted')).state).toBe('granted');
  });
});

describe('escalation', () => {
  it('escalates from coordination and lets only a bureau admin record the government decision', async () => {
    const { applicationId, objection: o } = await objection();
    const url = `/api/v1/objections/${o.id}`;
    expectProblem(
      await stack.request('POST', `${url}/escalation`, { token: coordinator, body: { reason: '分歧' } }),
      409,
      'INVALID_STATE',
    );
    await stack.request('POST', `${url}/assignment`, { token: coordinator, body: {} });
    expectProblem(
      await stack.request('POST', `${url}/escalation`, { token: staffA, body: { reason: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/escalation`, { token: coordinator, body: {} }),
      400,
      'VALIDATION_FAILED',
    );
    const escalated = await stack.request('POST', `${url}/escalation`, {
      token: coordinator,
      body: { reason: '协调未能达成一致' },
    });
    expect(escalated.body).toMatchObject({
      state: 'escalated',
      escalation: { reason: '协调未能达成一致', automatic: false },
    });
    expectProblem(
      await stack.request('POST', `${url}/government-decision`, {
        token: coordinator,
        body: { outcome: 'share', reasoning: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    const decided = await stack.request('POST', `${url}/government-decision`, {
      token: admin,
      body: { outcome: 'share', reasoning: '市政府统筹决定共享', documentRef: '滨政办函〔2026〕8号' },
    });
    expect(decided.body).toMatchObject({
      state: 'resolved',
      ruling: { stage: 'government', documentRef: '滨政办函〔2026〕8号' },
    });
    expect((await waitForApplication(applicationId, 'granted')).state).toBe('granted');
  });
});

describe('dossier (卷宗)', () => {
  it('renders a printable zh-CN page with parties, application, refusal and its basis, statements, minutes, ruling and timeline', async () => {
    const { objection: o } = await objection();
    const url = `/api/v1/objections/${o.id}`;
    await stack.request('POST', `${url}/assignment`, { token: coordinator, body: {} });
    await stack.request('POST', `${url}/statements`, {
      token: staffA,
      body: { text: '<script>alert(1)</script>履职需要' },
    });
    await stack.request('POST', `${url}/minutes`, {
      token: coordinator,
      body: { text: '召开协调会', heldAt: new Date(Date.now() - 60_000).toISOString() },
    });
    await stack.request('POST', `${url}/escalation`, { token: coordinator, body: { reason: '协调未果' } });
    const res = await fetch(`${stack.baseUrl}${url}/dossier`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    // It runs no script and loads nothing, and no cache keeps it (personal data).
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    for (const part of [
      '不予共享异议协商卷宗',
      applicant,
      provider,
      '不动产登记信息',
      '涉及个人隐私',
      '《个人信息保护法》第十三条',
      '召开协调会',
      '协调未果',
      '已提请市政府',
    ]) {
      expect(html).toContain(part);
    }
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
    // The course of the case in the glossary's words, not the audit log's codes.
    for (const part of ['提出异议', '协商中', '协调中']) expect(html).toContain(part);
    expect(html).not.toMatch(/take_over|negotiating|coordinating|\bfile\b/);
    expect(
      (await fetch(`${stack.baseUrl}${url}/dossier`, { headers: { authorization: `Bearer ${staffC}` } })).status,
    ).toBe(404);
  });
});

describe('refusals and retries', () => {
  it('does not let a coordinator from a party agency rule, even when assigned by id', async () => {
    const { objection: o } = await objection();
    const url = `/api/v1/objections/${o.id}`;
    const assigned = await stack.request('POST', `${url}/assignment`, {
      token: coordinator,
      body: { coordinator: 'coord-party' },
    });
    expect(assigned.body.coordinator.id).toBe('coord-party');
    expectProblem(
      await stack.request('POST', `${url}/ruling`, {
        token: partyCoordinator,
        body: { outcome: 'share', reasoning: '自己裁自己' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/minutes`, {
        token: partyCoordinator,
        body: { text: 'x', heldAt: new Date(Date.now() - 60_000).toISOString() },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses the wrong party, late statements and minutes, and future minutes', async () => {
    const { objection: o } = await objection();
    const url = `/api/v1/objections/${o.id}`;
    expectProblem(
      await stack.request('POST', `${url}/settlement`, { token: staffB, body: { outcome: 'share' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', `${url}/statements`, { token: coordinator, body: { text: 'bureau is no party' } }),
      403,
      'FORBIDDEN',
    );
    await stack.request('POST', `${url}/assignment`, { token: coordinator, body: {} });
    expectProblem(
      await stack.request('POST', `${url}/minutes`, {
        token: coordinator,
        body: { text: '未来', heldAt: new Date(Date.now() + 86_400_000).toISOString() },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('POST', `${url}/ruling`, {
        token: coordinator,
        body: { outcome: 'conditional_share', reasoning: '缺条件' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    await stack.request('POST', `${url}/escalation`, { token: coordinator, body: { reason: '未果' } });
    expectProblem(
      await stack.request('POST', `${url}/minutes`, {
        token: coordinator,
        body: { text: 'x', heldAt: new Date(Date.now() - 60_000).toISOString() },
      }),
      409,
      'INVALID_STATE',
    );
    const upheld = await stack.request('POST', `${url}/government-decision`, {
      token: admin,
      body: { outcome: 'uphold_refusal', reasoning: '维持不予共享' },
    });
    expect(upheld.body).toMatchObject({
      state: 'resolved',
      ruling: { outcome: 'uphold_refusal', stage: 'government' },
    });
    expectProblem(
      await stack.request('POST', `${url}/statements`, { token: staffA, body: { text: 'too late' } }),
      409,
      'INVALID_STATE',
    );
    expect(upheld.body.timeline[0]).toMatchObject({ action: 'file', legalBasis: '《个人信息保护法》第十三条' });
  });

  it('returns the same objection for a retried Idempotency-Key and 409 for the key with another body', async () => {
    const body = {
      resourceId: conditionalId,
      purpose: '核查',
      dutyBasis: '职责',
      usageScope: '本部门',
      periodMonths: 6,
      deliveryMethod: 'api',
    };
    const app = (await stack.request('POST', '/api/v1/share-applications', { token: staffA, body })).body;
    await stack.request('POST', `/api/v1/share-applications/${app.id}/decision`, {
      token: reviewerB,
      body: { decision: 'reject', reason: '理由', legalBasis: '依据' },
    });
    const headers = { 'idempotency-key': `obj-${uniq('')}` };
    const first = await stack.request('POST', `/api/v1/share-applications/${app.id}/objection`, {
      token: staffA,
      body: { statement: '必需' },
      headers,
    });
    const retry = await stack.request('POST', `/api/v1/share-applications/${app.id}/objection`, {
      token: staffA,
      body: { statement: '必需' },
      headers,
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expectProblem(
      await stack.request('POST', `/api/v1/share-applications/${app.id}/objection`, {
        token: staffA,
        body: { statement: '另一份' },
        headers,
      }),
      409,
      'DUPLICATE',
    );
  });

  it('serves the dossier to both parties', async () => {
    const { objection: o } = await objection();
    for (const token of [staffA, reviewerB]) {
      const res = await fetch(`${stack.baseUrl}/api/v1/objections/${o.id}/dossier`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('不予共享异议协商卷宗');
    }
  });
});

describe('a failed objection process', () => {
  it('reopens the objection window when the objection process is terminated without an outcome', async () => {
    const { applicationId, objection: o } = await objection();
    await stack.env.client.workflow.getHandle(`objection:${o.id}`).terminate('operator error');
    const reopened = await waitForApplication(applicationId, 'rejected');
    expect(reopened.state).toBe('rejected');
    expect(reopened.decision.final).toBeFalsy();
    expect(reopened.objectionDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reopened.timeline.at(-1)).toMatchObject({ action: 'objection_process_failed' });
    const again = await stack.request('POST', `/api/v1/share-applications/${applicationId}/objection`, {
      token: staffA,
      body: { statement: '再次提出异议' },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(o.id);
  });
});
