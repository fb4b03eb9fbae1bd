import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { vehicles } from './vehicles.ts';

export const telemetryType = pgEnum('telemetry_type', [
  'position',
  'ignition',
  'odometer',
  'fuel',
  'battery',
  'warning_light',
]);

/**
 * What vehicles' devices report (SPEC §8), one row per event, kept as sent. Typed columns, most
 * of them empty for any one type: cheaper to write in bulk and to read than JSON. A device's
 * event id makes re-sent events no-ops. Status, alarms and trips are read from here.
 */
export const telemetryEvents = pgTable(
  'telemetry_events',
  {
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    type: telemetryType('type').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    speedKmh: real('speed_kmh'),
    heading: real('heading'),
    /** Ignition on, or a warning light on. */
    isOn: boolean('is_on'),
    km: doublePrecision('km'),
    percent: real('percent'),
    /** A warning light's code (`engine`, `oil_pressure`, `brake`, `tpms`, …). */
    code: text('code'),
    description: text('description'),
  },
  (table) => [
    primaryKey({ columns: [table.vehicleId, table.eventId] }),
    index('telemetry_events_vehicle_type_ts').on(table.vehicleId, table.type, table.ts.desc()),
    index('telemetry_events_warning_lights')
      .on(table.vehicleId, table.code, table.ts)
      .where(sql`${table.type} = 'warning_light'`),
  ],
);
