// processes.md P4's schedule on the dev server (the time-skipping server has no Schedules): created once
// at start-up, yearly on assessment.startsOn at startsAt Asia/Shanghai, visible through the API;
// a trigger or a backfill starts the cycle of the year before, and a year never starts twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycle } from '../../db/queries/assessment.js';
import { ensureSchedules } from '../../lib/schedules.js';
import { assessmentScheduleId } from '../../workflows/assessment/messages.js';
import { localDate } from '../../workflows/common/working-days.js';
import { expectProblem, eventually } from '../helpers/assertions.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: string, coordinator: string;
const schedule = () => stack.env.client.schedule.getHandle(assessmentScheduleId);

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  await stack.request('POST', '/api/v1/agencies', {
    token: admin,
    body: { code: 'SCHED-A', name: '定时评估机构', level: 'county' },
  });
  await schedule()
    .delete()
    .catch(() => {});
});
afterAll(async () => {
  await schedule()
    .delete()
    .catch(() => {});
  await stack?.close();
});

describe('the annual assessment schedule', () => {
  it('is 404 until a worker has created it', async () => {
    expectProblem(await stack.request('GET', '/api/v1/assessment-schedule', { token: coordinator }), 404, 'NOT_FOUND');
  });

  it('is created once, yearly on 01-15 at 09:00 Asia/Shanghai, and shown through the API', async () => {
    expect(await ensureSchedules(stack.env.client, stack.config.temporal.taskQueue, stack.config.policy)).toContain(
      assessmentScheduleId,
    );
    expect(await ensureSchedules(stack.env.client, stack.config.temporal.taskQueue, stack.config.policy)).toEqual([]);
    const d = await schedule().describe();
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    expect(d.spec.calendars?.[0]).toMatchObject({
      month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }],
      dayOfMonth: [{ start: 15, end: 15, step: 1 }],
      hour: [{ start: 9, end: 9, step: 1 }],
    });
    expect(d.policies.overlap).toBe('ALLOW_ALL');
    expect(d.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'assessmentScheduledWorkflow',
      taskQueue: stack.config.temporal.taskQueue,
    });

    const res = await stack.request('GET', '/api/v1/assessment-schedule', { token: coordinator });
    expect(res.status).toBe(200);
    const next = new Date(res.body.nextRunAt);
    // 09:00 in Shanghai is 01:00 UTC; the next run assesses the year before it.
    expect([next.getUTCMonth(), next.getUTCDate(), next.getUTCHours()]).toEqual([0, 15, 1]);
    expect(res.body).toMatchObject({
      startsOn: '01-15',
      startsAt: '09:00',
      timezone: 'Asia/Shanghai',
      paused: false,
      nextYearAssessed: next.getUTCFullYear() - 1,
    });
    expectProblem(
      await stack.request('GET', '/api/v1/assessment-schedule', {
        token: await stack.token('s', ['agency_staff'], 'SCHED-A'),
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('starts the previous year when triggered, the scheduled year when backfilled, and never a year twice', async () => {
    const lastYear = Number(localDate(Date.now()).slice(0, 4)) - 1;
    await schedule().trigger();
    const triggered = await eventually(
      () => getCycle(stack.database.db, lastYear),
      (row) => row !== null,
    );
    expect(triggered).toMatchObject({
      year: lastYear,
      workflowId: `assessment:${lastYear}`,
      startedBy: { id: 'system', name: 'annual schedule' },
    });

    // A backfill of 2021's run assesses 2020: the year comes from the time the run was due.
    await schedule().backfill({
      start: new Date('2021-01-15T00:30:00Z'),
      end: new Date('2021-01-15T01:30:00Z'),
      overlap: 'ALLOW_ALL',
    });
    expect(
      (
        await eventually(
          () => getCycle(stack.database.db, 2020),
          (row) => row !== null,
        )
      )?.year,
    ).toBe(2020);

    // Triggered again: the year already ran, so nothing new starts.
    const before = (await schedule().describe()).info.recentActions.length;
    await schedule().trigger();
    await eventually(
      () => schedule().describe(),
      (d) => d.info.recentActions.length > before,
    );
    const again = (await schedule().describe()).info.recentActions.at(-1)!;
    const kickoff = stack.env.client.workflow.getHandle(
      again.action.workflow.workflowId,
      again.action.workflow.firstExecutionRunId,
    );
    const result = await kickoff.result();
    expect(result).toEqual({ year: lastYear, started: false });
    expectProblem(
      await stack.request('POST', '/api/v1/assessment-cycles', { token: admin, body: { year: lastYear } }),
      409,
      'DUPLICATE',
    );
  });
});
