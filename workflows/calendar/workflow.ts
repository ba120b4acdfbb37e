// The calendar publication job (日历发布作业): after the bureau publishes a working-day calendar
// year, every open case with a deadline is told, until each has heard, and its progress is kept in
// the job's row. Started by the API's upload, which answers at once with the job's id.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

export type PublicationPass = 'open' | 'opened_since';

export interface CalendarPublicationInput {
  jobId: string;
  year: number;
  /** When the year was published: cases opened since may have read the calendar before it. */
  publishedAt: string;
}

/** A pass tells a page of cases at a time and heartbeats; a failed page is retried until it is told. */
const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const calendarPublicationWorkflowId = (jobId: string): string => `calendar-publication:${jobId}`;

/** How long after the first pass the cases opened meanwhile are told once more. */
const SETTLE_MS = 60_000;

export async function calendarPublicationWorkflow(
  input: CalendarPublicationInput,
): Promise<{ told: number; gone: number; retold: number }> {
  await acts.tellCasesOfCalendar({ jobId: input.jobId, pass: 'open', openedSince: null });
  // A case that loaded the calendar just before the year was written, and was indexed just after
  // the first pass listed the cases, has not heard: tell every case opened since the publication
  // (less a margin) once its registration has surely been recorded.
  await sleep(SETTLE_MS);
  const since = new Date(Date.parse(input.publishedAt) - SETTLE_MS).toISOString();
  await acts.tellCasesOfCalendar({ jobId: input.jobId, pass: 'opened_since', openedSince: since });
  return acts.finishCalendarPublication({ jobId: input.jobId });
}
