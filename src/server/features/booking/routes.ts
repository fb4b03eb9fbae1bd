import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, notFound } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/authorize.ts';
import type { Permission } from '../../policy/permissions.ts';
import { loadMemberVehicle, type MemberVehicle } from '../vehicle-users/member-vehicle.ts';
import { WorkshopParams } from '../vehicles/schemas.ts';
import type { AnnounceContext } from './announce-booking-change.ts';
import { answerAsVehicleUser, answerAsWorkshop } from './change-booking.ts';
import { createBooking } from './create-booking.ts';
import {
  busySpans,
  historyOf,
  listVehicleBookings,
  listWorkshopBookings,
  loadVehicleBooking,
  loadWorkshopBooking,
  presentBooking,
  resolveRange,
  type VehicleViewer,
} from './queries.ts';
import {
  BookingSettingsBody,
  BookingSettingsView,
  BookingView,
  CreateBookingBody,
  ServiceTypeBody,
  ServiceTypeParams,
  ServiceTypePatch,
  ServiceTypeView,
  SlotsQuery,
  SlotsView,
  VehicleBookingParams,
  WorkshopBookingChange,
  WorkshopBookingParams,
  WorkshopBookingsQuery,
} from './schemas.ts';
import {
  bookableServiceTypes,
  createServiceType,
  deleteServiceType,
  listServiceTypes,
  loadCalendar,
  loadWorkshop,
  readBookingSettings,
  saveBookingSettings,
  updateServiceType,
} from './settings.ts';
import { bookingMinutes, freeSlots } from './slots.ts';
import type { BookerChange } from './transitions.ts';
import { formatInZone, instantAt, localDateOf } from './zoned-time.ts';

const VehicleParams = z.object({ vid: z.uuid() });
const SLOT_DAYS = { days: 14, maxDays: 31 };
const CALENDAR_DAYS = { days: 7, maxDays: 62 };

/**
 * The workshop's side of a route: the actor must hold the permission in this workshop. Someone
 * who holds it only elsewhere gets 404, as if the workshop were not there (the route-access hook
 * has already answered 403 to whoever holds it nowhere).
 */
function requireInWorkshop(actor: Actor, permission: Permission, workshopId: string): void {
  if (can(actor, permission, { organizationId: workshopId })) return;
  if (permission !== 'booking.read' && can(actor, 'booking.read', { organizationId: workshopId })) {
    throw forbidden();
  }
  throw notFound();
}

function viewerOf(actor: Actor, vehicle: MemberVehicle, now: Date): VehicleViewer {
  return { userId: actor.user.id, role: vehicle.myRole, sharingLevel: vehicle.sharingLevel, now };
}

function announceContext(app: FastifyInstance): AnnounceContext {
  return { now: app.clock.now(), publicUrl: app.config.publicUrl, mailFrom: app.config.mailFrom };
}

