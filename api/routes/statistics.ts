// 统计: per process, cases by state, overdue by responding agency, median review time in working
// days and a monthly trend — the city for the bureau, an agency's own cases for its staff.
import { agencyOfViewer } from '../../workflows/common/actors.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentCalendar } from '../../activities/calendar.js';
import type { Db } from '../../db/client.js';
import { caseStatistics } from '../../db/queries/case.js';
import { AppError } from '../../lib/errors.js';
import { addMonths, localDate, startOfLocalDay, workingDaysBetween } from '../../workflows/common/working-days.js';
import { caseTypes } from '../case-actions.js';
import { caller, isBureau } from '../plugins/auth.js';
import { agencyCodeSchema, localDateSchema, problems } from '../schemas.js';

const statisticsSchema = z
  .object({
    scope: z.object({ agency: z.string().nullable() }),
    from: z.string(),
    to: z.string(),
    processes: z.array(
      z.object({
        process: z.enum(caseTypes),
        total: z.number().int(),
        overdue: z.number().int(),
        byState: z.array(z.object({ state: z.string(), count: z.number().int() })),
        decided: z.number().int().describe('cases the responding agency answered in the period'),
        medianReviewWd: z.number().nullable().describe('median working days from submission to the answer'),
      }),
    ),
    overdueByAgency: z.array(z.object({ agency: z.string(), process: z.enum(caseTypes), count: z.number().int() })),
    monthly: z.array(
      z.object({
        month: z.string(),
        process: z.enum(caseTypes),
        submitted: z.number().int(),
        decided: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Statistics' });

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const statisticsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/statistics',
    {
      schema: {
        operationId: 'getStatistics',
        tags: ['statistics'],
        summary:
          '统计: cases by state, overdue by agency, median review time (working days) and the monthly trend; the bureau sees the city, an agency its own',
        querystring: z.object({
          from: localDateSchema
            .optional()
            .describe('first local date counted (default: the first day of the month eleven months ago)'),
          to: localDateSchema.optional().describe('last local date counted (default: today)'),
          process: z.enum(caseTypes).optional(),
          agency: agencyCodeSchema.optional().describe('bureau only: one agency instead of the city'),
        }),
        response: { 200: statisticsSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const p = caller(request);
      const ownAgency = agencyOfViewer(p);
      if (!isBureau(p) && !ownAgency)
        throw new AppError('FORBIDDEN', 'statistics are for the bureau and for agency staff');
      const agency = isBureau(p) ? (request.query.agency ?? null) : ownAgency;
      const today = localDate(Date.now());
      const to = request.query.to ?? today;
      const from = request.query.from ?? `${addMonths(today, -11).slice(0, 7)}-01`;
      if (from > to)
        throw new AppError('VALIDATION_FAILED', 'from is after to', {
          errors: [{ path: 'from', message: 'must not be after to' }],
        });
      // Medians are computed case by case: a span is kept to what a report needs.
      if (addMonths(from, 60) < to)
        throw new AppError('VALIDATION_FAILED', 'at most five years at a time', {
          errors: [{ path: 'from', message: 'at most five years before to' }],
        });

      const s = await caseStatistics(db, {
        agency,
        process: request.query.process,
        from: new Date(startOfLocalDay(from)),
        to: new Date(Date.parse(startOfLocalDay(to)) + 86_400_000),
      });
      const calendar = await currentCalendar(db);
      const processes = caseTypes
        .filter((t) => t !== 'assessment-cycle' && (!request.query.process || t === request.query.process))
        .map((process) => {
          const states = s.byState.filter((r) => r.process === process);
          const durations = s.durations
            .filter((d) => d.process === process && d.decidedAt)
            .map((d) =>
              workingDaysBetween(localDate(d.openedAt.getTime()), localDate(d.decidedAt!.getTime()), calendar),
            );
          return {
            process,
            total: states.reduce((n, r) => n + r.n, 0),
            overdue: states.reduce((n, r) => n + r.overdue, 0),
            byState: states.map((r) => ({ state: r.state, count: r.n })).sort((a, b) => b.count - a.count),
            decided: durations.length,
            medianReviewWd: median(durations),
          };
        });
      const monthly = new Map<
        string,
        { month: string; process: (typeof caseTypes)[number]; submitted: number; decided: number; overdue: number }
      >();
      const slot = (process: string, month: string) => {
        const key = `${month}|${process}`;
        if (!monthly.has(key))
          monthly.set(key, {
            month,
            process: process as (typeof caseTypes)[number],
            submitted: 0,
            decided: 0,
            overdue: 0,
          });
        return monthly.get(key)!;
      };
      for (const r of s.openedMonthly) Object.assign(slot(r.process, r.month), { submitted: r.n, overdue: r.overdue });
      for (const r of s.decidedMonthly) slot(r.process, r.month).decided = r.n;
      return {
        scope: { agency },
        from,
        to,
        processes,
        overdueByAgency: s.overdueByAgency
          .filter((r) => r.agency)
          .map((r) => ({ agency: r.agency!, process: r.process as (typeof caseTypes)[number], count: r.n }))
          .sort((a, b) => b.count - a.count),
        monthly: [...monthly.values()].sort((a, b) =>
          a.month === b.month ? a.process.localeCompare(b.process) : a.month.localeCompare(b.month),
        ),
      };
    },
  );
};
