import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { users } from './identity.ts';

/**
 * A charging back end's key: the key is shown once, only the SHA-256 of its secret is kept. The
 * row is the back end: its sessions' ids are unique per row, so a rotated key keeps them.
 */
export const chargingKeys = pgTable('charging_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * A charging session as a back end reported it (SPEC §9), refused before it gets here when it
 * cannot be true. `externalId` is the back end's own id: a re-sent session is recognised by it.
 */
export const chargingSessions = pgTable(
  'charging_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chargingKeyId: uuid('charging_key_id')
      .notNull()
      .references(() => chargingKeys.id, { onDelete: 'restrict' }),
    externalId: text('external_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    chargerId: text('charger_id').notNull(),
    isPrivate: boolean('is_private').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    energyWh: integer('energy_wh').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('charging_sessions_key_external').on(table.chargingKeyId, table.externalId),
    index('charging_sessions_account_ended').on(table.accountId, table.endedAt),
    index('charging_sessions_user_ended').on(table.userId, table.endedAt),
    // Closing a month looks for private sessions that ended before its end.
    index('charging_sessions_private_ended').on(table.endedAt).where(sql`${table.isPrivate}`),
    check('charging_sessions_times', sql`${table.endedAt} >= ${table.startedAt}`),
    check('charging_sessions_energy', sql`${table.energyWh} between 0 and 1000000`),
  ],
);

/**
 * Reimbursement rates with their history: a sub-account's (`userId` null) or an end-user's in an
 * account. The rate in force at an instant is the row with the latest `effectiveFrom` at or
 * before it (the latest `seq` among equals); a null rate means "not reimbursed from then on".
 * Rows are only ever added.
 */
export const reimbursementRates = pgTable(
  'reimbursement_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    rateEur: numeric('rate_eur', { precision: 12, scale: 4 }),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    setByUserId: uuid('set_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('reimbursement_rates_subject').on(table.accountId, table.userId, table.effectiveFrom)],
);

/** A closed month (`YYYY-MM`): its statements exist. The row is what makes closing happen once. */
export const statementMonths = pgTable(
  'statement_months',
  {
    month: text('month').primaryKey(),
    timeZone: text('time_zone').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    /** Null when the monthly job closed it. */
    closedByUserId: uuid('closed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [check('statement_months_month', sql`${table.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

export const statementStatus = pgEnum('statement_status', ['approved', 'awaiting_approval', 'rejected']);

/**
 * One month's reimbursement of one party: a sub-account (`userId` null) or an end-user in an
 * account. Amounts are exact decimals; `amountEur` is `amountExactEur` rounded to cents once.
 * Nothing but the decision (approve or reject) ever changes a statement.
 */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: text('month')
      .notNull()
      .references(() => statementMonths.month, { onDelete: 'restrict' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    status: statementStatus('status').notNull(),
    energyWh: bigint('energy_wh', { mode: 'number' }).notNull(),
    amountExactEur: numeric('amount_exact_eur', { precision: 20, scale: 7 }).notNull(),
    amountEur: numeric('amount_eur', { precision: 14, scale: 2 }).notNull(),
    sessionCount: integer('session_count').notNull(),
    correctionCount: integer('correction_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    rejectionReason: text('rejection_reason'),
  },
  (table) => [
    // One statement per party and month, whoever closes it and however often.
    uniqueIndex('statements_account_month')
      .on(table.accountId, table.month)
      .where(sql`${table.userId} is null`),
    uniqueIndex('statements_account_user_month')
      .on(table.accountId, table.userId, table.month)
      .where(sql`${table.userId} is not null`),
    index('statements_month_status').on(table.month, table.status),
    index('statements_user').on(table.userId),
    check(
      'statements_rejection_reason',
      sql`(${table.status} = 'rejected') = (${table.rejectionReason} is not null)`,
    ),
  ],
);

export const statementLineKind = pgEnum('statement_line_kind', ['session', 'correction']);

/**
 * The sessions behind a statement, with the rate in force when each ended and its exact amount.
 * A `correction` is a session of an earlier month that arrived after that month was closed.
 * A session is on one statement at most: the unique index makes paying it twice impossible.
 */
export const statementLines = pgTable(
  'statement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => chargingSessions.id, { onDelete: 'restrict' }),
    kind: statementLineKind('kind').notNull(),
    /** The month the session ended in (differs from the statement's for a correction). */
    sessionMonth: text('session_month').notNull(),
    energyWh: integer('energy_wh').notNull(),
    rateEur: numeric('rate_eur', { precision: 12, scale: 4 }).notNull(),
    amountEur: numeric('amount_eur', { precision: 20, scale: 7 }).notNull(),
  },
  (table) => [
    uniqueIndex('statement_lines_session').on(table.sessionId),
    index('statement_lines_statement').on(table.statementId),
  ],
);
