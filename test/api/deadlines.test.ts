// Deadlines seen over HTTP: the whole stack on the time-skipping server, so working days pass in
// milliseconds and the API shows what the workflows did when they passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

let stack: Stack;
let admin: string, staffA: string, reviewerB: string, coordinator: string;
let conditionalId: string, notSharedId: string;

beforeAll(async () => {
  stack = await startStack({}, { timeSkipping: true });
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  const [applicant, provider] = [uniq('APP'), uniq('PRV')];
  for (const code of [applicant, provider])
    await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
  staffA = await stack.token('staff-a', ['agency_staff'], applicant);
  reviewerB = await stack.token('reviewer-b', ['agency_reviewer'], provider);
  const mk = async (shareType: string) =>
    (
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: {
          code: uniq('R'),
          name: '社保缴费记录',
          providerAgency: provider,
          fields: [{ name: 'a' }],
          shareType,
          openType: 'not_open',
          legalBasis: '《社会保险法》',
          updateCycle: 'monthly',
        },
      })
    ).body.id as string;
  [conditionalId, notSharedId] = [await mk('conditional'), await mk('not_shared')];
});
afterAll(async () => stack?.close());

const submit = (resourceId: string) =>
  stack.request('POST', '/api/v1/share-applications', {
    token: staffA,
    body: {
      resourceId,
      purpose: '待遇核定',
      dutyBasis: '法定职责',
      usageScope: '本部门',
      periodMonths: 6,
      deliveryMethod: 'api',
    },
  });

/** Lets the server's clock run to a minute past an instant, then waits for the case to show `ok`. */
async function pastThen<T>(dueAt: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const ms = Date.parse(dueAt) + 60_000 - (await stack.env.currentTimeMs());
  if (ms > 0) await stack.env.sleep(ms);
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('deadlines over HTTP', () => {
  it('shows a review overdue after its deadline, listed for the bureau, and still decidable', async () => {
    const created = (await submit(conditionalId)).body;
    const read = async () =>
      (await stack.request('GET', `/api/v1/share-applications/${created.id}`, { token: staffA })).body;
    const late = await pastThen(created.reviewDueAt, read, (a) => a.overdue);
    expect(late).toMatchObject({ state: 'pending_review', overdue: true });
    expect(late.timeline.at(-1)).toMatchObject({ action: 'overdue', actorId: 'system' });
    const listed = await stack.request('GET', '/api/v1/share-applications?overdue=true&state=pending_review', {
      token: coordinator,
    });
    expect(listed.body.items.map((a: any) => a.id)).toContain(created.id);
    const decided = await stack.request('POST', `/api/v1/share-applications/${created.id}/decision`, {
      token: reviewerB,
      body: { decision: 'approve' },
    });
    expect(decided.body).toMatchObject({ state: 'granted', overdue: true });
  });

  it('refuses an objection once the objection window has closed (409)', async () => {
    const refused = (await submit(notSharedId)).body;
    const read = async () =>
      (await stack.request('GET', `/api/v1/share-applications/${refused.id}`, { token: staffA })).body;
    const closed = await pastThen(refused.objectionDueAt, read, (a) => a.decision?.final === true);
    expect(closed).toMatchObject({ state: 'rejected', objectionDueDate: null, decision: { final: true } });
    const late = await stack.request('POST', `/api/v1/share-applications/${refused.id}/objection`, {
      token: staffA,
      body: { statement: '逾期提出' },
    });
    expectProblem(late, 409, 'INVALID_STATE');
  });

  it('moves an objection to coordination by itself when negotiation lapses', async () => {
    const refused = (await submit(notSharedId)).body;
    const filed = (
      await stack.request('POST', `/api/v1/share-applications/${refused.id}/objection`, {
        token: staffA,
        body: { statement: '履职必需' },
      })
    ).body;
    const read = async () =>
      (await stack.request('GET', `/api/v1/objections/${filed.id}`, { token: coordinator })).body;
    const coordinating = await pastThen(filed.negotiationDueAt, read, (o) => o.state === 'coordinating');
    expect(coordinating.state).toBe('coordinating');
    expect(coordinating.statementDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(coordinating.coordinationDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
