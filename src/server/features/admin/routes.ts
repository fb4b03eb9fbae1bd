import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../../shared/roles.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import { Email } from '../identity/schemas.ts';
import { inviteSystemUser } from './invite-system-user.ts';

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
};
