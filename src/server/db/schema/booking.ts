import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BOOKING_ACTIONS, BOOKING_SIDES, BOOKING_STATUSES } from '../../../shared/booking.ts';
import { users } from './identity.ts';
import { organizations } from './organizations.ts';
import { vehicles } from './vehicles.ts';

export const bookingStatus = pgEnum('booking_status', BOOKING_STATUSES);
export const bookingAction = pgEnum('booking_action', BOOKING_ACTIONS);
export const bookingSide = pgEnum('booking_side', BOOKING_SIDES);

/** One opening interval of a weekday, in the workshop's wall-clock time. */
export interface OpeningInterval {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  /** `HH:MM`, 00:00 to 23:59. */
  opens: string;
  /** `HH:MM` after `opens`, up to 24:00. */
  closes: string;
}

/** A service type as it was when booked: later renames do not rewrite old bookings. */
export interface BookedServiceType {
  id: string;
  name: string;
  durationMinutes: number;
}

/**
 * How a workshop takes bookings. No row: no opening hours, so no free slots. The time zone is
 * the workshop's own (`organizations.time_zone`).
 */
export const workshopBookingSettings = pgTable(
  'workshop_booking_settings',
  {
    workshopId: uuid('workshop_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    openingHours: jsonb('opening_hours').$type<OpeningInterval[]>().notNull().default([]),
    slotMinutes: integer('slot_minutes').notNull().default(60),
    /** Parallel bays: how many bookings may overlap at any moment. */
    capacity: integer('capacity').notNull().default(1),
    /** A confirmed booking can be cancelled by its booker until this many hours before it starts. */
    cancellationCutoffHours: integer('cancellation_cutoff_hours').notNull().default(24),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('workshop_booking_settings_slot_minutes', sql`${table.slotMinutes} between 5 and 480`),
    check('workshop_booking_settings_capacity', sql`${table.capacity} between 1 and 100`),
    check('workshop_booking_settings_cutoff', sql`${table.cancellationCutoffHours} between 0 and 336`),
  ],
);

/** Whole days a workshop is closed, in its own calendar. */
export const bookingClosedDates = pgTable(
  'booking_closed_dates',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (table) => [primaryKey({ columns: [table.workshopId, table.date] })],
);

/** A workshop's catalogue of services a driver can book. */
export const serviceTypes = pgTable(
  'service_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Inactive types stay in the catalogue (and in old bookings) but cannot be booked. */
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('service_types_workshop_name').on(table.workshopId, sql`lower(${table.name})`),
    check('service_types_duration', sql`${table.durationMinutes} between 5 and 1440`),
  ],
);

/**
 * A service appointment. `start_at`/`end_at` is the time asked for or agreed; while `proposed`,
 * the workshop's other time is in `proposed_*` and that time, not the first, holds a bay.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    bookerUserId: uuid('booker_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The booker's name as it was, kept when their account is gone. */
    bookerName: text('booker_name').notNull(),
    status: bookingStatus('status').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    proposedStartAt: timestamp('proposed_start_at', { withTimezone: true }),
    proposedEndAt: timestamp('proposed_end_at', { withTimezone: true }),
    serviceTypes: jsonb('service_types').$type<BookedServiceType[]>().notNull().default([]),
    note: text('note'),
    mileageKm: integer('mileage_km'),
    declineReason: text('decline_reason'),
    /** Counts changes, for the calendar attachment's SEQUENCE (RFC 5545). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('bookings_workshop_start').on(table.workshopId, table.startAt),
    index('bookings_vehicle_start').on(table.vehicleId, table.startAt.desc(), table.id.desc()),
    check('bookings_end_after_start', sql`${table.endAt} > ${table.startAt}`),
    // A proposal exists exactly while the booking is `proposed`.
    check(
      'bookings_proposal_while_proposed',
      sql`(${table.status} = 'proposed') = (${table.proposedStartAt} is not null and ${table.proposedEndAt} is not null)`,
    ),
  ],
);

/** A booking's history: every change, who made it, and the time it concerned. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of the history: times can tie, this cannot. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    action: bookingAction('action').notNull(),
    status: bookingStatus('status').notNull(),
    side: bookingSide('side').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('booking_events_booking').on(table.bookingId, table.seq)],
);
