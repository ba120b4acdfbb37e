// Starting the calendar publication job (日历发布作业) — from the upload, and again from every worker
// for a job whose start was lost: the year and its job are committed together, so a process that dies
// between the commit and the workflow's start leaves a job that a worker starts within a minute.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Db } from '../db/client.js';
import {
  abandonCalendarPublication,
  getCalendarPublication,
  listUnfinishedPublications,
} from '../db/queries/calendar.js';
import { calendarPublicationWorkflowId, type CalendarPublicationInput } from '../workflows/calendar/workflow.js';
import type { Logger } from './logger.js';

/**
 * Starts a job's workflow, or finds it already running (the job id is the workflow id). A workflow that
 * has already closed is not started again: false then.
 */
export async function startCalendarPublication(
  client: Client,
  taskQueue: string,
  input: CalendarPublicationInput,
): Promise<boolean> {
  try {
    await client.workflow.start('calendarPublicationWorkflow', {
      workflowId: calendarPublicationWorkflowId(input.jobId),
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

/**
 * Starts every unfinished job older than `graceMs` (its upload may still be starting it) whose
 * workflow is not running. Returns how many jobs it looked at; a job whose workflow closed without
 * finishing it (terminated by an operator) is marked `abandoned` and logged, not restarted.
 */
export async function resumeCalendarPublications(deps: {
  db: Db;
  client: Client;
  taskQueue: string;
  logger: Logger;
  graceMs?: number;
}): Promise<number> {
  const jobs = await listUnfinishedPublications(deps.db, new Date(Date.now() - (deps.graceMs ?? 30_000)));
  for (const job of jobs) {
    const input = { jobId: job.id, year: job.year, publishedAt: job.startedAt.toISOString() };
    if (await startCalendarPublication(deps.client, deps.taskQueue, input)) continue;
    // Closed: done in the meantime (its own last step marks it so and the update below finds
    // nothing to change), or ended unfinished by hand, which the row now says; once, not every minute.
    const current = await getCalendarPublication(deps.db, job.id);
    if (current?.state !== 'running') continue;
    await abandonCalendarPublication(deps.db, job.id);
    deps.logger.warn(
      { jobId: job.id, year: job.year },
      'a calendar publication job was ended unfinished; marked abandoned (publish the year again to tell its cases)',
    );
  }
  return jobs.length;
}

/**
 * What a worker runs beside its workflows: resume lost jobs now and every `everyMs` (a minute). The
 * timer does not keep the process alive; errors are logged and the next round tries again.
 */
export function keepResumingCalendarPublications(
  deps: Parameters<typeof resumeCalendarPublications>[0],
  everyMs = 60_000,
): () => void {
  const round = () =>
    resumeCalendarPublications(deps).then(
      (n) => n && deps.logger.debug({ jobs: n }, 'unfinished calendar publication jobs checked'),
      (error: unknown) => deps.logger.warn({ err: error }, 'could not resume calendar publication jobs'),
    );
  void round();
  const timer = setInterval(() => void round(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
