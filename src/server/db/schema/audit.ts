import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what to whom, and when. Rows are only ever added. Ids are kept without foreign keys so
 * that the record outlives what it speaks of.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** e.g. `invitation.created`, `invitation.accepted`, `auth.login_failed`, `staff.roles_changed`. */
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** The email the actor used, for failed logins where no user is known. */
    actorEmail: text('actor_email'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    organizationId: uuid('organization_id'),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
  },
  (table) => [
    index('audit_events_at').on(table.at),
    index('audit_events_subject').on(table.subjectType, table.subjectId),
  ],
);
