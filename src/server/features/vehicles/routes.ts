import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import { can } from '../../policy/authorize.ts';
import { SearchQuery } from '../accounts/schemas.ts';
import { AlarmView } from '../telemetry/status-view.ts';
import { listWorkshopAlarms } from '../telemetry/workshop-alarms.ts';
import { addVehicle, rotateDeviceToken } from './add-vehicle.ts';
import { invitePrimaryUser } from './invite-primary-user.ts';
import { listWorkshopVehicles, workshopVehicleDetails } from './queries.ts';
import { removePrimaryUser } from './remove-primary-user.ts';
import {
  AddVehicleBody,
  InvitePrimaryBody,
  VehicleListItem,
  VehicleParams,
  WorkshopParams,
  WorkshopVehicle,
} from './schemas.ts';
import { loadWorkshopVehicle } from './scoped-vehicle.ts';

const AffectedUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['primary', 'secondary']),
});

/** The workshop portal's vehicles: add, list, details, device token, the primary user (SPEC §5). */
export const workshopVehicleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/workshops/:wid/vehicles',
    {
      config: { access: 'vehicle.create' },
      schema: {
        tags: ['workshop'],
        summary: 'Add a vehicle; answers its device token, shown once',
        params: WorkshopParams,
        body: AddVehicleBody,
        response: { 201: z.object({ id: z.uuid(), deviceToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const created = await addVehicle(db, actor, request.params.wid, request.body, app.clock.now());
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/workshops/:wid/vehicles',
    {
      config: { access: 'vehicle.read' },
      schema: {
        tags: ['workshop'],
        summary: "The workshop's vehicles; q matches the start of the plate, VIN or primary user's name",
        params: WorkshopParams,
        querystring: SearchQuery,
        response: { 200: z.object({ items: z.array(VehicleListItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!can(actor, 'vehicle.read', { organizationId: request.params.wid })) throw notFound();
      return listWorkshopVehicles(db, request.params.wid, request.query);
    },
  );

  app.get(
    '/workshops/:wid/alarms',
    {
      config: { access: 'vehicle.read' },
      schema: {
        tags: ['workshop'],
        summary: "Warning lights on now across the workshop's vehicles, most recent first (at most 500)",
        params: WorkshopParams,
        response: {
          200: z.object({
            items: z.array(
              AlarmView.extend({
                vehicle: z.object({
                  id: z.uuid(),
                  registrationNumber: z.string(),
                  make: z.string(),
                  model: z.string(),
                }),
              }),
            ),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!can(actor, 'vehicle.read', { organizationId: request.params.wid })) throw notFound();
      return listWorkshopAlarms(db, request.params.wid);
    },
  );

  app.get(
    '/workshops/:wid/vehicles/:vid',
    {
      config: { access: 'vehicle.read' },
      schema: {
        tags: ['workshop'],
        summary: 'A vehicle with its primary user, secondary users, pending invitations and status',
        params: VehicleParams,
        response: { 200: WorkshopVehicle },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadWorkshopVehicle(
        db,
        actor,
        'vehicle.read',
        request.params.wid,
        request.params.vid,
      );
      return workshopVehicleDetails(db, vehicle, await app.vehicleStatus.read(vehicle.id), app.clock.now());
    },
  );

  app.post(
    '/workshops/:wid/vehicles/:vid/device-token',
    {
      config: { access: 'vehicle.create' },
      schema: {
        tags: ['workshop'],
        summary: 'Rotate the device token: the old one stops working; the new one is shown once',
        params: VehicleParams,
        response: { 200: z.object({ deviceToken: z.string() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadWorkshopVehicle(
        db,
        actor,
        'vehicle.create',
        request.params.wid,
        request.params.vid,
      );
      return rotateDeviceToken(db, actor, vehicle, app.clock.now());
    },
  );

  app.post(
    '/workshops/:wid/vehicles/:vid/primary-user/invitation',
    {
      config: { access: 'vehicle.primary.invite' },
      schema: {
        tags: ['workshop'],
        summary:
          'Invite the primary user (the legal owner); 409 primary_user_exists while one is active or pending',
        params: VehicleParams,
        body: InvitePrimaryBody,
        response: { 201: z.object({ invitationId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const vehicle = await loadWorkshopVehicle(
        db,
        actor,
        'vehicle.primary.invite',
        request.params.wid,
        request.params.vid,
      );
      const created = await invitePrimaryUser(
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
    '/workshops/:wid/vehicles/:vid/primary-user',
    {
      config: { access: 'vehicle.primary.remove' },
      schema: {
        tags: ['workshop'],
        summary:
          'Remove the primary user and every other user; 409 confirmation_required with affectedUsers unless ?confirm=true',
        params: VehicleParams,
        querystring: z.object({ confirm: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ removedUsers: z.array(AffectedUser) }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadWorkshopVehicle(
        db,
        actor,
        'vehicle.primary.remove',
        request.params.wid,
        request.params.vid,
      );
      const result = await removePrimaryUser(
        db,
        actor,
        vehicle,
        request.query.confirm === 'true',
        app.clock.now(),
      );
      app.mailWorker.kick();
      return result;
    },
  );
};
