import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/authenticate.ts';
import { loadMemberVehicle } from '../vehicle-users/member-vehicle.ts';
import { assignTrip } from './assign-trip.ts';
import { listTrips, tripDetails } from './queries.ts';

const Point = z.object({ lat: z.number(), lon: z.number() });
const TripParams = z.object({ vid: z.uuid(), tid: z.uuid() });

const TripSummary = z.object({
  id: z.uuid(),
  startedAt: z.date(),
  /** Null while the ignition is still on. */
  endedAt: z.date().nullable(),
  durationS: z.number().int().nullable(),
  distanceKm: z.number(),
  assignees: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      assignedAt: z.date(),
      assignedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
  ),
  /** Present only where SPEC §6 lets the reader see where the trip went. */
  start: Point.optional(),
  end: Point.optional(),
  /** Why `start`, `end` and the route are absent. */
  locationHidden: z.enum(['limited_sharing']).optional(),
});

/** Trips of a vehicle for its users, as the sharing level allows (SPEC §6, §11). */
export const tripRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/vehicles/:vid/trips',
    {
      config: { access: 'vehicle.trips.read' },
      schema: {
        tags: ['driver app'],
        summary: "The vehicle's trips, newest first; positions only where the sharing level allows",
        params: z.object({ vid: z.uuid() }),
        querystring: z.object({ cursor: z.string().max(200).optional() }),
        response: { 200: z.object({ items: z.array(TripSummary), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.trips.read',
      );
      return listTrips(db, vehicle, actor, request.query.cursor);
    },
  );

  app.get(
    '/vehicles/:vid/trips/:tid',
    {
      config: { access: 'vehicle.trips.read' },
      schema: {
        tags: ['driver app'],
        summary: 'A trip with its route, where the sharing level allows',
        params: TripParams,
        response: {
          200: TripSummary.extend({
            route: z.array(z.object({ lat: z.number(), lon: z.number(), at: z.date() })).optional(),
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
        'vehicle.trips.read',
      );
      return tripDetails(db, vehicle, actor, request.params.tid);
    },
  );

  app.put(
    '/vehicles/:vid/trips/:tid/assignees',
    {
      config: { access: 'vehicle.trips.assign_self' },
      schema: {
        tags: ['driver app'],
        summary: 'Assign a trip: anyone takes an unassigned trip; the primary assigns anyone, or undoes',
        params: TripParams,
        body: z.object({ userIds: z.array(z.uuid()).max(6) }),
        response: { 200: TripSummary },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.trips.assign_self',
      );
      await assignTrip(
        db,
        app.vehicleAccess,
        actor,
        vehicle,
        request.params.tid,
        request.body.userIds,
        app.clock.now(),
      );
      return tripDetails(db, vehicle, actor, request.params.tid, { withRoute: false });
    },
  );
};
