import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../../shared/roles.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import { SearchQuery } from '../accounts/schemas.ts';
import { Email } from '../identity/schemas.ts';
import { inviteSystemUser } from './invite-system-user.ts';
import { changeRoles, deactivateUser, listSystemUsers } from './system-users.ts';
import { createWorkshop, listWorkshops, updateWorkshop, Workshop, WorkshopFields } from './workshops.ts';

const SystemUserItem = z.object({
  id: z.string(),
  userId: z.uuid().nullable(),
  invitationId: z.uuid().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  organization: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['operator', 'workshop']) }),
  roles: z.array(z.enum(STAFF_ROLES)),
  invitationStatus: z.enum(['pending', 'expired', 'active', 'deactivated']),
});
const UserParams = z.object({ userId: z.uuid() });

export const InviteSystemUserBody = z.object({
  email: Email,
  organizationId: z.uuid(),
  roles: z.array(z.enum(STAFF_ROLES)).min(1, 'choose at least one role').max(STAFF_ROLES.length),
});

/** Operator and workshop staff administration (SPEC §2, §11). */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/admin/system-users',
    {
      config: { access: 'staff.invite' },
      schema: {
        tags: ['admin'],
        summary: 'Invite a system user to the operator or a workshop with one or more roles',
        body: InviteSystemUserBody,
        response: { 201: z.object({ invitationId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { invitationId } = await inviteSystemUser(
        db,
        actor,
        request.body,
        app.config.publicUrl,
        app.clock.now(),
      );
      app.mailWorker.kick();
      return reply.code(201).send({ invitationId });
    },
  );

  app.get(
    '/admin/system-users',
    {
      config: { access: 'staff.read' },
      schema: {
        tags: ['admin'],
        summary: 'System users and their invitation state; q matches the start of email or name',
        querystring: SearchQuery.extend({ organizationId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(SystemUserItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const page = await listSystemUsers(db, actor, request.query, app.clock.now());
      return {
        items: page.items.map((row) => ({
          id: row.id,
          userId: row.userId,
          invitationId: row.invitationId,
          email: row.email,
          name: row.name,
          organization: { id: row.organizationId, name: row.organizationName, kind: row.organizationKind },
          roles: row.roles,
          invitationStatus: row.invitationStatus,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.put(
    '/admin/system-users/:userId/roles',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['admin'],
        summary: "Replace a system user's roles in one organisation",
        params: UserParams,
        body: z.object({ organizationId: z.uuid(), roles: InviteSystemUserBody.shape.roles }),
        response: {
          200: z.object({ userId: z.uuid(), organizationId: z.uuid(), roles: z.array(z.enum(STAFF_ROLES)) }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return changeRoles(db, actor, { userId: request.params.userId, ...request.body }, app.clock.now());
    },
  );

  app.post(
    '/admin/system-users/:userId/deactivate',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Deactivate a system user: they cannot sign in and their sessions end now',
        params: UserParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      await deactivateUser(db, actor, request.params.userId, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/admin/workshops',
    {
      config: { access: 'workshop.create' },
      schema: {
        tags: ['admin'],
        summary: 'Create a workshop organisation',
        body: WorkshopFields,
        response: { 201: Workshop },
      },
    },
    async (request, reply) => reply.code(201).send(await createWorkshop(db, request.body)),
  );

  app.get(
    '/admin/workshops',
    {
      config: { access: 'workshop.read' },
      schema: {
        tags: ['admin'],
        summary: 'Workshops; q matches the start of the name',
        querystring: z.object({ q: z.string().max(200).optional() }),
        response: { 200: z.object({ items: z.array(Workshop), nextCursor: z.null() }) },
      },
    },
    async (request) => ({ items: await listWorkshops(db, request.query.q), nextCursor: null }),
  );

  app.patch(
    '/admin/workshops/:id',
    {
      config: { access: 'workshop.manage' },
      schema: {
        tags: ['admin'],
        summary: "Edit a workshop's name, address, phone or time zone",
        params: z.object({ id: z.uuid() }),
        body: WorkshopFields.partial(),
        response: { 200: Workshop },
      },
    },
    async (request) => updateWorkshop(db, request.params.id, request.body),
  );
};
