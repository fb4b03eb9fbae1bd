import { and, count, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { conversationReads, messages } from '../../db/schema/index.ts';
import { decodeTimeCursor, paginate } from '../../lib/search.ts';
import type { Actor } from '../../policy/actor.ts';
import type { Conversation } from './conversation.ts';

export const MAX_MESSAGE_LENGTH = 2000;
const PAGE_SIZE = 30;

export type MessageRow = typeof messages.$inferSelect;

/** A message as every participant sees it: its author's name and role as they were. */
export function presentMessage(message: MessageRow) {
  return {
    id: message.id,
    vehicleId: message.vehicleId,
    body: message.body,
    author: { id: message.authorUserId, name: message.authorName },
    authorRole: message.authorRole,
    createdAt: message.createdAt,
  };
}

export type MessageView = ReturnType<typeof presentMessage>;

/** Writes a message; `deliver` hears of it as soon as it is committed, before the rest is done. */
export async function postMessage(
  db: Database,
  actor: Actor,
  conversation: Conversation,
  body: string,
  now: Date,
  deliver: (message: MessageView) => void,
): Promise<MessageView> {
  const [message] = await db
    .insert(messages)
    .values({
      vehicleId: conversation.vehicleId,
      authorUserId: actor.user.id,
      authorName: actor.user.name,
      authorRole: conversation.myRole,
      body,
      createdAt: now,
    })
    .returning();
  if (!message) throw new Error('insert returned no message');
  const view = presentMessage(message);
  deliver(view);
  // Writing is reading: one's own message never counts as unread.
  await markConversationRead(db, actor.user.id, conversation.vehicleId, now);
  return view;
}

export async function markConversationRead(db: Database, userId: string, vehicleId: string, upTo: Date) {
  await db
    .insert(conversationReads)
    .values({ vehicleId, userId, readUpTo: upTo })
    .onConflictDoUpdate({
      target: [conversationReads.vehicleId, conversationReads.userId],
      set: { readUpTo: sql`greatest(${conversationReads.readUpTo}, excluded.read_up_to)` },
    });
}

/** Messages from others after what this person has read. */
export async function unreadCount(db: Database, userId: string, vehicleId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(messages)
    .leftJoin(
      conversationReads,
      and(eq(conversationReads.vehicleId, messages.vehicleId), eq(conversationReads.userId, userId)),
    )
    .where(
      and(
        eq(messages.vehicleId, vehicleId),
        or(ne(messages.authorUserId, userId), sql`${messages.authorUserId} is null`),
        or(sql`${conversationReads.readUpTo} is null`, gt(messages.createdAt, conversationReads.readUpTo)),
      ),
    );
  return row?.count ?? 0;
}

/** The newest page, then older ones with `cursor` (history pages backwards); newest first. */
export async function listMessages(db: Database, actor: Actor, conversation: Conversation, cursor?: string) {
  const before = decodeTimeCursor(cursor);
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.vehicleId, conversation.vehicleId),
        before
          ? or(
              lt(messages.createdAt, before.at),
              and(eq(messages.createdAt, before.at), lt(messages.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(PAGE_SIZE + 1);
  const page = paginate(rows, PAGE_SIZE, (row) => row.createdAt.toISOString());
  return {
    items: page.items.map(presentMessage),
    nextCursor: page.nextCursor,
    myRole: conversation.myRole,
    unreadCount: await unreadCount(db, actor.user.id, conversation.vehicleId),
  };
}
