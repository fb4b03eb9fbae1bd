import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/authenticate.ts';
import { Email } from '../identity/schemas.ts';
import { resendInvitation, revokeInvitation } from '../invitations/manage-invitation.ts';
import { inviteSecondaryUser } from './invite-secondary-user.ts';
import { LiveVehicleStreams } from './live-vehicle.ts';
import {
  listUsersFor,
  loadSecondaryInvitation,
  removeVehicleUser,
  setSharingLevel,
} from './manage-vehicle-users.ts';
import { loadMemberVehicle } from './member-vehicle.ts';
import { readVehicleView, SharingLevelSchema, VehicleView } from './vehicle-view.ts';

const Level = SharingLevelSchema;
const VehicleParams = z.object({ vid: z.uuid() });

const VehicleUser = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(['primary', 'secondary']),
  since: z.date(),
  email: z.string().optional(),
});

/** The driver app's vehicle routes (SPEC §5, §6, §11): every answer is shaped by the policy. */
export const vehicleUserRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/vehicles/:vid',
    {
      config: { access: 'vehicle.status.read' },
      schema: {
        tags: ['driver app'],
        summary: 'The vehicle, my role, the sharing level, status (position only where shared) and alarms',
        params: VehicleParams,
        response: { 200: VehicleView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return readVehicleView(app.vehicleAccess, app.vehicleStatus, actor, request.params.vid);
    },
  );

  const liveStreams = new LiveVehicleStreams(app);
  app.get(
    '/vehicles/:vid/live',
    {
      config: { access: 'vehicle.status.read' },
      schema: {
        tags: ['driver app'],
        summary:
          'Server-sent events: `vehicle` (as GET /vehicles/{vid}) on every change; `end` with a reason ' +
          '(access_removed, signed_out, server_closing) when it stops',
        params: VehicleParams,
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      await liveStreams.open(request, reply, actor, request.params.vid);
    },
  );

  app.get(
    '/vehicles/:vid/users',
    {
      config: { access: 'vehicle.users.read' },
      schema: {
        tags: ['driver app'],
        summary: "The vehicle's users; emails and pending invitations for the primary only",
        params: VehicleParams,
        response: {
          200: z.object({
            items: z.array(VehicleUser),
            pendingInvitations: z
              .array(
                z.object({
                  id: z.uuid(),
                  email: z.string(),
                  expiresAt: z.date(),
                  invitationStatus: z.enum(['pending', 'expired']),
                }),
              )
              .optional(),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.users.read',
      );
      return listUsersFor(db, vehicle, app.clock.now());
    },
  );

  app.post(
    '/vehicles/:vid/invitations',
    {
      config: { access: 'vehicle.users.invite' },
      schema: {
        tags: ['driver app'],
        summary: 'Invite a secondary user (primary only); at most 5, pending invitations included',
        params: VehicleParams,
        body: z.object({ email: Email, sharingLevel: Level.optional() }),
        response: { 201: z.object({ invitationId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.users.invite',
      );
      const created = await inviteSecondaryUser(
        db,
        actor,
        vehicle,
        request.body,
        app.config.publicUrl,
        app.clock.now(),
      );
      app.mailWorker.kick();
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/vehicles/:vid/users/:uid',
    {
      config: { access: 'vehicle.users.read' },
      schema: {
        tags: ['driver app'],
        summary: 'Remove a secondary user (primary only; a secondary is told to ask the primary)',
        params: VehicleParams.extend({ uid: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      // Any user may ask; the command decides (a secondary removing themselves gets `ask_the_primary`).
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.users.read',
      );
      await removeVehicleUser(db, actor, vehicle, request.params.uid, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/vehicles/:vid/invitations/:iid',
    {
      config: { access: 'vehicle.users.invite' },
      schema: {
        tags: ['driver app'],
        summary: 'Revoke a pending secondary invitation (primary only)',
        params: VehicleParams.extend({ iid: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.users.invite',
      );
      const invitation = await loadSecondaryInvitation(db, vehicle, request.params.iid);
      await revokeInvitation(db, actor, invitation, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/vehicles/:vid/invitations/:iid/resend',
    {
      config: { access: 'vehicle.users.invite' },
      schema: {
        tags: ['driver app'],
        summary: 'Resend a secondary invitation: a new link for 24 hours; the old one dies',
        params: VehicleParams.extend({ iid: z.uuid() }),
        response: { 200: z.object({ expiresAt: z.date() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.users.invite',
      );
      const invitation = await loadSecondaryInvitation(db, vehicle, request.params.iid);
      const answer = await resendInvitation(db, actor, invitation, app.config.publicUrl, app.clock.now());
      app.mailWorker.kick();
      return answer;
    },
  );

  app.put(
    '/vehicles/:vid/sharing',
    {
      config: { access: 'vehicle.sharing.manage' },
      schema: {
        tags: ['driver app'],
        summary: 'Choose the data-sharing level for every user of the vehicle (primary only)',
        params: VehicleParams,
        body: z.object({ level: Level }),
        response: { 200: z.object({ level: Level }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.sharing.manage',
      );
      return setSharingLevel(db, actor, vehicle, request.body.level, {
        now: app.clock.now(),
        publicUrl: app.config.publicUrl,
      });
    },
  );
};