/** Service booking (SPEC §7, §11): the driver app's side, then the workshop's. */
export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/vehicles/:vid/booking-slots',
    {
      config: { access: 'vehicle.bookings.read' },
      schema: {
        tags: ['booking'],
        summary:
          "Free slots at the vehicle's workshop, in its time zone; `serviceTypes` (ids, comma-separated) sets the length",
        description:
          'A plain date in `from`/`to` is that whole day at the workshop. Defaults: from now, 14 days; at most 31 days.',
        params: VehicleParams,
        querystring: SlotsQuery,
        response: { 200: SlotsView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.bookings.read',
      );
      const now = app.clock.now();
      const workshop = await loadWorkshop(db, vehicle.workshopId);
      const range = resolveRange(request.query, workshop.timeZone, { from: now, ...SLOT_DAYS });
      const [{ calendar }, chosen, offered, status] = await Promise.all([
        loadCalendar(db, vehicle.workshopId),
        bookableServiceTypes(db, vehicle.workshopId, request.query.serviceTypes ?? [], 'querystring'),
        listServiceTypes(db, vehicle.workshopId, { activeOnly: true }),
        app.vehicleStatus.read(vehicle.id),
      ]);
      const durationMinutes = bookingMinutes(
        chosen.map((type) => type.durationMinutes),
        calendar.slotMinutes,
      );
      const busy = await busySpans(db, vehicle.workshopId, range);
      const slots = freeSlots(calendar, {
        from: range.start,
        to: range.end,
        notBefore: now,
        durationMinutes,
        busy,
      });
      const zoned = (at: Date) => formatInZone(at, workshop.timeZone);
      return {
        items: slots.map((slot) => ({ start: zoned(slot.start), end: zoned(slot.end) })),
        nextCursor: null,
        workshop: { id: workshop.id, name: workshop.name },
        timeZone: workshop.timeZone,
        slotMinutes: calendar.slotMinutes,
        durationMinutes,
        serviceTypes: offered.map(({ id, name, durationMinutes }) => ({ id, name, durationMinutes })),
        currentMileageKm: status.odometer ? Math.round(status.odometer.km) : null,
        from: zoned(range.start),
        to: zoned(range.end),
      };
    },
  );

  app.get(
    '/vehicles/:vid/bookings',
    {
      config: { access: 'vehicle.bookings.read' },
      schema: {
        tags: ['booking'],
        summary: "The vehicle's bookings, by any of its users; latest appointment first",
        params: VehicleParams,
        querystring: z.object({ cursor: z.string().max(200).optional() }),
        response: {
          200: z.object({
            items: z.array(BookingView),
            nextCursor: z.string().nullable(),
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
        'vehicle.bookings.read',
      );
      return listVehicleBookings(
        db,
        vehicle.id,
        viewerOf(actor, vehicle, app.clock.now()),
        request.query.cursor,
      );
    },
  );

  app.get(
    '/vehicles/:vid/bookings/:bid',
    {
      config: { access: 'vehicle.bookings.read' },
      schema: {
        tags: ['booking'],
        summary: 'One booking of the vehicle with its history',
        params: VehicleBookingParams,
        response: { 200: BookingView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.bookings.read',
      );
      const record = await loadVehicleBooking(db, vehicle.id, request.params.bid);
      return {
        ...presentBooking(record, viewerOf(actor, vehicle, app.clock.now())),
        history: await historyOf(db, record.booking.id, record.workshop.timeZone),
      };
    },
  );

  app.post(
    '/vehicles/:vid/bookings',
    {
      config: { access: 'vehicle.bookings.create' },
      schema: {
        tags: ['booking'],
        summary: 'Book a free slot; 409 `slot_unavailable` when it is not (or no longer) free',
        params: VehicleParams,
        body: CreateBookingBody,
        response: { 201: BookingView },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const vehicle = await loadMemberVehicle(
        app.vehicleAccess,
        actor,
        request.params.vid,
        'vehicle.bookings.create',
      );
      const context = announceContext(app);
      const created = await createBooking(db, actor, vehicle, request.body, context);
      app.mailWorker.kick();
      const record = await loadVehicleBooking(db, vehicle.id, created.id);
      return reply.code(201).send(presentBooking(record, viewerOf(actor, vehicle, context.now)));
    },
  );

  for (const change of ['accept', 'reject', 'cancel'] as const satisfies BookerChange[]) {
    app.post(
      `/vehicles/:vid/bookings/:bid/${change}`,
      {
        config: { access: 'vehicle.bookings.manage_own' },
        schema: {
          tags: ['booking'],
          summary: {
            accept: "Accept the workshop's proposed time: the booking is confirmed at it",
            reject: "Reject the workshop's proposed time: the booking is cancelled",
            cancel: 'Cancel the booking (a confirmed one until the workshop’s cut-off before it)',
          }[change],
          description:
            'The person who booked, or the primary user. 409 `booking_status_conflict`, `cancellation_too_late`.',
          params: VehicleBookingParams,
          response: { 200: BookingView },
        },
      },
      async (request) => {
        const actor = await requireActor(request);
        const vehicle = await loadMemberVehicle(
          app.vehicleAccess,
          actor,
          request.params.vid,
          'vehicle.bookings.manage_own',
        );
        const context = announceContext(app);
        await answerAsVehicleUser(db, actor, vehicle, request.params.bid, change, context);
        app.mailWorker.kick();
        const record = await loadVehicleBooking(db, vehicle.id, request.params.bid);
        return presentBooking(record, viewerOf(actor, vehicle, context.now));
      },
    );
  }

  app.get(
    '/workshops/:wid/bookings',
    {
      config: { access: 'booking.read' },
      schema: {
        tags: ['booking'],
        summary: "The workshop's bookings overlapping a range, in time order: the calendar's day or week",
        description:
          'A plain date in `from`/`to` is that whole day at the workshop. Defaults: from the start of today, 7 days; at most 62 days. `status`: comma-separated.',
        params: WorkshopParams,
        querystring: WorkshopBookingsQuery.extend({ cursor: z.string().max(200).optional() }),
        response: { 200: z.object({ items: z.array(BookingView), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.read', request.params.wid);
      const workshop = await loadWorkshop(db, request.params.wid);
      const now = app.clock.now();
      const today = instantAt(localDateOf(now, workshop.timeZone), 0, workshop.timeZone);
      const range = resolveRange(request.query, workshop.timeZone, { from: today, ...CALENDAR_DAYS });
      return listWorkshopBookings(db, workshop.id, range, request.query.status, request.query.cursor);
    },
  );

  app.get(
    '/workshops/:wid/bookings/:bid',
    {
      config: { access: 'booking.read' },
      schema: {
        tags: ['booking'],
        summary: 'One booking of the workshop with its history',
        params: WorkshopBookingParams,
        response: { 200: BookingView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.read', request.params.wid);
      const record = await loadWorkshopBooking(db, request.params.wid, request.params.bid);
      return {
        ...presentBooking(record),
        history: await historyOf(db, record.booking.id, record.workshop.timeZone),
      };
    },
  );

  app.patch(
    '/workshops/:wid/bookings/:bid',
    {
      config: { access: 'booking.manage' },
      schema: {
        tags: ['booking'],
        summary: 'Confirm, decline (`reason`) or propose another time (`start`); answers the booking',
        description:
          '409 `booking_status_conflict`; a proposal: 409 `slot_unavailable` when every bay is taken.',
        params: WorkshopBookingParams,
        body: WorkshopBookingChange,
        response: { 200: BookingView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.manage', request.params.wid);
      await answerAsWorkshop(
        db,
        actor,
        request.params.wid,
        request.params.bid,
        request.body,
        announceContext(app),
      );
      app.mailWorker.kick();
      return presentBooking(await loadWorkshopBooking(db, request.params.wid, request.params.bid));
    },
  );

  app.get(
    '/workshops/:wid/booking-settings',
    {
      config: { access: 'booking.read' },
      schema: {
        tags: ['booking'],
        summary: 'Opening hours, closed dates, slot length, bays and cancellation cut-off',
        params: WorkshopParams,
        response: { 200: BookingSettingsView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.read', request.params.wid);
      return readBookingSettings(db, request.params.wid);
    },
  );

  app.put(
    '/workshops/:wid/booking-settings',
    {
      config: { access: 'booking.settings.manage' },
      schema: {
        tags: ['booking'],
        summary: 'Replace the booking settings; existing bookings keep their times',
        params: WorkshopParams,
        body: BookingSettingsBody,
        response: { 200: BookingSettingsView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.settings.manage', request.params.wid);
      return saveBookingSettings(db, actor, request.params.wid, request.body, app.clock.now());
    },
  );

  app.get(
    '/workshops/:wid/service-types',
    {
      config: { access: 'booking.read' },
      schema: {
        tags: ['booking'],
        summary: "The workshop's service types, inactive ones included",
        params: WorkshopParams,
        response: { 200: z.object({ items: z.array(ServiceTypeView), nextCursor: z.null() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.read', request.params.wid);
      await loadWorkshop(db, request.params.wid);
      return {
        items: await listServiceTypes(db, request.params.wid, { activeOnly: false }),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/workshops/:wid/service-types',
    {
      config: { access: 'booking.settings.manage' },
      schema: {
        tags: ['booking'],
        summary: 'Add a service type; 409 `service_type_exists` for a name the workshop has',
        params: WorkshopParams,
        body: ServiceTypeBody,
        response: { 201: ServiceTypeView },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.settings.manage', request.params.wid);
      return reply
        .code(201)
        .send(await createServiceType(db, request.params.wid, request.body, app.clock.now()));
    },
  );

  app.patch(
    '/workshops/:wid/service-types/:sid',
    {
      config: { access: 'booking.settings.manage' },
      schema: {
        tags: ['booking'],
        summary: 'Rename a service type, change its duration, or make it (in)active',
        params: ServiceTypeParams,
        body: ServiceTypePatch,
        response: { 200: ServiceTypeView },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.settings.manage', request.params.wid);
      return updateServiceType(db, request.params.wid, request.params.sid, request.body, app.clock.now());
    },
  );

  app.delete(
    '/workshops/:wid/service-types/:sid',
    {
      config: { access: 'booking.settings.manage' },
      schema: {
        tags: ['booking'],
        summary: 'Remove a service type; bookings keep the types they were made with',
        params: ServiceTypeParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      requireInWorkshop(actor, 'booking.settings.manage', request.params.wid);
      await deleteServiceType(db, request.params.wid, request.params.sid);
      return reply.code(204).send(null);
    },
  );
};
