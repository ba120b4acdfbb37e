// processes.md P6 over a real stack: the daily schedule exists and, when triggered, the sweep marks
// resources by their update cycle, tells the provider at overdue and the bureau at delinquent.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogResources } from '../../db/schema/catalog.js';
import { ensureSchedules } from '../../lib/schedules.js';
import { freshnessScheduleId } from '../../workflows/freshness/messages.js';
import { eventually } from '../helpers/assertions.js';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string, reviewer: string, coordinator: string;
let provider: string;

const DAY = 86_400_000;
const resource = async (updateCycle: string) =>
  (
    await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: `数据${updateCycle}`,
        providerAgency: provider,
        fields: [{ name: 'a' }],
        shareType: 'unconditional',
        openType: 'unconditional',
        updateCycle,
      },
    })
  ).body.id as string;
const setLastUpdate = (id: string, at: Date) =>
  stack.database.db.update(catalogResources).set({ lastDataUpdateAt: at }).where(eq(catalogResources.id, id));
const freshness = async (id: string) =>
  (await stack.request('GET', `/api/v1/catalog/resources/${id}`, { token: reviewer })).body.freshness as string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  provider = uniq('PRV');
  await stack.request('POST', '/api/v1/agencies', {
    token: admin,
    body: { code: provider, name: provider, level: 'municipal' },
  });
  reviewer = await stack.token('reviewer', ['agency_reviewer'], provider);
});
afterAll(async () => {
  await stack?.env.client.schedule
    .getHandle(freshnessScheduleId)
    .delete()
    .catch(() => {});
  await stack?.close();
});

describe('freshness (更新周期)', () => {
  it('keeps one daily schedule at 01:00 Asia/Shanghai, created once however often start-up runs', async () => {
    await stack.env.client.schedule
      .getHandle(freshnessScheduleId)
      .delete()
      .catch(() => {});
    expect(await ensureSchedules(stack.env.client, stack.config.temporal.taskQueue)).toContain(freshnessScheduleId);
    expect(await ensureSchedules(stack.env.client, stack.config.temporal.taskQueue)).toEqual([]);
    const described = await stack.env.client.schedule.getHandle(freshnessScheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 1, end: 1, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    });
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'freshnessWorkflow',
      taskQueue: stack.config.temporal.taskQueue,
    });
  });

  it('marks stale resources when the schedule runs, tells the right people once, and a data update makes one fresh again', async () => {
    const [current, late, abandoned] = [await resource('daily'), await resource('monthly'), await resource('weekly')];
    const now = Date.now();
    await setLastUpdate(current, new Date(now - 60_000));
    await setLastUpdate(late, new Date(now - 45 * DAY));
    await setLastUpdate(abandoned, new Date(now - 30 * DAY));

    const schedule = stack.env.client.schedule.getHandle(freshnessScheduleId);
    await schedule.trigger();
    expect(
      await eventually(
        () => freshness(abandoned),
        (f) => f === 'delinquent',
      ),
    ).toBe('delinquent');
    expect(await freshness(late)).toBe('overdue');
    expect(await freshness(current)).toBe('fresh');

    const listed = await stack.request('GET', `/api/v1/catalog/resources?provider=${provider}&freshness=overdue`, {
      token: reviewer,
    });
    expect(listed.body.items.map((r: any) => r.id)).toEqual([late]);
    const providerInbox = (await stack.request('GET', '/api/v1/notifications', { token: reviewer })).body.items;
    // The provider hears of both: a resource that passes straight to delinquent was overdue too.
    expect(
      providerInbox
        .filter((n: any) => n.kind === 'freshness_overdue')
        .map((n: any) => n.caseId)
        .sort(),
    ).toEqual([late, abandoned].sort());
    const bureauInbox = (await stack.request('GET', '/api/v1/notifications', { token: coordinator })).body.items;
    expect(bureauInbox.filter((n: any) => n.kind === 'freshness_delinquent').map((n: any) => n.caseId)).toEqual([
      abandoned,
    ]);

    // A second run changes nothing and tells nobody again.
    const before = (await schedule.describe()).info.recentActions.length;
    await schedule.trigger();
    await eventually(
      () => schedule.describe(),
      (d) => d.info.recentActions.length > before,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const again = (await stack.request('GET', '/api/v1/notifications', { token: reviewer })).body.items;
    expect(again.filter((n: any) => n.kind === 'freshness_overdue')).toHaveLength(2);

    const updated = await stack.request('POST', `/api/v1/catalog/resources/${late}/data-updates`, {
      token: reviewer,
      body: {},
    });
    expect(updated.body.resource.freshness).toBe('fresh');
  });
});
