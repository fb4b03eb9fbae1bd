import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LANGUAGES, STAFF_ROLES } from '../../../shared/roles.ts';
import { organizations } from './organizations.ts';

export const language = pgEnum('language', LANGUAGES);
export const userStatus = pgEnum('user_status', ['active', 'deactivated']);
export const staffRole = pgEnum('staff_role', STAFF_ROLES);

/** One person, one email address, whatever roles they hold. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Trimmed and lower-cased before it is stored, so equality is case-insensitive. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    language: language('language').notNull().default('en'),
    status: userStatus('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email').on(table.email),
    // Search by name prefix; the unique index on email serves email prefixes (text_pattern_ops below).
    index('users_name_prefix').using('btree', sql`lower(${table.name}) text_pattern_ops`),
    index('users_email_prefix').using('btree', sql`${table.email} text_pattern_ops`),
  ],
);

/** A system user's membership of the operator or a workshop, with one or more roles. */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    roles: staffRole('roles').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('staff_memberships_user_organization').on(table.userId, table.organizationId),
    index('staff_memberships_organization').on(table.organizationId),
  ],
);

/**
 * Sign-in sessions. Only the SHA-256 of the token is kept: a leaked table signs no one in.
 * A session ends at `idleExpiresAt` (pushed forward on use) or `expiresAt`, whichever is first.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('sessions_token_hash').on(table.tokenHash),
    index('sessions_user_active').on(table.userId).where(sql`${table.revokedAt} is null`),
  ],
);
