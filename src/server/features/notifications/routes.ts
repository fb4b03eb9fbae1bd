import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/authenticate.ts';
import {
  EMAIL_KINDS,
  type EmailKind,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_KINDS,
  readEmailPreferences,
  updateEmailPreferences,
} from './notifications.ts';

const EmailChoices = z.object(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.boolean()])) as Record<EmailKind, z.ZodBoolean>,
);
const EmailPreferences = z.object({ email: EmailChoices });

const NotificationView = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  vehicle: z.object({ id: z.uuid(), registrationNumber: z.string() }).nullable(),
  /**
   * By kind: `sharing_level_changed` has `{level, changedBy: {id, name}}`; `warning_light_on` has
   * `{code, since, description}`; `maintenance_due` has `{dueDate, dueMileageKm, note, workshop:
   * {id, name}, sentBy: {id, name}}`.
   */
  data: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

/** The signed-in person's in-app notices (SPEC §7). Each person only ever sees their own. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/notifications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        summary: 'My notices, newest first, with the number unread',
        querystring: z.object({ cursor: z.string().max(200).optional() }),
        response: {
          200: z.object({
            items: z.array(NotificationView),
            nextCursor: z.string().nullable(),
            unreadCount: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return listNotifications(db, actor.user.id, request.query.cursor);
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notices read',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      await markNotificationRead(db, actor.user.id, request.params.id, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], summary: 'Mark all my notices read', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      await markAllNotificationsRead(db, actor.user.id, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me/notification-preferences',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        summary: 'Which mails I get, per kind (in-app notices are always kept)',
        response: { 200: EmailPreferences },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return { email: await readEmailPreferences(db, actor.user.id) };
    },
  );

  app.put(
    '/me/notification-preferences',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        summary: 'Turn mails of some kinds on or off; kinds left out stay as they were',
        body: z.object({ email: EmailChoices.partial().strict() }),
        response: { 200: EmailPreferences },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return { email: await updateEmailPreferences(db, actor.user.id, request.body.email) };
    },
  );
};
