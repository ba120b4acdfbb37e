// 待办: one work list across every process — what awaits the caller (todo), what they acted on
// (done), and their agency's other open cases (watching) — with deadlines in working days.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentCalendar } from '../../activities/calendar.js';
import type { Db } from '../../db/client.js';
import { listDone, listTodo, listWatching, type ActedCursor, type DueCursor, type WorkRow } from '../../db/queries/case.js';
import type { Config } from '../../lib/config.js';
import { localDate, workingDaysBetween, type CalendarData } from '../../workflows/common/working-days.js';
import { actionsOn, caseTypes, type CaseType } from '../case-actions.js';
import { caller, isBureau } from '../plugins/auth.js';
import { decodeCursor, encodeCursor, page, paginationQuery, problems } from '../schemas.js';

export const workViews = ['todo', 'done', 'watching'] as const;

export const workItemSchema = z.object({
  process: z.enum(caseTypes),
  caseId: z.string(),
  state: z.string(),
  title: z.string(),
  resourceName: z.string().nullable(),
  agency: z.string().nullable().describe('the agency whose answer the case waits on (the provider, the verifying or assessed agency)'),
  agencies: z.array(z.string()).describe('every agency party to the case'),
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable().describe('working days after today up to the deadline; negative: working days overdue'),
  dueSoon: z.boolean().describe('at most policy.remindWd working days left'),
  overdue: z.boolean(),
  openedAt: z.string(),
  actedAt: z.string().nullable().describe('done: when the caller last acted on the case'),
  actions: z.array(z.string()).describe('what the caller may do on the case now'),
}).meta({ id: 'WorkItem' });

const dueCursorSchema = z.object({ due: z.iso.datetime().nullable(), type: z.string().max(40), id: z.string().max(80) });
const actedCursorSchema = z.object({ at: z.iso.datetime(), type: z.string().max(40), id: z.string().max(80) });

/** Working days left to a deadline (negative when past), on the calendar in force. */
export function workingDaysLeft(dueDate: string, dueAtMs: number, nowMs: number, calendar: CalendarData): number {
  const today = localDate(nowMs);
  return nowMs > dueAtMs ? -workingDaysBetween(dueDate, today, calendar) : workingDaysBetween(today, dueDate, calendar);
}

export const workItemRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get('/api/v1/work-items', {
    schema: {
      operationId: 'listWorkItems',
      tags: ['work items'],
      summary: '待办: the cases awaiting the caller across all processes, by deadline (view=done: acted on, latest first; view=watching: other open cases of the caller\'s agency)',
      querystring: z.object({
        ...paginationQuery,
        view: z.enum(workViews).default('todo'),
        process: z.enum(caseTypes).optional(),
        state: z.string().trim().min(1).max(40).optional(),
        agency: z.string().trim().min(1).max(64).optional(),
        q: z.string().trim().min(1).max(200).optional().describe('a case id, or part of the resource name'),
      }),
      response: { 200: page(workItemSchema), ...problems(400, 401) },
    },
  }, async (request) => {
    const p = caller(request);
    const { view, limit, cursor, ...filter } = request.query;
    const person = p;
    let rows: WorkRow[];
    if (view === 'done') rows = await listDone(db, person, filter, limit, decodeCursor(cursor, actedCursorSchema) as ActedCursor | null);
    else if (view === 'watching') rows = await listWatching(db, person, isBureau(p), filter, limit, decodeCursor(cursor, dueCursorSchema) as DueCursor | null);
    else rows = await listTodo(db, person, filter, limit, decodeCursor(cursor, dueCursorSchema) as DueCursor | null);

    const more = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    const nextCursor = more && last
      ? encodeCursor(view === 'done'
        ? { at: last.actedAt!.toISOString(), type: last.case.caseType, id: last.case.caseId }
        : { due: last.dueAt?.toISOString() ?? null, type: last.case.caseType, id: last.case.caseId })
      : null;

    const calendar = await currentCalendar(db);
    const now = Date.now();
    const items = pageRows.map((r) => {
      const c = r.case;
      const actions = actionsOn(c.caseType as CaseType, c.view, person, config.policy, now);
      const left = r.dueDate && r.dueAt ? workingDaysLeft(r.dueDate, r.dueAt.getTime(), now, calendar) : null;
      const overdue = c.overdue || (r.dueAt ? now > r.dueAt.getTime() : false);
      return {
        process: c.caseType as CaseType, caseId: c.caseId, state: c.state, title: c.title, resourceName: c.resourceName,
        agency: c.respondingAgency, agencies: c.agencies, dueDate: r.dueDate, dueAt: r.dueAt?.toISOString() ?? null,
        workingDaysLeft: left, dueSoon: !overdue && left !== null && left <= config.policy.remindWd, overdue,
        openedAt: c.openedAt.toISOString(), actedAt: r.actedAt?.toISOString() ?? null, actions,
        // A task written before its time (a window that opens later) is not yet the caller's to act on.
        awaitedNow: view !== 'todo' || r.awaited.some((a) => actions.includes(a)),
      };
    });
    return { items: items.filter((i) => i.awaitedNow).map(({ awaitedNow: _, ...item }) => item), nextCursor };
  });
};
