import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { hashToken } from '../../lib/tokens.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import { limitBy } from '../../plugins/rate-limits.ts';
import { can } from '../../policy/authorize.ts';
import { WorkshopParams } from '../vehicles/schemas.ts';
import { ChatHub } from './chat-hub.ts';
import { loadConversation } from './conversation.ts';
import { workshopInbox } from './inbox.ts';
import { listMessages, MAX_MESSAGE_LENGTH, markConversationRead, postMessage } from './messages.ts';

const ChatRole = z.enum(['primary', 'secondary', 'workshop']);
const MessageView = z.object({
  id: z.uuid(),
  vehicleId: z.uuid(),
  body: z.string(),
  /** `id` is null once the author's account is gone; the name stays as it was. */
  author: z.object({ id: z.uuid().nullable(), name: z.string() }),
  authorRole: ChatRole,
  createdAt: z.date(),
});
const VehicleParams = z.object({ vid: z.uuid() });

/** The workshop chat (SPEC §7, §11): one conversation per vehicle, live over WebSocket. */
export const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  const hub = new ChatHub(app);

  app.get(
    '/vehicles/:vid/messages',
    {
      config: { access: 'vehicle.chat' },
      schema: {
        tags: ['chat'],
        summary: "The vehicle's conversation with its workshop, newest first; `cursor` pages back in time",
        params: VehicleParams,
        querystring: z.object({ cursor: z.string().max(200).optional() }),
        response: {
          200: z.object({
            items: z.array(MessageView),
            nextCursor: z.string().nullable(),
            myRole: ChatRole,
            unreadCount: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const conversation = await loadConversation(app.vehicleAccess, actor, request.params.vid);
      return listMessages(db, actor, conversation, request.query.cursor);
    },
  );

  app.post(
    '/vehicles/:vid/messages',
    {
      config: { access: 'vehicle.chat' },
      preHandler: [
        limitBy(app, 'chatMessagesPerPerson', (request) => hashToken(request.sessionToken() ?? request.ip)),
      ],
      schema: {
        tags: ['chat'],
        summary: 'Write to the conversation; every open participant receives it at once',
        params: VehicleParams,
        body: z.object({ body: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) }),
        response: { 201: MessageView },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const conversation = await loadConversation(app.vehicleAccess, actor, request.params.vid);
      return reply
        .code(201)
        .send(
          await postMessage(db, actor, conversation, request.body.body, app.clock.now(), (message) =>
            hub.deliver(message),
          ),
        );
    },
  );

  app.post(
    '/vehicles/:vid/messages/read',
    {
      config: { access: 'vehicle.chat' },
      schema: {
        tags: ['chat'],
        summary: 'Mark the conversation read up to now',
        params: VehicleParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const conversation = await loadConversation(app.vehicleAccess, actor, request.params.vid);
      await markConversationRead(db, actor.user.id, conversation.vehicleId, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/workshops/:wid/conversations',
    {
      config: { access: 'vehicle.chat' },
      schema: {
        tags: ['chat'],
        summary: "The workshop's conversations, unread first, then newest; with each vehicle's users",
        params: WorkshopParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                vehicle: z.object({
                  id: z.uuid(),
                  registrationNumber: z.string(),
                  make: z.string(),
                  model: z.string(),
                }),
                primaryUser: z.object({ id: z.uuid(), name: z.string() }).nullable(),
                secondaryUsers: z.array(z.object({ id: z.uuid(), name: z.string() })),
                lastMessage: z.object({
                  id: z.uuid(),
                  body: z.string(),
                  author: z.object({ name: z.string() }),
                  authorRole: ChatRole,
                  createdAt: z.date(),
                }),
                unreadCount: z.number().int(),
              }),
            ),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!can(actor, 'vehicle.chat', { organizationId: request.params.wid })) throw notFound();
      return workshopInbox(db, request.params.wid, actor.user.id);
    },
  );

  app.get(
    '/chat/live',
    {
      websocket: true,
      config: { access: 'signed_in' },
      schema: {
        tags: ['chat'],
        summary:
          'WebSocket. Send {type:"subscribe",vehicleId}; receive {type:"message",message}, ' +
          '{type:"access_removed",vehicleId}; closed with 4401 when signed out',
      },
    },
    async (socket, request) => {
      const actor = await requireActor(request);
      hub.attach(socket, request, actor);
    },
  );
};
