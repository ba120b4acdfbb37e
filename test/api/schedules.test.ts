// GET /api/v1/schedules (定时任务): the Temporal Schedules — the daily freshness sweep, the annual
// assessment and the hourly audit checkpoint — with their next runs and paused state, for the bureau.
// startStack() creates no schedules, so the test creates them as a worker does at start-up
// (ensureSchedules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchedules } from '../../lib/schedules.js';
import { assessmentScheduleId } from '../../workflows/assessment/messages.js';
import { auditCheckpointScheduleId } from '../../workflows/audit/messages.js';
import { freshnessScheduleId } from '../../workflows/freshness/messages.js';
import { expectProblem } from '../helpers/assertions.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string, coordinator: string;
const handle = (id: string) => stack.env.client.schedule.getHandle(id);
const removeBoth = () =>
  Promise.all(
    [freshnessScheduleId, assessmentScheduleId, auditCheckpointScheduleId].map((id) =>
      handle(id)
        .delete()
        .catch(() => {}),
    ),
  );
const list = (token: string) => stack.request('GET', '/api/v1/schedules', { token });

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  await removeBoth();
});
afterAll(async () => {
  await removeBoth();
  await stack?.close();
});

describe('GET /api/v1/schedules', () => {
  it('lists both schedules as not created until a worker makes them', async () => {
    const res = await list(admin);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        scheduleId: freshnessScheduleId,
        exists: false,
        nextRunAt: null,
        nextRuns: [],
        paused: false,
      }),
      expect.objectContaining({
        scheduleId: assessmentScheduleId,
        exists: false,
        nextRunAt: null,
        nextYearAssessed: null,
      }),
      expect.objectContaining({ scheduleId: auditCheckpointScheduleId, exists: false, nextRunAt: null }),
    ]);
  });

  it('gives each its next runs in Asia/Shanghai, and the year the assessment will assess', async () => {
    await ensureSchedules(stack.env.client, stack.config.temporal.taskQueue, stack.config.policy);
    const res = await list(coordinator);
    expect(res.status).toBe(200);
    const [freshness, assessment, checkpoint] = res.body.items;
    // The audit chain's checkpoint, every hour: its next run within the hour.
    expect(checkpoint).toMatchObject({ scheduleId: auditCheckpointScheduleId, exists: true, paused: false });
    expect(new Date(checkpoint.nextRunAt).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(freshness).toMatchObject({
      scheduleId: freshnessScheduleId,
      exists: true,
      timezone: 'Asia/Shanghai',
      paused: false,
      description: 'daily at 01:00',
      recentRuns: [],
    });
    // 01:00 in Shanghai is 17:00 UTC the day before; the next sweep is within a day.
    const nextSweep = new Date(freshness.nextRunAt);
    expect(nextSweep.getUTCHours()).toBe(17);
    expect(nextSweep.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(freshness.nextRuns.length).toBeGreaterThan(1);
    expect(freshness.nextYearAssessed).toBeNull();

    const nextCycle = new Date(assessment.nextRunAt);
    // 09:00 on 01-15 in Shanghai is 01:00 UTC; it assesses the year before the run.
    expect([nextCycle.getUTCMonth(), nextCycle.getUTCDate(), nextCycle.getUTCHours()]).toEqual([0, 15, 1]);
    expect(assessment).toMatchObject({
      scheduleId: assessmentScheduleId,
      exists: true,
      timezone: 'Asia/Shanghai',
      paused: false,
      nextYearAssessed: nextCycle.getUTCFullYear() - 1,
    });
  });

  it('says when a schedule is paused, with the note', async () => {
    await handle(freshnessScheduleId).pause('数据迁移期间暂停');
    const [freshness, assessment] = (await list(admin)).body.items;
    expect(freshness).toMatchObject({ paused: true, note: '数据迁移期间暂停' });
    expect(assessment).toMatchObject({ paused: false });
    await handle(freshnessScheduleId).unpause();
    expect((await list(admin)).body.items[0]).toMatchObject({ paused: false });
  });

  it('is for the bureau only', async () => {
    expectProblem(await list(await stack.token('s', ['agency_staff'], 'SCHED-X')), 403, 'FORBIDDEN');
    expectProblem(await list(await stack.token('p', ['public'])), 403, 'FORBIDDEN');
    expectProblem(await stack.request('GET', '/api/v1/schedules'), 401, 'UNAUTHENTICATED');
  });
});
