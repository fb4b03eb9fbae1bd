import { sql } from 'drizzle-orm';
import { pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organizationKind = pgEnum('organization_kind', ['operator', 'workshop']);

/** The operator (exactly one, made at bootstrap) and the workshops it creates. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: organizationKind('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    phone: text('phone'),
    /** IANA zone for opening hours and bookings, e.g. Europe/Copenhagen. */
    timeZone: text('time_zone').notNull().default('Europe/Copenhagen'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // There is exactly one operator organisation; the database, not the code, keeps it so.
    uniqueIndex('organizations_single_operator').on(table.kind).where(sql`${table.kind} = 'operator'`),
  ],
);
