import {
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { vehicles } from './vehicles.ts';

/**
 * A drive, from ignition on to ignition off (SPEC §8), derived from telemetry and rederived when
 * late events change it. Its start time names it: a trip whose start stays keeps its id and its
 * assignees. `endedAt` is null while the ignition is still on.
 */
export const trips = pgTable(
  'trips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    distanceKm: doublePrecision('distance_km').notNull().default(0),
    startLat: doublePrecision('start_lat'),
    startLon: doublePrecision('start_lon'),
    endLat: doublePrecision('end_lat'),
    endLon: doublePrecision('end_lon'),
  },
  (table) => [uniqueIndex('trips_vehicle_start').on(table.vehicleId, table.startedAt.desc())],
);

/** Who a trip is assigned to, and who assigned it (SPEC §6). */
export const tripAssignees = pgTable(
  'trip_assignees',
  {
    tripId: uuid('trip_id')
      .notNull()
      .references(() => trips.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedByUserId: uuid('assigned_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tripId, table.userId] }),
    index('trip_assignees_user').on(table.userId),
  ],
);
