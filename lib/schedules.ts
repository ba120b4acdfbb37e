// Temporal Schedules that shuzhi runs on its own, created idempotently at start-up.
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { freshnessScheduleId, freshnessWorkflowType } from '../workflows/freshness/messages.js';

/**
 * The daily freshness sweep (DOMAIN P6) at 01:00 Asia/Shanghai. Overlap SKIP: a sweep still running
 * makes the next one unnecessary. Catch-up of a day: a server down overnight sweeps once when back.
 */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const created: string[] = [];
  const spec = { calendars: [{ hour: 1, minute: 0, comment: 'daily at 01:00' }], timezone: 'Asia/Shanghai' };
  const action = { type: 'startWorkflow' as const, workflowType: freshnessWorkflowType, taskQueue, workflowId: 'freshness-sweep' };
  const policies = { overlap: 'SKIP' as const, catchupWindow: '1 day' };
  try {
    await client.schedule.create({ scheduleId: freshnessScheduleId, spec, action, policies });
    created.push(freshnessScheduleId);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    // An existing schedule takes this release's spec and task queue.
    await client.schedule.getHandle(freshnessScheduleId).update((previous) => ({ ...previous, spec, action, policies }));
  }
  return created;
}
