import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INVITATION_KINDS } from '../../../shared/roles.ts';
import { language, users } from './identity.ts';
import { organizations } from './organizations.ts';

export const invitationKind = pgEnum('invitation_kind', INVITATION_KINDS);
export const invitationStatus = pgEnum('invitation_status', ['pending', 'accepted', 'revoked']);
export const linkPurpose = pgEnum('link_purpose', ['invitation', 'password_reset']);

/**
 * An invitation of one email address to one thing; `grant` says what accepting it gives, in the
 * shape its kind defines. "Expired" is not stored: it is a pending invitation whose current
 * link has run out.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: invitationKind('kind').notNull(),
    email: text('email').notNull(),
    status: invitationStatus('status').notNull().default('pending'),
    /** What the invitation is to, e.g. `organization:<id>` or `vehicle:<id>`: one pending per email and scope. */
    scope: text('scope').notNull(),
    grant: jsonb('grant').notNull(),
    /** The organisation whose staff manage this invitation (the operator, or a workshop). */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The inviter's language at the time: the mails are written in it. */
    language: language('language').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedById: uuid('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('invitations_one_pending_per_scope')
      .on(table.scope, table.email)
      .where(sql`${table.status} = 'pending'`),
    // A vehicle has one primary user: one pending invitation for it, whatever the email.
    uniqueIndex('invitations_one_pending_primary')
      .on(table.scope)
      .where(sql`${table.status} = 'pending' and ${table.kind} = 'vehicle_primary'`),
    index('invitations_email').on(table.email),
    index('invitations_organization').on(table.organizationId),
  ],
);

/**
 * Links sent by email (activation and password reset): 256 random bits of which only the
 * SHA-256 is kept, valid until `expiresAt`, used at most once, and dead once a newer link for
 * the same thing is sent (`supersededAt`).
 */
export const emailLinks = pgTable(
  'email_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: linkPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('email_links_token_hash').on(table.tokenHash),
    index('email_links_invitation').on(table.invitationId),
    index('email_links_user').on(table.userId),
  ],
);
