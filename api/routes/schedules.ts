// 定时任务: the Temporal Schedules shuzhi runs on its own (lib/schedules.ts) — the daily freshness
// sweep and the annual assessment — with their next run times and whether they are paused.
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentScheduleId } from '../../workflows/assessment/messages.js';
import { localDate } from '../../workflows/common/working-days.js';
import { freshnessScheduleId } from '../../workflows/freshness/messages.js';
import { auditCheckpointScheduleId } from '../../workflows/audit/messages.js';
import { referenceRoles, requireRole } from '../plugins/auth.js';
import { problems } from '../schemas.js';
import { temporalCall } from '../temporal-errors.js';

const scheduleIds = [freshnessScheduleId, assessmentScheduleId, auditCheckpointScheduleId] as const;

const scheduleSchema = z
  .object({
    scheduleId: z.enum(scheduleIds),
    exists: z.boolean().describe('false until a worker has created it at start-up'),
    description: z.string().nullable().describe("the calendar's comment, e.g. 'daily at 01:00'"),
    timezone: z.string().nullable(),
    paused: z.boolean(),
    note: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    nextRuns: z.array(z.string()),
    nextYearAssessed: z.number().nullable().describe('assessment-annual only: the year its next run assesses'),
    recentRuns: z.array(z.object({ scheduledAt: z.string(), startedAt: z.string(), workflowId: z.string() })),
  })
  .meta({ id: 'Schedule' });

export const scheduleRoutes: FastifyPluginAsyncZod<{ temporal: Client }> = async (app, { temporal }) => {
  app.get(
    '/api/v1/schedules',
    {
      schema: {
        operationId: 'listSchedules',
        tags: ['schedules'],
        summary:
          'The schedules (daily freshness sweep, annual assessment, hourly audit checkpoint): next runs and paused state',
        response: { 200: z.object({ items: z.array(scheduleSchema) }), ...problems(401, 403, 503) },
      },
    },
    async (request) => {
      requireRole(request, referenceRoles.readSchedules);
      const items = await Promise.all(
        scheduleIds.map(async (scheduleId) => {
          const d = await temporalCall(() => temporal.schedule.getHandle(scheduleId).describe()).catch(
            (error: unknown) => {
              if (error instanceof ScheduleNotFoundError) return null;
              throw error;
            },
          );
          if (!d) {
            return {
              scheduleId,
              exists: false,
              description: null,
              timezone: null,
              paused: false,
              note: null,
              nextRunAt: null,
              nextRuns: [],
              nextYearAssessed: null,
              recentRuns: [],
            };
          }
          const next = d.info.nextActionTimes.map((t) => t.toISOString());
          return {
            scheduleId,
            exists: true,
            description: d.spec.calendars?.[0]?.comment || null,
            timezone: d.spec.timezone ?? 'UTC',
            paused: d.state.paused,
            note: d.state.note || null,
            nextRunAt: next[0] ?? null,
            nextRuns: next,
            // A run assesses the year before the one it runs in (processes.md P4).
            nextYearAssessed:
              scheduleId === assessmentScheduleId && next[0] ? Number(localDate(next[0]).slice(0, 4)) - 1 : null,
            recentRuns: d.info.recentActions.map((a) => ({
              scheduledAt: a.scheduledAt.toISOString(),
              startedAt: a.takenAt.toISOString(),
              workflowId: a.action.workflow.workflowId,
            })),
          };
        }),
      );
      return { items };
    },
  );
};
