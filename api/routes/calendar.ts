import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  getCalendarPublication,
  getUploadedCalendarYear,
  publishCalendarYear,
  type CalendarPublicationRow,
} from '../../db/queries/calendar.js';
import { currentCalendar } from '../../activities/calendar.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { AppError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { addWorkingDays, endOfLocalDay, validateCalendarYear } from '../../workflows/common/working-days.js';
import { type CalendarPublicationInput } from '../../workflows/calendar/workflow.js';
import { startCalendarPublication } from '../../lib/calendar-publications.js';
import { actorOf, caller, referenceRoles, requireRole } from '../plugins/auth.js';
import { localDateSchema, problems } from '../schemas.js';

const publicationSchema = z
  .object({
    id: z.string(),
    year: z.number(),
    state: z
      .enum(['running', 'done', 'abandoned'])
      .describe(
        'running: cases are being told; done: every open case with a deadline has heard; abandoned: its workflow was ended by hand (publish the year again)',
      ),
    total: z.number().describe('Open cases with a deadline when the job started'),
    pass: z
      .enum(['open', 'opened_since'])
      .describe(
        'open: telling every open case with a deadline; opened_since: telling once more the cases opened around the publication',
      ),
    told: z.number().describe('Cases the first pass has told'),
    gone: z.number().describe('Cases whose process ended before they could be told'),
    retold: z.number().describe('Cases opened around the publication that the second pass told once more'),
    retrying: z.number().describe('Cases of the current page whose signal failed and is being retried'),
    publishedBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarPublication' });

const publicationDto = (p: CalendarPublicationRow): z.infer<typeof publicationSchema> => ({
  id: p.id,
  year: p.year,
  state: p.state,
  pass: p.pass,
  total: p.total,
  told: p.told,
  gone: p.gone,
  retold: p.retold,
  retrying: p.retrying,
  publishedBy: p.publishedBy,
  startedAt: p.startedAt.toISOString(),
  finishedAt: p.finishedAt?.toISOString() ?? null,
});

export const calendarRoutes: FastifyPluginAsyncZod<{
  db: Db;
  temporal: Client;
  logger: Logger;
  taskQueue: string;
}> = async (app, { db, temporal, logger, taskQueue }) => {
  app.get(
    '/api/v1/calendar/working-days',
    {
      schema: {
        operationId: 'addWorkingDays',
        tags: ['calendar'],
        summary: 'The date N working days (工作日) after a date; the date itself is not counted',
        querystring: z.object({ from: localDateSchema, days: z.coerce.number().int().min(1).max(3650) }),
        response: {
          200: z.object({
            from: z.string(),
            days: z.number(),
            due: z.string(),
            dueAt: z.string(),
            provisional: z.boolean(),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      caller(request);
      const { from, days } = request.query;
      const { due, provisional } = addWorkingDays(from, days, await currentCalendar(db));
      return { from, days, due, dueAt: endOfLocalDay(due), provisional };
    },
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        operationId: 'getCalendarYear',
        tags: ['calendar'],
        summary: "A year's holidays and make-up days in force, and their source (none: weekends alone, provisional)",
        params: z.object({ year: z.coerce.number().int().min(2000).max(2200) }),
        response: {
          200: z.object({
            year: z.number(),
            holidays: z.array(z.string()),
            workdays: z.array(z.string()),
            source: z.enum(['builtin', 'uploaded', 'none']),
            uploadedBy: z.string().optional(),
            uploadedAt: z.string().optional(),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      caller(request);
      const { year } = request.params;
      const [calendar, uploaded] = await Promise.all([currentCalendar(db), getUploadedCalendarYear(db, year)]);
      const inForce = Object.prototype.hasOwnProperty.call(calendar, String(year)) ? calendar[String(year)] : undefined;
      const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_CALENDAR, String(year));
      const source = uploaded ? 'uploaded' : builtin ? 'builtin' : 'none';
      return {
        year,
        holidays: [...(inForce?.holidays ?? [])].sort(),
        workdays: [...(inForce?.workdays ?? [])].sort(),
        source,
        ...(uploaded ? { uploadedBy: uploaded.uploadedBy, uploadedAt: uploaded.uploadedAt.toISOString() } : {}),
      } as const;
    },
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        operationId: 'putCalendarYear',
        tags: ['calendar'],
        summary: "Publish a year's holidays and make-up working days (from the State Council notice)",
        params: z.object({ year: z.coerce.number().int().min(2000).max(2200) }),
        body: z.object({ holidays: z.array(localDateSchema).max(366), workdays: z.array(localDateSchema).max(366) }),
        response: {
          200: z.object({
            year: z.number(),
            holidays: z.array(z.string()),
            workdays: z.array(z.string()),
            uploadedBy: z.string(),
            uploadedAt: z.string(),
            publication: publicationSchema,
          }),
          ...problems(400, 401, 403, 503),
        },
      },
    },
    async (request) => {
      const { principal, role } = requireRole(request, referenceRoles.publishCalendar);
      const { year } = request.params;
      const holidays = [...new Set(request.body.holidays)].sort();
      const workdays = [...new Set(request.body.workdays)].sort();
      const problemsFound = validateCalendarYear(year, { holidays, workdays });
      if (problemsFound.length) {
        // Each problem beside its list: a form shows it by the field it came from.
        const pathOf = (m: string) =>
          /make-up workday/.test(m) ? 'workdays' : /^holiday /.test(m) ? 'holidays' : 'body';
        const errors = problemsFound.map((message) => ({ path: pathOf(message), message }));
        throw new AppError('VALIDATION_FAILED', problemsFound.join('; '), { errors });
      }
      // The year and its job in one transaction: should this process die before the job's workflow
      // starts, a worker starts it (resumeCalendarPublications). Every open case with a deadline is
      // told by that job, not inside this request; GET /api/v1/calendar/publications/:id reads it.
      const { row, job } = await publishCalendarYear(
        db,
        { year, holidays, workdays, uploadedBy: principal.sub, jobId: randomUUID() },
        actorOf(principal, role),
      );
      const input: CalendarPublicationInput = { jobId: job.id, year, publishedAt: row.uploadedAt.toISOString() };
      try {
        await startCalendarPublication(temporal, taskQueue, input);
      } catch (error) {
        // The year is published and its job recorded: a worker starts the job once Temporal answers.
        logger.warn({ err: error, year, jobId: job.id }, 'the calendar publication job will be started by a worker');
      }
      return {
        year: row.year,
        holidays: row.holidays,
        workdays: row.workdays,
        uploadedBy: row.uploadedBy,
        uploadedAt: row.uploadedAt.toISOString(),
        publication: publicationDto(job),
      };
    },
  );

  app.get(
    '/api/v1/calendar/publications/:id',
    {
      schema: {
        operationId: 'getCalendarPublication',
        tags: ['calendar'],
        summary: 'The progress of a calendar publication job: how many open cases have heard of the published year',
        params: z.object({ id: z.uuid() }),
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.followCalendarPublication);
      const job = await getCalendarPublication(db, request.params.id);
      if (!job) throw new AppError('NOT_FOUND', 'no such calendar publication');
      return publicationDto(job);
    },
  );
};
