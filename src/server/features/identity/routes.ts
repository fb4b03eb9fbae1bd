import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountMemberships, users, vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import { limitBy } from '../../plugins/rate-limits.ts';
import { can } from '../../policy/authorize.ts';
import { PERMISSIONS, type Permission } from '../../policy/permissions.ts';
import { logIn } from './login.ts';
import { completePasswordReset, readPasswordReset, requestPasswordReset } from './password-reset.ts';
import {
  LoginBody,
  Me,
  PasswordResetBody,
  PasswordResetRequestBody,
  PasswordResetView,
  SessionAnswer,
  TokenParams,
  UpdateMeBody,
} from './schemas.ts';
import { createSession, revokeSession } from './sessions.ts';
import { presentUser } from './users.ts';

const emailOf = (request: { body: unknown }) =>
  String((request.body as { email?: unknown })?.email ?? '')
    .trim()
    .toLowerCase();

/** Sign-in, sign-out, the signed-in person, and password reset (SPEC §11). */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      preHandler: [
        limitBy(app, 'loginPerAddress', (request) => request.ip),
        limitBy(app, 'loginPerEmail', emailOf),
      ],
      schema: {
        tags: ['identity'],
        summary: 'Sign in; answers the session token and sets the session cookie',
        body: LoginBody,
        response: { 200: SessionAnswer },
      },
    },
    async (request, reply) => {
      const { user, token } = await logIn(db, { ...request.body, ip: request.ip }, app.clock.now());
      reply.setSessionCookie(token);
      return { user: presentUser(user), token };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['identity'], summary: 'End this session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      await revokeSession(db, actor.sessionId, app.clock.now());
      return reply.clearSessionCookie().code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['identity'],
        summary: 'The signed-in person and their memberships',
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const [accounts, myVehicles] = await Promise.all([
        db
          .select({ accountId: accountMemberships.accountId, role: accountMemberships.role })
          .from(accountMemberships)
          .where(eq(accountMemberships.userId, actor.user.id)),
        db
          .select({
            vehicleId: vehicleMemberships.vehicleId,
            role: vehicleMemberships.role,
            registrationNumber: vehicles.registrationNumber,
            make: vehicles.make,
            model: vehicles.model,
          })
          .from(vehicleMemberships)
          .innerJoin(vehicles, eq(vehicles.id, vehicleMemberships.vehicleId))
          .where(eq(vehicleMemberships.userId, actor.user.id))
          .orderBy(asc(vehicles.registrationNumber)),
      ]);
      return {
        user: actor.user,
        staff: actor.staff,
        accounts,
        vehicles: myVehicles,
        permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
          can(actor, permission),
        ),
      };
    },
  );

  app.patch(
    '/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['identity'],
        summary: 'Change your name or language (mails you send and receive use it)',
        body: UpdateMeBody,
        response: { 200: SessionAnswer.shape.user },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const [user] = await db.update(users).set(request.body).where(eq(users.id, actor.user.id)).returning();
      if (!user) throw new Error('the signed-in user vanished');
      return presentUser(user);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      preHandler: [
        limitBy(app, 'passwordResetPerAddress', (request) => request.ip),
        limitBy(app, 'passwordResetPerEmail', emailOf),
      ],
      schema: {
        tags: ['identity'],
        summary: 'Mail a reset link; answers 202 whether or not the email has an account',
        body: PasswordResetRequestBody,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(
        db,
        { email: request.body.email, publicUrl: app.config.publicUrl, ip: request.ip },
        app.clock.now(),
      );
      app.mailWorker.kick();
      return reply.code(202).send(null);
    },
  );

  app.get(
    '/auth/password-reset/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Whether a reset link still works (does not use it)',
        params: TokenParams,
        response: { 200: PasswordResetView },
      },
    },
    async (request) => readPasswordReset(db, request.params.token, app.clock.now()),
  );

  app.post(
    '/auth/password-reset/:token',
    {
      config: { access: 'public' },
      preHandler: [limitBy(app, 'passwordResetPerAddress', (request) => request.ip)],
      schema: {
        tags: ['identity'],
        summary: 'Set a new password through a reset link; ends all other sessions and signs in',
        params: TokenParams,
        body: PasswordResetBody,
        response: { 200: SessionAnswer },
      },
    },
    async (request, reply) => {
      const now = app.clock.now();
      const { userId } = await completePasswordReset(
        db,
        { token: request.params.token, password: request.body.password, ip: request.ip },
        now,
      );
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw new Error('the user vanished during a password reset');
      const token = await createSession(db, userId, now);
      reply.setSessionCookie(token);
      return { user: presentUser(user), token };
    },
  );
};
