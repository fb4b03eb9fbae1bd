import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
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
