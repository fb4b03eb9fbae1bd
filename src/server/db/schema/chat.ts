import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { vehicles } from './vehicles.ts';

export const chatRole = pgEnum('chat_role', ['primary', 'secondary', 'workshop']);

/**
 * One conversation per vehicle with its workshop (SPEC §7). The author's name and role are kept
 * as they were when the message was written, so history reads the same after people leave.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    authorRole: chatRole('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('messages_vehicle_newest').on(table.vehicleId, table.createdAt.desc(), table.id.desc()),
    // The chat mailer's round: which conversations had messages in a time range.
    index('messages_created_at').on(table.createdAt),
  ],
);

/** How far each person has read each conversation: unread is what came after, from others. */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readUpTo: timestamp('read_up_to', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.vehicleId, table.userId] })],
);

/**
 * How far each person has been mailed about a conversation: the batched mail for people who did
 * not read new messages covers what came after this, and moves it on.
 */
export const chatMailMarks = pgTable(
  'chat_mail_marks',
  {
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mailedUpTo: timestamp('mailed_up_to', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.vehicleId, table.userId] })],
);
