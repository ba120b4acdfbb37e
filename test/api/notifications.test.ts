// The in-system inbox over HTTP: what the processes tell reaches the right people, and only them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/assertions.js';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string, coordinator: string, staffA: string, reviewerB: string, staffC: string;
let resourceId: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  const [applicant, provider, outsider] = [uniq('APP'), uniq('PRV'), uniq('OUT')];
  for (const code of [applicant, provider, outsider])
    await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
  staffA = await stack.token('staff-a', ['agency_staff'], applicant);
  reviewerB = await stack.token('reviewer-b', ['agency_reviewer'], provider);
  staffC = await stack.token('staff-c', ['agency_staff'], outsider);
  resourceId = (
    await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '婚姻登记信息',
        providerAgency: provider,
        fields: [{ name: 'a' }],
        shareType: 'conditional',
        openType: 'not_open',
        legalBasis: '《婚姻登记条例》',
        updateCycle: 'monthly',
      },
    })
  ).body.id;
});
afterAll(async () => stack?.close());

const inbox = async (token: string, query = '') =>
  (await stack.request('GET', `/api/v1/notifications${query}`, { token })).body.items as any[];

describe('notifications inbox', () => {
  it('delivers a new application to the provider agency, a decision to the applicant, an urge to the provider, and nothing to others', async () => {
    const app = (
      await stack.request('POST', '/api/v1/share-applications', {
        token: staffA,
        body: { resourceId, purpose: 'p', dutyBasis: 'd', usageScope: 'u', periodMonths: 6, deliveryMethod: 'api' },
      })
    ).body;
    const providerInbox = await inbox(reviewerB);
    expect(providerInbox.filter((n) => n.caseId === app.id).map((n) => n.kind)).toEqual(['review_requested']);
    await stack.request('POST', `/api/v1/share-applications/${app.id}/urge`, { token: coordinator, body: {} });
    await stack.request('POST', `/api/v1/share-applications/${app.id}/decision`, {
      token: reviewerB,
      body: { decision: 'approve' },
    });
    expect((await inbox(staffA)).filter((n) => n.caseId === app.id).map((n) => n.kind)).toEqual(['granted']);
    expect(
      (await inbox(reviewerB))
        .filter((n) => n.caseId === app.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['review_requested', 'urged']);
    expect((await inbox(staffC)).filter((n) => n.caseId === app.id)).toEqual([]);
    expect((await inbox(admin)).filter((n) => n.caseId === app.id && n.audience !== 'bureau')).toEqual([]);
  });

  it('marks a notification read for its recipient only, and filters unread ones', async () => {
    const app = (
      await stack.request('POST', '/api/v1/share-applications', {
        token: staffA,
        body: { resourceId, purpose: 'p', dutyBasis: 'd', usageScope: 'u', periodMonths: 6, deliveryMethod: 'api' },
      })
    ).body;
    const [note] = (await inbox(reviewerB, '?unread=true')).filter((n) => n.caseId === app.id);
    expect(note).toMatchObject({ kind: 'review_requested', readAt: null });
    expectProblem(
      await stack.request('POST', `/api/v1/notifications/${note.id}/read`, { token: staffC }),
      404,
      'NOT_FOUND',
    );
    const read = await stack.request('POST', `/api/v1/notifications/${note.id}/read`, { token: reviewerB });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await inbox(reviewerB, '?unread=true')).map((n) => n.id)).not.toContain(note.id);
    expect((await inbox(reviewerB)).map((n) => n.id)).toContain(note.id);
    expectProblem(
      await stack.request('POST', '/api/v1/notifications/not-a-uuid/read', { token: reviewerB }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await stack.request('GET', '/api/v1/notifications'), 401, 'UNAUTHENTICATED');
  });

  it("keeps each colleague's read state their own for the agency's notifications", async () => {
    const colleague = await stack.token(
      'reviewer-b2',
      ['agency_reviewer'],
      (await stack.request('GET', `/api/v1/catalog/resources/${resourceId}`, { token: admin })).body.providerAgency,
    );
    const app = (
      await stack.request('POST', '/api/v1/share-applications', {
        token: staffA,
        body: { resourceId, purpose: 'p', dutyBasis: 'd', usageScope: 'u', periodMonths: 6, deliveryMethod: 'api' },
      })
    ).body;
    const [note] = (await inbox(reviewerB, '?unread=true')).filter((n) => n.caseId === app.id);
    await stack.request('POST', `/api/v1/notifications/${note.id}/read`, { token: reviewerB });
    expect((await inbox(reviewerB, '?unread=true')).map((n) => n.id)).not.toContain(note.id);
    const theirs = (await inbox(colleague, '?unread=true')).find((n) => n.id === note.id);
    expect(theirs).toMatchObject({ readAt: null });
  });

  it('marks the whole inbox read for its reader only', async () => {
    const colleague = await stack.token(
      'reviewer-b3',
      ['agency_reviewer'],
      (await stack.request('GET', `/api/v1/catalog/resources/${resourceId}`, { token: admin })).body.providerAgency,
    );
    await stack.request('POST', '/api/v1/share-applications', {
      token: staffA,
      body: { resourceId, purpose: 'p', dutyBasis: 'd', usageScope: 'u', periodMonths: 6, deliveryMethod: 'api' },
    });
    const before = (await stack.request('GET', '/api/v1/notifications/unread-count', { token: colleague })).body.count;
    expect(before).toBeGreaterThan(0);
    const all = await stack.request('POST', '/api/v1/notifications/read-all', { token: reviewerB });
    expect(all.status).toBe(200);
    expect((await stack.request('GET', '/api/v1/notifications/unread-count', { token: reviewerB })).body.count).toBe(0);
    expect((await stack.request('POST', '/api/v1/notifications/read-all', { token: reviewerB })).body).toEqual({
      marked: 0,
    });
    expect((await stack.request('GET', '/api/v1/notifications/unread-count', { token: colleague })).body.count).toBe(
      before,
    );
  });

  it('speaks Chinese: no notification title is English, and agencies are named', async () => {
    const titles = [...(await inbox(reviewerB)), ...(await inbox(staffA)), ...(await inbox(coordinator))].map(
      (n) => n.title as string,
    );
    expect(titles.length).toBeGreaterThan(3);
    // Codes (upper case) and dates may appear; English words may not.
    for (const title of titles) expect(title, title).not.toMatch(/[a-z]{3,}/);
  });
});
