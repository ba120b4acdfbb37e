import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agencyOfViewer } from '../../workflows/common/actors.js';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  countUnread,
  listInbox,
  markAllRead,
  markRead,
  type Inbox,
  type NotificationRow,
} from '../../db/queries/notification.js';
import { notificationAudiences } from '../../db/schema/notification.js';
import { AppError } from '../../lib/errors.js';
import { caller, isBureau, type Principal } from '../plugins/auth.js';
import {
  decodeCursor,
  encodeCursor,
  page,
  paginationQuery,
  problems,
  timeCursorSchema,
  uuidParam,
} from '../schemas.js';

const notificationSchema = z
  .object({
    id: z.string(),
    audience: z.enum(notificationAudiences),
    recipient: z.string().nullable(),
    caseType: z.string(),
    caseId: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const dto = (n: NotificationRow) => ({
  ...n,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/**
 * A user's inbox holds what was sent to them, to the agency they act for, and to the bureau if they are
 * bureau staff.
 */
const inboxOf = (p: Principal): Inbox => ({
  userId: p.sub,
  agency: agencyOfViewer(p),
  bureau: isBureau(p),
});

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        tags: ['notifications'],
        summary: "The caller's inbox (own, own agency's, and the bureau's for bureau staff)",
        querystring: z.object({
          ...paginationQuery,
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: page(notificationSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor, unread } = request.query;
      const result = await listInbox(
        db,
        inboxOf(caller(request)),
        unread ?? false,
        limit,
        decodeCursor(cursor, timeCursorSchema),
      );
      return { items: result.items.map(dto), nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null };
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        operationId: 'countUnreadNotifications',
        tags: ['notifications'],
        summary: 'How many notifications in the inbox the caller has not read',
        response: { 200: z.object({ count: z.number().int() }), ...problems(401) },
      },
    },
    async (request) => ({ count: await countUnread(db, inboxOf(caller(request))) }),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags: ['notifications'],
        summary: "Marks everything in the caller's inbox read",
        response: { 200: z.object({ marked: z.number().int() }), ...problems(401) },
      },
    },
    async (request) => ({ marked: await markAllRead(db, inboxOf(caller(request))) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        summary: 'Marks one of the caller’s notifications as read',
        tags: ['notifications'],
        params: uuidParam,
        response: { 200: notificationSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const row = await markRead(db, inboxOf(caller(request)), request.params.id);
      if (!row) throw new AppError('NOT_FOUND', 'no such notification in your inbox');
      return dto(row);
    },
  );
};
