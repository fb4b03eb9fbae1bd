import { and, eq, or, sql } from 'drizzle-orm';
import type { BookingAction, BookingSide } from '../../../shared/booking.ts';
import type { Database } from '../../db/client.ts';
import {
  type bookings,
  notificationPreferences,
  notifications,
  organizations,
  staffMemberships,
  users,
  vehicleMemberships,
  vehicles,
} from '../../db/schema/index.ts';
import { workshopRolesWith } from '../../policy/rules/booking.ts';
import { enqueueMail } from '../mail/outbox.ts';
import type { NotificationData } from '../notifications/notifications.ts';
import { bookingMail, calendarSummary } from './booking-mail.tsx';
import { calendarText } from './ics.ts';
import { formatInZone } from './zoned-time.ts';

type BookingRow = typeof bookings.$inferSelect;

/** The notice kind for every booking change, and the mail preference that turns its mail off. */
export const BOOKING_NOTICE_KIND = 'booking_changed';

export interface BookingChange {
  /** The booking as it is after the change. */
  booking: BookingRow;
  action: BookingAction;
  side: BookingSide;
  actor: { id: string; name: string };
  /** The time the change is about: the proposal's for `proposed`; the time given up for a cancel. */
  start: Date;
  end: Date;
  /** For a proposal: the time that was asked for. */
  askedStart: Date;
  reason: string | null;
}

export interface AnnounceContext {
  now: Date;
  publicUrl: string;
  /** The sender of keyfob's mail, `Name <address>`: the calendar entry's organizer address. */
  mailFrom: string;
}

const addressOf = (mailFrom: string) => /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();

/**
 * Tells of one booking change, in the caller's transaction (SPEC §7): the booker (while still a
 * user of the vehicle) and the vehicle's primary get an in-app notice and, unless they turned
 * booking mail off, a mail with the calendar entry. A change made on the vehicle's side is also
 * shown in the app to the workshop staff who answer bookings.
 */
export async function announceBookingChange(
  tx: Database,
  change: BookingChange,
  context: AnnounceContext,
): Promise<void> {
  const { booking } = change;
  const [about] = await tx
    .select({
      registrationNumber: vehicles.registrationNumber,
      make: vehicles.make,
      model: vehicles.model,
      workshopName: organizations.name,
      workshopAddress: organizations.address,
      timeZone: organizations.timeZone,
    })
    .from(vehicles)
    .innerJoin(organizations, eq(organizations.id, booking.workshopId))
    .where(eq(vehicles.id, booking.vehicleId));
  if (!about) throw new Error(`booking ${booking.id} of a missing vehicle`);

  const recipients = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      language: users.language,
      wantsEmail: notificationPreferences.email,
    })
    .from(vehicleMemberships)
    .innerJoin(users, eq(users.id, vehicleMemberships.userId))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.userId, users.id),
        eq(notificationPreferences.kind, BOOKING_NOTICE_KIND),
      ),
    )
    .where(
      and(
        eq(vehicleMemberships.vehicleId, booking.vehicleId),
        eq(users.status, 'active'),
        booking.bookerUserId
          ? or(eq(vehicleMemberships.role, 'primary'), eq(vehicleMemberships.userId, booking.bookerUserId))
          : eq(vehicleMemberships.role, 'primary'),
      ),
    );

  const data: NotificationData['booking_changed'] = {
    bookingId: booking.id,
    action: change.action,
    status: booking.status,
    start: formatInZone(change.start, about.timeZone),
    end: formatInZone(change.end, about.timeZone),
    reason: change.reason,
    workshop: { id: booking.workshopId, name: about.workshopName },
    changedBy: { ...change.actor, side: change.side },
  };
  const staff =
    change.side === 'vehicle_user'
      ? await tx
          .selectDistinct({ id: users.id })
          .from(staffMemberships)
          .innerJoin(users, eq(users.id, staffMemberships.userId))
          .where(
            and(
              eq(staffMemberships.organizationId, booking.workshopId),
              eq(users.status, 'active'),
              sql`${staffMemberships.roles} && array[${sql.join(
                workshopRolesWith('booking.manage').map((role) => sql`${role}`),
                sql`, `,
              )}]::staff_role[]`,
            ),
          )
      : [];
  // Someone who is both staff and a user of the car gets one notice.
  const told = new Set(recipients.map((recipient) => recipient.id));
  const noticeTo = [...recipients.map((r) => r.id), ...staff.map((s) => s.id).filter((id) => !told.has(id))];
  if (noticeTo.length > 0) {
    await tx.insert(notifications).values(
      noticeTo.map((userId) => ({
        userId,
        kind: BOOKING_NOTICE_KIND,
        vehicleId: booking.vehicleId,
        data,
        createdAt: context.now,
      })),
    );
  }

  const isCancel = booking.status === 'declined' || booking.status === 'cancelled';
  const car = `${about.registrationNumber} (${about.make} ${about.model})`;
  const host = new URL(context.publicUrl).hostname;
  for (const recipient of recipients) {
    if (recipient.wantsEmail === false) continue;
    const calendar = calendarText({
      uid: `booking-${booking.id}@${host}`,
      sequence: booking.sequence,
      method: isCancel ? 'CANCEL' : 'REQUEST',
      status: isCancel ? 'CANCELLED' : booking.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
      start: change.start,
      end: change.end,
      stamp: context.now,
      summary: calendarSummary(recipient.language, about.workshopName, car),
      description: [booking.serviceTypes.map((type) => type.name).join(', '), booking.note ?? '']
        .filter(Boolean)
        .join('\n'),
      location: about.workshopAddress
        ? `${about.workshopName}, ${about.workshopAddress}`
        : about.workshopName,
      url: `${context.publicUrl}/app/vehicles/${booking.vehicleId}/bookings/${booking.id}`,
      organizer: { name: about.workshopName, email: addressOf(context.mailFrom) },
      attendee: { name: recipient.name, email: recipient.email },
    });
    await enqueueMail(
      tx,
      bookingMail({
        to: recipient.email,
        language: recipient.language,
        action: change.action,
        car,
        workshopName: about.workshopName,
        changedByName: change.actor.name,
        timeZone: about.timeZone,
        start: change.start,
        askedStart: change.askedStart,
        reason: change.reason,
        link: `${context.publicUrl}/app/vehicles/${booking.vehicleId}/bookings/${booking.id}`,
        calendar: { text: calendar, isCancel },
      }),
      context.now,
    );
  }
}
