import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { getUploadedCalendarYear, putCalendarYear } from '../../db/queries/calendar.js';
import { listOpenCorrections } from '../../db/queries/correction.js';
import { listOpenCycles } from '../../db/queries/assessment.js';
import { listOpenObjections } from '../../db/queries/objection.js';
import { listOpenOpenDataRequests } from '../../db/queries/open-data-request.js';
import { listShareApplicationsWithDeadlinesFrom } from '../../db/queries/share-application.js';
import { currentCalendar } from '../../activities/calendar.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { AppError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { addWorkingDays, endOfLocalDay, validateCalendarYear } from '../../workflows/common/working-days.js';
import { calendarUpdatedSignal } from '../../workflows/common/messages.js';
import { caller, requireRole } from '../plugins/auth.js';
import { localDateSchema, problems } from '../schemas.js';

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db; temporal: Client; logger: Logger }> = async (app, { db, temporal, logger }) => {
  app.get('/api/v1/calendar/working-days', {
    schema: {
      operationId: 'addWorkingDays',
      tags: ['calendar'],
      summary: 'The date N working days (工作日) after a date; the date itself is not counted',
      querystring: z.object({ from: localDateSchema, days: z.coerce.number().int().min(1).max(3650) }),
      response: {
        200: z.object({ from: z.string(), days: z.number(), due: z.string(), dueAt: z.string(), provisional: z.boolean() }),
        ...problems(400, 401),
      },
    },
  }, async (request) => {
    caller(request);
    const { from, days } = request.query;
    const { due, provisional } = addWorkingDays(from, days, await currentCalendar(db));
    return { from, days, due, dueAt: endOfLocalDay(due), provisional };
  });

  app.get('/api/v1/calendar/years/:year', {
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
  }, async (request) => {
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
  });

  app.put('/api/v1/calendar/years/:year', {
    schema: {
      operationId: 'putCalendarYear',
      tags: ['calendar'],
      summary: "Publish a year's holidays and make-up working days (from the State Council notice)",
      params: z.object({ year: z.coerce.number().int().min(2000).max(2200) }),
      body: z.object({ holidays: z.array(localDateSchema).max(366), workdays: z.array(localDateSchema).max(366) }),
      response: {
        200: z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()), uploadedBy: z.string(), uploadedAt: z.string(), recomputed: z.number() }),
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const { principal } = requireRole(request, ['bureau_admin']);
    const { year } = request.params;
    const holidays = [...new Set(request.body.holidays)].sort();
    const workdays = [...new Set(request.body.workdays)].sort();
    const problemsFound = validateCalendarYear(year, { holidays, workdays });
    if (problemsFound.length) {
      // Each problem beside its list: a form shows it by the field it came from.
      const pathOf = (m: string) => (/make-up workday/.test(m) ? 'workdays' : /^holiday /.test(m) ? 'holidays' : 'body');
      const errors = problemsFound.map((message) => ({ path: pathOf(message), message }));
      throw new AppError('VALIDATION_FAILED', problemsFound.join('; '), { errors });
    }
    const row = await putCalendarYear(db, { year, holidays, workdays, uploadedBy: principal.sub });
    // Open cases whose deadlines the year can move recompute them now; the rest pick the calendar
    // up the next time they compute a deadline.
    const calendar = await currentCalendar(db);
    const tell = async (page: (after: string | null) => Promise<{ id: string; workflowId: string }[]>, signal: typeof calendarUpdatedSignal) => {
      let told = 0;
      for (let after: string | null = null; ;) {
        const batch = await page(after);
        if (batch.length === 0) return told;
        await Promise.all(batch.map(async ({ workflowId }) => {
          try {
            await temporal.workflow.getHandle(workflowId).signal(signal, calendar);
            told += 1;
          } catch (error) {
            logger.warn({ err: error, workflowId }, 'could not signal a calendar update; the case recomputes when it next settles');
          }
        }));
        after = batch[batch.length - 1]!.id;
      }
    };
    const recomputed =
      (await tell((after) => listShareApplicationsWithDeadlinesFrom(db, `${year}-01-01`, after), calendarUpdatedSignal)) +
      (await tell((after) => listOpenObjections(db, after), calendarUpdatedSignal)) +
      (await tell((after) => listOpenOpenDataRequests(db, after), calendarUpdatedSignal)) +
      (await tell((after) => listOpenCorrections(db, after), calendarUpdatedSignal)) +
      // Each open assessment cycle relays the calendar to its agencies itself.
      (await tell(async (after) => (after ? [] : (await listOpenCycles(db)).map((c) => ({ id: String(c.year), workflowId: c.workflowId }))), calendarUpdatedSignal));
    return { year: row.year, holidays: row.holidays, workdays: row.workdays, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt.toISOString(), recomputed };
  });
};
