import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { organizations } from './organizations.ts';
import { vehicles } from './vehicles.ts';

/**
 * In-app notices to one person: a change of sharing level now; warning lights, maintenance and
 * booking changes later (SPEC §7). `data` holds what the notice says, as it was when it was made.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. `sharing_level_changed`; the API's schema lists the kinds there are. */
    kind: text('kind').notNull(),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('notifications_user_newest').on(table.userId, table.createdAt.desc(), table.id.desc())],
);

/**
 * Which mails a person wants, per kind (SPEC §7: "users set which emails they get"). No row means
 * the default: the mail is sent. In-app notices are always kept.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A notice kind, or `chat_messages` for the batched chat mail. */
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);

/**
 * One row per warning light episode that has been announced: the light of `code` came on after
 * its last "off" at `afterOff` (`-infinity` when it was never off). Late or re-sent events of the
 * same episode find the row and announce nothing again.
 */
export const warningLightAlerts = pgTable(
  'warning_light_alerts',
  {
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    afterOff: timestamp('after_off', { withTimezone: true }).notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.vehicleId, table.code, table.afterOff] })],
);

/** A workshop's notice to a vehicle's users that service is due by a date and/or a mileage. */
export const maintenanceNotices = pgTable(
  'maintenance_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    dueDate: date('due_date', { mode: 'string' }),
    dueMileageKm: integer('due_mileage_km'),
    note: text('note'),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    sentByName: text('sent_by_name').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('maintenance_notices_vehicle_newest').on(table.vehicleId, table.sentAt.desc())],
);
