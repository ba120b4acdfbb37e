// 待办: one work list across every process — what awaits the caller (todo), what they acted on
// (done), and their agency's other open cases (watching) — with deadlines in working days.
import { agencyOfViewer } from '../../workflows/common/actors.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentCalendar } from '../../activities/calendar.js';
import type { Db } from '../../db/client.js';
import { cycleProgress } from '../../db/queries/assessment.js';
import { listDone, listTodo, listWatching, type WorkRow } from '../../db/queries/case.js';
import type { Config } from '../../lib/config.js';
import { localDate, workingDaysBetween, type CalendarData } from '../../workflows/common/working-days.js';
import { actionsOn, caseTypes, type CaseType } from '../case-actions.js';
import { caller, isBureau } from '../plugins/auth.js';
import {
  agencyCodeSchema,
  decodeCursor,
  encodeCursor,
  instantSchema,
  page,
  paginationQuery,
  problems,
} from '../schemas.js';

export const workViews = ['todo', 'done', 'watching'] as const;

export const workItemSchema = z
  .object({
    process: z.enum(caseTypes),
    caseId: z.string(),
    state: z.string(),
    title: z.string(),
    resourceName: z.string().nullable(),
    agency: z
      .string()
      .nullable()
      .describe('the agency whose answer the case waits on (the provider, the verifying or assessed agency)'),
    agencies: z.array(z.string()).describe('every agency party to the case'),
    dueDate: z.string().nullable(),
    dueAt: z.string().nullable(),
    workingDaysLeft: z
      .number()
      .int()
      .nullable()
      .describe('working days after today up to the deadline; negative: working days overdue'),
    dueSoon: z.boolean().describe('at most policy.remindWd working days left'),
    overdue: z.boolean(),
    openedAt: z.string(),
    actedAt: z.string().nullable().describe('done: when the caller last acted on the case'),
    actions: z.array(z.string()).describe('what the caller may do on the case now'),
  })
  .meta({ id: 'WorkItem' });

// A cursor is ours, but a client can forge one: every part is checked before it reaches SQL.
const cursorInstant = instantSchema();
const cursorId = z
  .string()
  .max(80)
  .regex(/^[\w:-]+$/);
const dueCursorSchema = z.object({ due: cursorInstant.nullable(), type: z.enum(caseTypes), id: cursorId });
const actedCursorSchema = z.object({ at: cursorInstant, type: z.enum(caseTypes), id: cursorId });

/** Working days left to a deadline (negative when past), on the calendar in force. */
export function workingDaysLeft(dueDate: string, dueAtMs: number, nowMs: number, calendar: CalendarData): number {
  const today = localDate(nowMs);
  return nowMs > dueAtMs ? -workingDaysBetween(dueDate, today, calendar) : workingDaysBetween(today, dueDate, calendar);
}

/** One row of the work list as the API answers it, its deadline read in working days. */
export function workItemOf(
  r: WorkRow,
  actions: string[],
  nowMs: number,
  calendar: CalendarData,
  remindWd: number,
): z.infer<typeof workItemSchema> {
  const c = r.case;
  const left = r.dueDate && r.dueAt ? workingDaysLeft(r.dueDate, r.dueAt.getTime(), nowMs, calendar) : null;
  // Overdue is this deadline's: a case that was late once and has a new deadline since is not red.
  const overdue = !!r.dueAt && nowMs > r.dueAt.getTime();
  return {
    process: c.caseType as CaseType,
    caseId: c.caseId,
    state: c.state,
    title: c.title,
    resourceName: c.resourceName,
    agency: c.respondingAgency,
    agencies: c.agencies,
    dueDate: r.dueDate,
    dueAt: r.dueAt?.toISOString() ?? null,
    workingDaysLeft: left === 0 ? 0 : left,
    dueSoon: !overdue && left !== null && left <= remindWd,
    overdue,
    openedAt: c.openedAt.toISOString(),
    actedAt: r.actedAt?.toISOString() ?? null,
    actions,
  };
}

export const workItemRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  /** A cycle's publications wait for its records (reviews in, appeals answered): their progress, by year. */
  const cycleProgressOf = async (rows: WorkRow[]) => {
    const years = rows.filter((r) => r.case.caseType === 'assessment-cycle').map((r) => r.case.caseId);
    return new Map(await Promise.all(years.map(async (y) => [y, await cycleProgress(db, Number(y))] as const)));
  };

  app.get(
    '/api/v1/work-items',
    {
      schema: {
        operationId: 'listWorkItems',
        tags: ['work items'],
        summary:
          "待办: the cases awaiting the caller across all processes, by deadline (view=done: acted on, latest first; view=watching: other open cases of the caller's agency)",
        querystring: z.object({
          ...paginationQuery,
          view: z.enum(workViews).default('todo'),
          process: z.enum(caseTypes).optional(),
          state: z.string().trim().min(1).max(40).optional(),
          agency: agencyCodeSchema.optional(),
          q: z.string().trim().min(1).max(200).optional().describe('a case id, or part of the resource name'),
        }),
        response: { 200: page(workItemSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const p = caller(request);
      const { view, limit, cursor, ...filter } = request.query;
      const partyAgency = agencyOfViewer(p);
      const fetch = (after: string | null): Promise<WorkRow[]> => {
        if (view === 'done') return listDone(db, p, filter, limit, decodeCursor(after ?? undefined, actedCursorSchema));
        if (view === 'watching')
          return listWatching(
            db,
            p,
            { bureau: isBureau(p), partyAgency },
            filter,
            limit,
            decodeCursor(after ?? undefined, dueCursorSchema),
          );
        return listTodo(db, p, filter, limit, decodeCursor(after ?? undefined, dueCursorSchema));
      };
      const cursorOf = (r: WorkRow) =>
        encodeCursor(
          view === 'done'
            ? { at: r.actedAt!.toISOString(), type: r.case.caseType, id: r.case.caseId }
            : { due: r.dueAt?.toISOString() ?? null, type: r.case.caseType, id: r.case.caseId },
        );

      const calendar = await currentCalendar(db);
      const now = Date.now();
      const items: z.infer<typeof workItemSchema>[] = [];
      // A task can be written before it is the caller's to act on (a window that opens later): such rows
      // are skipped, and the page is filled from the rows after them (a few reads at most).
      let after = cursor ?? null;
      let remaining = true;
      for (let round = 0; round < 5 && remaining && items.length < limit; round++) {
        const rows = await fetch(after);
        const batch = rows.slice(0, limit);
        remaining = rows.length > limit;
        const progress = await cycleProgressOf(batch);
        for (const r of batch) {
          if (items.length === limit) {
            remaining = true;
            break;
          }
          after = cursorOf(r);
          const c = r.case;
          const actions = actionsOn(c.caseType as CaseType, c.view, p, config.policy, now, {
            progress: progress.get(c.caseId),
          });
          if (view === 'todo' && !r.awaited.some((a) => actions.includes(a))) continue;
          items.push(workItemOf(r, actions, now, calendar, config.policy.remindWd));
        }
      }
      return { items, nextCursor: remaining ? after : null };
    },
  );
};
