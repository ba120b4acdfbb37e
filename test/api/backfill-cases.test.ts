// Cases recorded before the cases table existed are indexed from their workflows' views.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillCases } from '../../activities/case-index.js';
import { uniq } from '../helpers/fixtures.js';
import { testLogger } from '../helpers/logger.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

describe('backfillCases', () => {
  it('gives an unindexed case back its work-list entry and its actions, and does nothing the second time', async () => {
    const admin = await stack.token('admin', ['bureau_admin']);
    const [applicant, provider] = [uniq('A'), uniq('P')];
    for (const code of [applicant, provider])
      await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
    const resource = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '婚姻登记信息',
        providerAgency: provider,
        fields: [{ name: 'n' }],
        shareType: 'conditional',
        openType: 'not_open',
        legalBasis: '《民法典》',
        updateCycle: 'daily',
      },
    });
    const staff = await stack.token('s', ['agency_staff'], applicant);
    const reviewer = await stack.token('r', ['agency_reviewer'], provider);
    const created = await stack.request('POST', '/api/v1/share-applications', {
      token: staff,
      body: {
        resourceId: resource.body.id,
        purpose: 'p',
        dutyBasis: 'd',
        usageScope: 's',
        periodMonths: 3,
        deliveryMethod: 'file',
      },
    });
    const id = created.body.id;

    // As if recorded by a release before the work list: no row in cases.
    await stack.database.db.execute(sql`delete from case_tasks where case_id = ${id}`);
    await stack.database.db.execute(sql`delete from cases where case_id = ${id}`);
    expect((await stack.request('GET', '/api/v1/work-items', { token: reviewer })).body.items).toEqual([]);
    expect((await stack.request('GET', `/api/v1/share-applications/${id}`, { token: reviewer })).body.actions).toEqual(
      [],
    );

    const deps = { db: stack.database.db, temporal: stack.env.client, policy: stack.config.policy, logger: testLogger };
    expect(await backfillCases(deps)).toEqual({ written: 1, unreachable: 0 });
    const todo = (await stack.request('GET', '/api/v1/work-items', { token: reviewer })).body.items;
    expect(todo.map((i: any) => [i.caseId, i.state, i.dueDate])).toEqual([
      [id, 'pending_review', created.body.reviewDueDate],
    ]);
    expect((await stack.request('GET', `/api/v1/share-applications/${id}`, { token: reviewer })).body.actions).toEqual([
      'approve',
      'reject',
      'request_supplement',
      'extend',
    ]);
    expect(await backfillCases(deps)).toEqual({ written: 0, unreachable: 0 });
  });
});
