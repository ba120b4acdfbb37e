// Temporal Schedules that shuzhi runs on its own, created idempotently at start-up.
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import type { Month } from '@temporalio/client';
import { assessmentScheduledWorkflowType, assessmentScheduleId } from '../workflows/assessment/messages.js';
import { freshnessScheduleId, freshnessWorkflowType } from '../workflows/freshness/messages.js';
import { defaultPolicy, type Policy } from '../policy/index.js';
import { auditCheckpointScheduleId, auditCheckpointWorkflowType } from '../workflows/audit/messages.js';

const months: Month[] = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

/** Every schedule of this release, by id. */
export function scheduleDefinitions(
  taskQueue: string,
  policy: Policy = defaultPolicy,
): Pick<ScheduleOptions, 'scheduleId' | 'spec' | 'action' | 'policies'>[] {
  const [month, day] = policy.assessment.startsOn.split('-').map(Number) as [number, number];
  const [hour, minute] = policy.assessment.startsAt.split(':').map(Number) as [number, number];
  return [
    {
      // processes.md P6, at 01:00 Asia/Shanghai. Overlap SKIP: a sweep still running makes the next one
      // unnecessary. Catch-up of a day: a server down overnight sweeps once when back.
      scheduleId: freshnessScheduleId,
      spec: { calendars: [{ hour: 1, minute: 0, comment: 'daily at 01:00' }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: freshnessWorkflowType, taskQueue, workflowId: 'freshness-sweep' },
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    },
    {
      // processes.md P4: the cycle of the previous year, on assessment.startsOn at assessment.startsAt.
      // Overlap ALLOW_ALL: each run starts a different year's cycle and a year starts at most once,
      // so a backfill of several years starts each. Catch-up of 30 days: a cluster down on the day
      // still starts the cycle when back; later than that, starting it is the bureau's decision.
      scheduleId: assessmentScheduleId,
      spec: {
        calendars: [
          {
            month: months[month - 1]!,
            dayOfMonth: day,
            hour,
            minute,
            comment: `yearly on ${policy.assessment.startsOn} at ${policy.assessment.startsAt}`,
          },
        ],
        timezone: 'Asia/Shanghai',
      },
      action: {
        type: 'startWorkflow',
        workflowType: assessmentScheduledWorkflowType,
        taskQueue,
        workflowId: 'assessment-schedule',
        args: [{ policy: policy.assessment }],
      },
      policies: { overlap: 'ALLOW_ALL', catchupWindow: '30 days' },
    },
    {
      // The audit chain's head, signed, every hour (docs/operations.md "Audit chain"). Overlap SKIP and
      // a catch-up of an hour: a missed checkpoint is replaced by the next one.
      scheduleId: auditCheckpointScheduleId,
      spec: { intervals: [{ every: '1 hour' }] },
      action: {
        type: 'startWorkflow',
        workflowType: auditCheckpointWorkflowType,
        taskQueue,
        workflowId: 'audit-checkpoint',
      },
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    },
  ];
}

/** Creates each schedule that is missing; an existing one takes this release's spec, action and policies. */
export async function ensureSchedules(
  client: Client,
  taskQueue: string,
  policy: Policy = defaultPolicy,
): Promise<string[]> {
  const created: string[] = [];
  for (const definition of scheduleDefinitions(taskQueue, policy)) {
    try {
      await client.schedule.create(definition);
      created.push(definition.scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(definition.scheduleId).update((previous) => ({
        ...previous,
        spec: definition.spec,
        action: definition.action,
        policies: definition.policies,
      }));
    }
  }
  return created;
}
