import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const mailStatus = pgEnum('mail_status', ['pending', 'sent', 'failed']);

/** A file sent with a mail, e.g. a booking's calendar entry (`text/calendar`). Text content only. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The transactional outbox: a mail is written in the same transaction as what it announces and
 * sent after commit, retried with backoff until it goes or gives up. Without SMTP the sent rows
 * are the dev mailbox shown at /dev/mail.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of queueing: timestamps can tie, this cannot. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    /** What the mail is about, e.g. `invitation:system_user` or `password_reset`. */
    topic: text('topic').notNull(),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('mail_outbox_due').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index('mail_outbox_to').on(table.to),
  ],
);
