import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';

export const accountType = pgEnum('account_type', ['business', 'consumer']);
export const accountUsage = pgEnum('account_usage', ['employee', 'subsidiary']);
export const accountRole = pgEnum('account_role', ['account_owner', 'driver']);

/**
 * A customer account, or a sub-account of one (`parentAccountId`, with a `usage`). Names may be
 * empty until the first owner activates: then they come from the owner's or company's name.
 * Money is `numeric`, never a float.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    type: accountType('type').notNull(),
    parentAccountId: uuid('parent_account_id').references((): AnyPgColumn => accounts.id, {
      onDelete: 'cascade',
    }),
    usage: accountUsage('usage'),
    /** EUR per kWh for the sub-account's private charging sessions. */
    reimbursementRateEur: numeric('reimbursement_rate_eur', { precision: 12, scale: 4 }),
    companyName: text('company_name'),
    companyRegistrationNumber: text('company_registration_number'),
    companyAddress: text('company_address'),
    companyCountry: text('company_country'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // Typeahead on the account name: an indexed prefix match on the lower-cased name.
    index('accounts_name_prefix').using('btree', sql`lower(${table.name}) text_pattern_ops`),
    index('accounts_parent').on(table.parentAccountId),
  ],
);

/** A person's role in an account, with the reimbursement rate agreed with them (EUR per kWh). */
export const accountMemberships = pgTable(
  'account_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: accountRole('role').notNull(),
    reimbursementRateEur: numeric('reimbursement_rate_eur', { precision: 12, scale: 4 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('account_memberships_account_user').on(table.accountId, table.userId),
    index('account_memberships_user').on(table.userId),
  ],
);
