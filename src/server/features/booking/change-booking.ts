import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { bookingEvents, bookings } from '../../db/schema/index.ts';
import { forbidden, notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { mayAnswerBooking } from '../../policy/rules/booking.ts';
import type { MemberVehicle } from '../vehicle-users/member-vehicle.ts';
import { type AnnounceContext, announceBookingChange } from './announce-booking-change.ts';
import { slotUnavailable } from './create-booking.ts';
import { busySpans } from './queries.ts';
import type { WorkshopBookingChange } from './schemas.ts';
import { loadCalendar } from './settings.ts';
import { peakOccupancy } from './slots.ts';
import { type BookerChange, cancellableUntil, TRANSITIONS, type WorkshopChange } from './transitions.ts';

type BookingRow = typeof bookings.$inferSelect;

interface ChangeInput {
  change: WorkshopChange | BookerChange;
  reason?: string;
  start?: Date;
}

/**
 * Applies one change to a locked booking: checks the state machine and the time rules, writes
 * the booking and its history line, and tells both sides.
 */
async function applyChange(
  tx: Database,
  actor: Actor,
  booking: BookingRow,
  input: ChangeInput,
  capacity: number,
  cutoffHours: number,
  context: AnnounceContext,
): Promise<void> {
  const transition = TRANSITIONS[input.change];
  if (!transition.from.includes(booking.status)) {
    throw new Problem(
      409,
      'booking_status_conflict',
      `A booking that is ${booking.status} cannot be given "${input.change}".`,
      { status: booking.status },
    );
  }
  const held = {
    start: booking.proposedStartAt ?? booking.startAt,
    end: booking.proposedEndAt ?? booking.endAt,
  };
  const now = context.now;
  let update: Partial<BookingRow> = { status: transition.to, proposedStartAt: null, proposedEndAt: null };
  let concerns = held;

  if (input.change === 'decline') {
    update.declineReason = input.reason ?? null;
  } else if (input.change === 'propose') {
    const start = input.start;
    if (!start) throw new Error('a proposal without a start');
    // The workshop may propose any future time (it knows its own day); only the bays are counted.
    const end = new Date(start.getTime() + (booking.endAt.getTime() - booking.startAt.getTime()));
    if (start <= now) throw slotUnavailable('past');
    const busy = await busySpans(tx, booking.workshopId, { start, end }, booking.id);
    if (peakOccupancy(busy, start, end) >= capacity) throw slotUnavailable('full');
    update = { status: 'proposed', proposedStartAt: start, proposedEndAt: end };
    concerns = { start, end };
  } else if (input.change === 'accept') {
    if (held.start <= now) throw slotUnavailable('past');
    update = { ...update, startAt: held.start, endAt: held.end };
  } else if (input.change === 'cancel') {
    const until = cancellableUntil(booking, cutoffHours);
    if (!until || now >= until) {
      throw new Problem(409, 'cancellation_too_late', undefined, { cancellableUntil: until });
    }
  }

  const [changed] = await tx
    .update(bookings)
    .set({ ...update, sequence: booking.sequence + 1, updatedAt: now })
    .where(eq(bookings.id, booking.id))
    .returning();
  if (!changed) throw notFound();
  const reason = input.change === 'decline' ? (input.reason ?? null) : null;
  await tx.insert(bookingEvents).values({
    bookingId: booking.id,
    action: transition.recorded,
    status: transition.to,
    side: transition.side,
    actorUserId: actor.user.id,
    actorName: actor.user.name,
    startAt: concerns.start,
    endAt: concerns.end,
    reason,
    at: now,
  });
  await announceBookingChange(
    tx,
    {
      booking: changed,
      action: transition.recorded,
      side: transition.side,
      actor: { id: actor.user.id, name: actor.user.name },
      start: concerns.start,
      end: concerns.end,
      askedStart: booking.startAt,
      reason,
    },
    context,
  );
}

/**
 * Locks the workshop's booking settings, then the booking: the same order as a new booking takes,
 * so changes and bookings at one workshop take turns and never deadlock.
 */
async function withLockedBooking(
  db: Database,
  workshopId: string,
  where: ReturnType<typeof and>,
  work: (
    tx: Database,
    booking: BookingRow,
    settings: { capacity: number; cutoffHours: number },
  ) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { calendar, settings } = await loadCalendar(tx, workshopId, { lock: true });
    const [booking] = await tx.select().from(bookings).where(where).for('update');
    if (!booking) throw notFound();
    await work(tx, booking, {
      capacity: calendar.capacity,
      cutoffHours: settings?.cancellationCutoffHours ?? 24,
    });
  });
}

/** The workshop confirms, declines with a reason, or proposes another time (SPEC §11). */
export async function answerAsWorkshop(
  db: Database,
  actor: Actor,
  workshopId: string,
  bookingId: string,
  body: WorkshopBookingChange,
  context: AnnounceContext,
): Promise<void> {
  await withLockedBooking(
    db,
    workshopId,
    and(eq(bookings.id, bookingId), eq(bookings.workshopId, workshopId)),
    (tx, booking, settings) =>
      applyChange(
        tx,
        actor,
        booking,
        {
          change: body.action,
          reason: body.action === 'decline' ? body.reason : undefined,
          start: body.action === 'propose' ? body.start : undefined,
        },
        settings.capacity,
        settings.cutoffHours,
        context,
      ),
  );
}

/**
 * The vehicle's side accepts or rejects the workshop's proposal, or cancels: the person who
 * booked, or the primary user; another secondary user gets 403.
 */
export async function answerAsVehicleUser(
  db: Database,
  actor: Actor,
  vehicle: MemberVehicle,
  bookingId: string,
  change: BookerChange,
  context: AnnounceContext,
): Promise<void> {
  const [found] = await db
    .select({ workshopId: bookings.workshopId })
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.vehicleId, vehicle.id)));
  if (!found) throw notFound();
  await withLockedBooking(
    db,
    found.workshopId,
    and(eq(bookings.id, bookingId), eq(bookings.vehicleId, vehicle.id)),
    async (tx, booking, settings) => {
      const mayAnswer = mayAnswerBooking({
        role: vehicle.myRole,
        sharingLevel: vehicle.sharingLevel,
        isBooker: booking.bookerUserId === actor.user.id,
      });
      if (!mayAnswer) throw forbidden('Only the person who booked, or the primary user, can do this.');
      await applyChange(tx, actor, booking, { change }, settings.capacity, settings.cutoffHours, context);
    },
  );
}
