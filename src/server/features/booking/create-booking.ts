import type { Database } from '../../db/client.ts';
import { bookingEvents, bookings } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { MemberVehicle } from '../vehicle-users/member-vehicle.ts';
import { type AnnounceContext, announceBookingChange } from './announce-booking-change.ts';
import { busySpans } from './queries.ts';
import type { CreateBookingBody } from './schemas.ts';
import { bookableServiceTypes, loadCalendar } from './settings.ts';
import { bookingMinutes, whyNotFree } from './slots.ts';

const MINUTE_MS = 60_000;

const WHY_NOT_FREE = {
  past: 'This time has passed.',
  not_a_slot: "This is not one of the workshop's slots.",
  full: 'Every bay is taken at this time.',
};

/** 409 `slot_unavailable`, saying why: the client shows the free slots again. */
export function slotUnavailable(why: keyof typeof WHY_NOT_FREE | 'no_hours'): Problem {
  const detail = why === 'no_hours' ? 'The workshop takes no bookings yet.' : WHY_NOT_FREE[why];
  return new Problem(409, 'slot_unavailable', detail, { reason: why });
}

/**
 * Books a service appointment for the vehicle at one of its workshop's free slots (SPEC §7). The
 * workshop's settings row is locked for the transaction, so bookings at one workshop take turns:
 * counting the bays in use and taking one is a single step, however many arrive at once.
 */
export async function createBooking(
  db: Database,
  actor: Actor,
  vehicle: MemberVehicle,
  body: CreateBookingBody,
  context: AnnounceContext,
): Promise<{ id: string; status: 'requested' }> {
  return db.transaction(async (tx) => {
    const { calendar, settings } = await loadCalendar(tx, vehicle.workshopId, { lock: true });
    const types = await bookableServiceTypes(tx, vehicle.workshopId, body.serviceTypes ?? []);
    if (!settings) throw slotUnavailable('no_hours');
    const minutes = bookingMinutes(
      types.map((type) => type.durationMinutes),
      calendar.slotMinutes,
    );
    const start = body.start;
    const end = new Date(start.getTime() + minutes * MINUTE_MS);
    const busy = await busySpans(tx, vehicle.workshopId, { start, end });
    const why = whyNotFree(calendar, start, { notBefore: context.now, durationMinutes: minutes, busy });
    if (why) throw slotUnavailable(why);

    const [booking] = await tx
      .insert(bookings)
      .values({
        workshopId: vehicle.workshopId,
        vehicleId: vehicle.id,
        bookerUserId: actor.user.id,
        bookerName: actor.user.name,
        status: 'requested',
        startAt: start,
        endAt: end,
        serviceTypes: types,
        note: body.note || null,
        mileageKm: body.mileageKm ?? null,
        createdAt: context.now,
        updatedAt: context.now,
      })
      .returning();
    if (!booking) throw new Error('insert returned no booking');
    await tx.insert(bookingEvents).values({
      bookingId: booking.id,
      action: 'requested',
      status: 'requested',
      side: 'vehicle_user',
      actorUserId: actor.user.id,
      actorName: actor.user.name,
      startAt: start,
      endAt: end,
      at: context.now,
    });
    await announceBookingChange(
      tx,
      {
        booking,
        action: 'requested',
        side: 'vehicle_user',
        actor: { id: actor.user.id, name: actor.user.name },
        start,
        end,
        askedStart: start,
        reason: null,
      },
      context,
    );
    return { id: booking.id, status: 'requested' as const };
  });
}
