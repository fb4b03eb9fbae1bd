import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { BookingStatus } from '../../../shared/booking.ts';
import type { Database } from '../../db/client.ts';
import {
  bookingEvents,
  bookings,
  organizations,
  vehicles,
  workshopBookingSettings,
} from '../../db/schema/index.ts';
import { notFound, validationFailed } from '../../lib/errors.ts';
import { decodeTimeCursor, paginate } from '../../lib/search.ts';
import { mayAnswerBooking } from '../../policy/rules/booking.ts';
import type { SharingLevel, VehicleRole } from '../../policy/rules/vehicle.ts';
import type { TimeSpan } from './slots.ts';
import { cancellableUntil, HOLDING_STATUSES } from './transitions.ts';
import { addDays, formatInZone, instantAt } from './zoned-time.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const VEHICLE_PAGE_SIZE = 20;
const WORKSHOP_PAGE_SIZE = 500;

/** The time a booking holds a bay: the proposal while there is one, else its own time. */
export const heldStart = sql<Date>`coalesce(${bookings.proposedStartAt}, ${bookings.startAt})`;
export const heldEnd = sql<Date>`coalesce(${bookings.proposedEndAt}, ${bookings.endAt})`;

const selection = {
  booking: bookings,
  vehicle: {
    id: vehicles.id,
    registrationNumber: vehicles.registrationNumber,
    make: vehicles.make,
    model: vehicles.model,
  },
  workshop: { id: organizations.id, name: organizations.name, timeZone: organizations.timeZone },
  cutoffHours: workshopBookingSettings.cancellationCutoffHours,
};

function selectBookings(db: Database) {
  return db
    .select(selection)
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .innerJoin(organizations, eq(organizations.id, bookings.workshopId))
    .leftJoin(workshopBookingSettings, eq(workshopBookingSettings.workshopId, bookings.workshopId));
}

export type BookingRecord = Awaited<ReturnType<ReturnType<typeof selectBookings>['execute']>>[number];

/** Who is looking from the vehicle's side, to say what they may do with a booking now. */
export interface VehicleViewer {
  userId: string;
  role: VehicleRole;
  sharingLevel: SharingLevel;
  now: Date;
}

/** A booking as either side sees it; the vehicle side also learns what it may do now. */
export function presentBooking(record: BookingRecord, viewer?: VehicleViewer) {
  const { booking, vehicle, workshop } = record;
  const zoned = (at: Date) => formatInZone(at, workshop.timeZone);
  const view = {
    id: booking.id,
    status: booking.status,
    start: zoned(booking.startAt),
    end: zoned(booking.endAt),
    proposedStart: booking.proposedStartAt ? zoned(booking.proposedStartAt) : null,
    proposedEnd: booking.proposedEndAt ? zoned(booking.proposedEndAt) : null,
    serviceTypes: booking.serviceTypes,
    note: booking.note,
    mileageKm: booking.mileageKm,
    declineReason: booking.declineReason,
    booker: { id: booking.bookerUserId, name: booking.bookerName },
    vehicle,
    workshop,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
  };
  if (!viewer) return view;
  const mayAnswer = mayAnswerBooking({
    role: viewer.role,
    sharingLevel: viewer.sharingLevel,
    isBooker: booking.bookerUserId === viewer.userId,
  });
  const until = cancellableUntil(booking, record.cutoffHours ?? 24);
  return {
    ...view,
    canAnswer:
      mayAnswer &&
      booking.status === 'proposed' &&
      booking.proposedStartAt !== null &&
      viewer.now < booking.proposedStartAt,
    canCancel: mayAnswer && until !== null && viewer.now < until,
    cancellableUntil: until ? zoned(until) : null,
  };
}

/** The booking's history, oldest first. */
export async function historyOf(db: Database, bookingId: string, timeZone: string) {
  const rows = await db
    .select()
    .from(bookingEvents)
    .where(eq(bookingEvents.bookingId, bookingId))
    .orderBy(asc(bookingEvents.seq));
  return rows.map((row) => ({
    action: row.action,
    status: row.status,
    side: row.side,
    by: { id: row.actorUserId, name: row.actorName },
    start: formatInZone(row.startAt, timeZone),
    end: formatInZone(row.endAt, timeZone),
    reason: row.reason,
    at: row.at,
  }));
}

/** One booking of a vehicle, or 404: another vehicle's booking does not exist here. */
export async function loadVehicleBooking(db: Database, vehicleId: string, bookingId: string) {
  const [record] = await selectBookings(db).where(
    and(eq(bookings.id, bookingId), eq(bookings.vehicleId, vehicleId)),
  );
  if (!record) throw notFound();
  return record;
}

/** One booking of a workshop, or 404. */
export async function loadWorkshopBooking(db: Database, workshopId: string, bookingId: string) {
  const [record] = await selectBookings(db).where(
    and(eq(bookings.id, bookingId), eq(bookings.workshopId, workshopId)),
  );
  if (!record) throw notFound();
  return record;
}

