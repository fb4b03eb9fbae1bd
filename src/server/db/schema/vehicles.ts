import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { users } from './identity.ts';
import { organizations } from './organizations.ts';

export const fuelType = pgEnum('fuel_type', [
  'petrol',
  'diesel',
  'electric',
  'hybrid',
  'plug_in_hybrid',
  'other',
]);
export const sharingLevel = pgEnum('sharing_level', ['shared', 'limited']);
export const vehicleRole = pgEnum('vehicle_role', ['primary', 'secondary']);

/** A car, serviced by one workshop, perhaps a fleet car of a customer account. */
export const vehicles = pgTable(
  'vehicles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => organizations.id),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    vin: text('vin').notNull(),
    registrationNumber: text('registration_number').notNull(),
    make: text('make').notNull(),
    model: text('model').notNull(),
    year: integer('year'),
    fuelType: fuelType('fuel_type'),
    /** Chosen by the primary for every user of the car (SPEC §6); `shared` until chosen. */
    sharingLevel: sharingLevel('sharing_level').notNull().default('shared'),
    sharingChosenAt: timestamp('sharing_chosen_at', { withTimezone: true }),
    /** SHA-256 of the device's ingest token; rotating replaces it. */
    deviceTokenHash: text('device_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('vehicles_vin').on(table.vin),
    uniqueIndex('vehicles_device_token_hash').on(table.deviceTokenHash),
    index('vehicles_workshop').on(table.workshopId),
    index('vehicles_registration_prefix').using(
      'btree',
      sql`lower(${table.registrationNumber}) text_pattern_ops`,
    ),
    index('vehicles_vin_prefix').using('btree', sql`${table.vin} text_pattern_ops`),
  ],
);

/** The vehicle's users: one primary (the legal owner) and up to five secondary users. */
export const vehicleMemberships = pgTable(
  'vehicle_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: vehicleRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('vehicle_memberships_vehicle_user').on(table.vehicleId, table.userId),
    // One primary per vehicle, kept by the database.
    uniqueIndex('vehicle_memberships_one_primary').on(table.vehicleId).where(sql`${table.role} = 'primary'`),
    index('vehicle_memberships_user').on(table.userId),
  ],
);
