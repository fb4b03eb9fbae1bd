import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/authenticate.ts';
import { limitBy } from '../../plugins/rate-limits.ts';
import { SessionAnswer } from '../identity/schemas.ts';
import { createSession } from '../identity/sessions.ts';
import { presentUser } from '../identity/users.ts';
import { acceptInvitation, readInvitation } from './accept-invitation.ts';
import { loadManageableInvitation, resendInvitation, revokeInvitation } from './manage-invitation.ts';
import { AcceptBody, IdParams, InvitationView, ResendAnswer, TokenParams } from './schemas.ts';

/** The invitation engine's routes: read and accept a link (anyone), resend and revoke (its managers). */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['invitations'],
        summary: 'What an activation link is for; never uses it up',
        params: TokenParams,
        response: { 200: InvitationView },
      },
    },
    async (request) => readInvitation(db, request.params.token, app.clock.now()),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      preHandler: [limitBy(app, 'acceptPerAddress', (request) => request.ip)],
      schema: {
        tags: ['invitations'],
        summary: 'Accept: as a new person (name, password) or signed in as the invited email',
        params: TokenParams,
        body: AcceptBody,
        response: { 200: SessionAnswer },
      },
    },
    async (request, reply) => {
      const now = app.clock.now();
      const caller = await request.getActor();
      const { user } = await acceptInvitation(
        db,
        {
          token: request.params.token,
          caller,
          name: request.body.name,
          password: request.body.password,
          company: request.body.company,
          language: request.body.language ?? 'en',
          ip: request.ip,
        },
        now,
      );
      // An existing person accepting while signed in keeps their session; a new person gets one.
      const currentToken = caller?.user.id === user.id ? request.sessionToken() : undefined;
      const token = currentToken ?? (await createSession(db, user.id, now));
      if (!currentToken) reply.setSessionCookie(token);
      return { user: presentUser(user), token };
    },
  );

  app.post(
    '/admin/invitations/:id/resend',
    {
      config: { access: 'signed_in' },
      preHandler: [limitBy(app, 'resendPerInvitation', (request) => (request.params as { id: string }).id)],
      schema: {
        tags: ['invitations'],
        summary: 'A new link valid 24 hours; the old link answers 410 invitation_revoked at once',
        params: IdParams,
        response: { 200: ResendAnswer },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const invitation = await loadManageableInvitation(db, actor, request.params.id);
      const answer = await resendInvitation(db, actor, invitation, app.config.publicUrl, app.clock.now());
      app.mailWorker.kick();
      return answer;
    },
  );

  app.delete(
    '/admin/invitations/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['invitations'],
        summary: 'Revoke a pending invitation',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const invitation = await loadManageableInvitation(db, actor, request.params.id);
      await revokeInvitation(db, actor, invitation, app.clock.now());
      return reply.code(204).send(null);
    },
  );
};
