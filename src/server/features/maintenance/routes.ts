import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/authenticate.ts';
import { VehicleParams } from '../vehicles/schemas.ts';
import { loadWorkshopVehicle } from '../vehicles/scoped-vehicle.ts';
import { listMaintenanceNotices, sendMaintenanceNotice } from './maintenance-notices.ts';

const MaintenanceNoticeBody = z
  .object({
    /** The day service is due by, `YYYY-MM-DD`. */
    dueDate: z.iso.date().optional(),
    dueMileageKm: z.number().int().min(0).max(2_000_000).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((body) => body.dueDate !== undefined || body.dueMileageKm !== undefined, {
    message: 'give a due date, a due mileage or both',
    path: ['dueDate'],
  });

const MaintenanceNoticeView = z.object({
  id: z.uuid(),
  dueDate: z.string().nullable(),
  dueMileageKm: z.number().int().nullable(),
  note: z.string().nullable(),
  sentAt: z.date(),
  /** `id` is null once the sender's account is gone; the name stays as it was. */
  sentBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  recipients: z.number().int(),
});

/** Workshop staff tell a vehicle's users that service is due (SPEC §7). */
export const maintenanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/workshops/:wid/vehicles/:vid/maintenance-notices',
    {
      config: { access: 'vehicle.maintenance.notify' },
      schema: {
        tags: ['workshop'],
        summary: "Tell the vehicle's users service is due by a date and/or mileage, in the app and by mail",
        params: VehicleParams,
        body: MaintenanceNoticeBody,
        response: { 201: z.object({ id: z.uuid(), recipients: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { wid, vid } = request.params;
      const vehicle = await loadWorkshopVehicle(db, actor, 'vehicle.maintenance.notify', wid, vid);
      const sent = await sendMaintenanceNotice(db, actor, vehicle, request.body, {
        now: app.clock.now(),
        publicUrl: app.config.publicUrl,
      });
      app.mailWorker.kick();
      return reply.code(201).send(sent);
    },
  );

  app.get(
    '/workshops/:wid/vehicles/:vid/maintenance-notices',
    {
      config: { access: 'vehicle.maintenance.notify' },
      schema: {
        tags: ['workshop'],
        summary: 'The maintenance notices sent about the vehicle, newest first',
        params: VehicleParams,
        response: {
          200: z.object({ items: z.array(MaintenanceNoticeView), nextCursor: z.null() }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { wid, vid } = request.params;
      const vehicle = await loadWorkshopVehicle(db, actor, 'vehicle.maintenance.notify', wid, vid);
      return listMaintenanceNotices(db, vehicle.id);
    },
  );
};
