// The working-day calendar (工作日历): read by every case when it starts, and told to every open case
// when the bureau publishes a year, by the publication job.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client.js';
import {
  advanceCalendarPublication,
  calendarGeneration,
  finishCalendarPublication,
  getCalendarPublication,
  loadUploadedCalendar,
} from '../db/queries/calendar.js';
import { countCasesForCalendar, listCasesForCalendar, type CaseKey } from '../db/queries/case.js';
import type { Logger } from '../lib/logger.js';
import { BUILTIN_CALENDAR } from '../workflows/common/calendar-data.js';
import { calendarUpdatedSignal } from '../workflows/common/messages.js';
import { mergeCalendars, type CalendarData } from '../workflows/common/working-days.js';
import type { PublicationPass } from '../workflows/calendar/workflow.js';

/** The working-day calendar in force: the built-in years with the bureau's uploads over them. */
export async function currentCalendar(db: Db): Promise<CalendarData> {
  return mergeCalendars(BUILTIN_CALENDAR, await loadUploadedCalendar(db));
}

/** The workflow that runs a case: `<case type>:<id>`, but an assessment cycle is `assessment:<year>`. */
export const workflowIdOfCase = (c: CaseKey): string =>
  c.caseType === 'assessment-cycle' ? `assessment:${c.caseId}` : `${c.caseType}:${c.caseId}`;

/** Cases told at once: a page of signals in flight. */
const PAGE = 200;

/**
 * How long a process keeps the calendar it read. A year published by another process meanwhile
 * reaches the cases started in that time through the publication job's second pass, which tells
 * every case opened from a minute before the publication; one published in this process (a test,
 * a single-process deployment) is seen at once.
 */
const CALENDAR_TTL_MS = 5_000;

/** The calendar in force, read at most every CALENDAR_TTL_MS by this reader. */
export function cachedCalendar(db: Db): () => Promise<CalendarData> {
  let cached: { calendar: CalendarData; generation: number; atMs: number } | null = null;
  return async () => {
    const generation = calendarGeneration();
    if (cached && cached.generation === generation && Date.now() - cached.atMs < CALENDAR_TTL_MS)
      return cached.calendar;
    const calendar = await currentCalendar(db);
    cached = { calendar, generation, atMs: Date.now() };
    return calendar;
  };
}

const readers = new WeakMap<Db, () => Promise<CalendarData>>();
/** The calendar in force, through one cached reader per database (the API's, a worker's). */
export function calendarIn(db: Db): Promise<CalendarData> {
  let read = readers.get(db);
  if (!read) readers.set(db, (read = cachedCalendar(db)));
  return read();
}

/** The years of a calendar a case opened now can reach: this year and the ones after it. */
export function calendarFrom(calendar: CalendarData, year: number): CalendarData {
  return Object.fromEntries(Object.entries(calendar).filter(([y]) => Number(y) >= year));
}

export function createCalendarActivities({ db, logger, temporal }: { db: Db; logger: Logger; temporal?: Client }) {
  return {
    /** Read once by a workflow when it starts; later uploads reach it by the calendarUpdated signal. */
    loadCalendar: (): Promise<CalendarData> => calendarIn(db),

    /**
     * One pass of a publication job: tells every case of the pass the calendar in force, a page at a
     * time, resuming where the job's row says it reached. A page with a signal that failed is
     * counted as retrying and the activity fails, so Temporal retries it; a case whose workflow has
     * ended meanwhile is counted as gone.
     */
    async tellCasesOfCalendar(input: {
      jobId: string;
      pass: PublicationPass;
      openedSince: string | null;
    }): Promise<{ told: number; gone: number }> {
      if (!temporal)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client to tell the cases', 'MISCONFIGURED');
      const job = await getCalendarPublication(db, input.jobId);
      if (!job) throw ApplicationFailure.nonRetryable(`no calendar publication ${input.jobId}`, 'NOT_FOUND');
      const since = input.openedSince ? new Date(input.openedSince) : null;
      // The first pass, once done, hands the job to the second; a retry after that has nothing to do.
      if (input.pass === 'open' && job.pass !== 'open') return { told: 0, gone: 0 };
      let cursor: CaseKey | null = job.pass === input.pass ? job.cursor : null;
      if (input.pass === 'open' && cursor === null) {
        await advanceCalendarPublication(db, input.jobId, {
          total: await countCasesForCalendar(db),
          retrying: 0,
          pass: input.pass,
          cursor: null,
        });
      }
      let told = 0;
      let gone = 0;
      for (;;) {
        const page = await listCasesForCalendar(db, cursor, PAGE, since);
        if (!page.length) break;
        // Read for each page: a year published meanwhile by another job is never overtaken by this one's
        // older calendar.
        const calendar = await currentCalendar(db);
        const results = await Promise.allSettled(
          page.map((c) => temporal.workflow.getHandle(workflowIdOfCase(c)).signal(calendarUpdatedSignal, calendar)),
        );
        const ended = results.filter(
          (r) => r.status === 'rejected' && r.reason instanceof WorkflowNotFoundError,
        ).length;
        const failed = results.flatMap((r, i) =>
          r.status === 'rejected' && !(r.reason instanceof WorkflowNotFoundError)
            ? [{ c: page[i]!, error: r.reason as unknown }]
            : [],
        );
        if (failed.length) {
          await advanceCalendarPublication(db, input.jobId, { retrying: failed.length, pass: input.pass, cursor });
          logger.warn(
            { jobId: input.jobId, failed: failed.length, first: workflowIdOfCase(failed[0]!.c), err: failed[0]!.error },
            'calendar publication: cases not told yet; retrying',
          );
          throw new Error(`${failed.length} cases could not be told the calendar yet`);
        }
        cursor = { caseType: page.at(-1)!.caseType, caseId: page.at(-1)!.caseId };
        await advanceCalendarPublication(db, input.jobId, {
          told: page.length - ended,
          gone: ended,
          retrying: 0,
          pass: input.pass,
          cursor,
        });
        told += page.length - ended;
        gone += ended;
        Context.current().heartbeat({ pass: input.pass, cursor });
      }
      if (input.pass === 'open')
        await advanceCalendarPublication(db, input.jobId, { retrying: 0, pass: 'opened_since', cursor: null });
      logger.info(
        { jobId: input.jobId, year: job.year, pass: input.pass, told, gone },
        'calendar publication: pass done',
      );
      return { told, gone };
    },

    /** Marks the job done; its counts, as the job's row kept them across every attempt. */
    async finishCalendarPublication(input: { jobId: string }): Promise<{ told: number; gone: number; retold: number }> {
      await finishCalendarPublication(db, input.jobId);
      const job = (await getCalendarPublication(db, input.jobId))!;
      return { told: job.told, gone: job.gone, retold: job.retold };
    },
  };
}