/** The vehicle's bookings for all its users, latest appointment first. */
export async function listVehicleBookings(
  db: Database,
  vehicleId: string,
  viewer: VehicleViewer,
  cursor: string | undefined,
) {
  const after = decodeTimeCursor(cursor);
  const rows = await selectBookings(db)
    .where(
      and(
        eq(bookings.vehicleId, vehicleId),
        after
          ? or(lt(bookings.startAt, after.at), and(eq(bookings.startAt, after.at), lt(bookings.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(bookings.startAt), desc(bookings.id))
    .limit(VEHICLE_PAGE_SIZE + 1);
  const page = paginate(
    rows.map((row) => ({ ...row, id: row.booking.id })),
    VEHICLE_PAGE_SIZE,
    (row) => row.booking.startAt.toISOString(),
  );
  return {
    items: page.items.map((row) => presentBooking(row, viewer)),
    nextCursor: page.nextCursor,
  };
}

/**
 * The workshop's bookings whose time (or proposed time) overlaps the range, in time order: the
 * calendar's day and week views and the list.
 */
export async function listWorkshopBookings(
  db: Database,
  workshopId: string,
  range: TimeSpan,
  statuses: readonly BookingStatus[] | undefined,
  cursor: string | undefined,
) {
  const after = decodeTimeCursor(cursor);
  const overlaps = (
    start: typeof bookings.startAt | typeof bookings.proposedStartAt,
    end: typeof bookings.endAt | typeof bookings.proposedEndAt,
  ) => and(lt(start, range.end), gt(end, range.start));
  const rows = await selectBookings(db)
    .where(
      and(
        eq(bookings.workshopId, workshopId),
        or(
          overlaps(bookings.startAt, bookings.endAt),
          overlaps(bookings.proposedStartAt, bookings.proposedEndAt),
        ),
        statuses && statuses.length > 0 ? inArray(bookings.status, [...statuses]) : undefined,
        after
          ? or(
              sql`${heldStart} > ${after.at.toISOString()}::timestamptz`,
              and(sql`${heldStart} = ${after.at.toISOString()}::timestamptz`, gt(bookings.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(heldStart), asc(bookings.id))
    .limit(WORKSHOP_PAGE_SIZE + 1);
  const page = paginate(
    rows.map((row) => ({ ...row, id: row.booking.id })),
    WORKSHOP_PAGE_SIZE,
    (row) => (row.booking.proposedStartAt ?? row.booking.startAt).toISOString(),
  );
  return { items: page.items.map((row) => presentBooking(row)), nextCursor: page.nextCursor };
}

/** What holds a bay at the workshop during the span, leaving out one booking (being moved). */
export async function busySpans(
  db: Database,
  workshopId: string,
  span: TimeSpan,
  exceptBookingId?: string,
): Promise<TimeSpan[]> {
  const rows = await db
    .select({ start: heldStart, end: heldEnd })
    .from(bookings)
    .where(
      and(
        eq(bookings.workshopId, workshopId),
        inArray(bookings.status, [...HOLDING_STATUSES]),
        sql`${heldStart} < ${span.end.toISOString()}::timestamptz`,
        sql`${heldEnd} > ${span.start.toISOString()}::timestamptz`,
        exceptBookingId ? sql`${bookings.id} <> ${exceptBookingId}` : undefined,
      ),
    );
  return rows.map((row) => ({ start: new Date(row.start), end: new Date(row.end) }));
}

/**
 * A query's `from`/`to` as instants: a plain date is that day at the workshop (`to` includes the
 * whole day); an instant is itself. Without `from`, `defaultFrom`; without `to`, `defaultDays`
 * later. A range longer than `maxDays` is refused.
 */
export function resolveRange(
  bounds: { from?: string; to?: string },
  timeZone: string,
  defaults: { from: Date; days: number; maxDays: number },
): TimeSpan {
  const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
  const start = bounds.from
    ? isDate(bounds.from)
      ? instantAt(bounds.from, 0, timeZone)
      : new Date(bounds.from)
    : defaults.from;
  const end = bounds.to
    ? isDate(bounds.to)
      ? instantAt(addDays(bounds.to, 1), 0, timeZone)
      : new Date(bounds.to)
    : new Date(start.getTime() + defaults.days * DAY_MS);
  if (end <= start) {
    throw validationFailed([
      { field: 'to', in: 'querystring', code: 'invalid', message: 'must be after from' },
    ]);
  }
  if (end.getTime() - start.getTime() > defaults.maxDays * DAY_MS) {
    throw validationFailed([
      {
        field: 'to',
        in: 'querystring',
        code: 'too_big',
        message: `at most ${defaults.maxDays} days after from`,
      },
    ]);
  }
  return { start, end };
}
