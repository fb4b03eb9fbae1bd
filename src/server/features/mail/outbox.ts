import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type MailAttachment, mailOutbox } from '../../db/schema/index.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  topic: string;
  /** Files sent with the mail, e.g. a booking's `.ics` calendar entry. */
  attachments?: MailAttachment[] | null;
}

/** What actually sends a mail: SMTP, or nothing at all for the dev mailbox. */
export interface MailTransport {
  kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
}

export const MAX_SEND_ATTEMPTS = 8;

/** Writes a mail into the outbox, inside the caller's transaction: it goes out only if that commits. */
export async function enqueueMail(db: Database, mail: OutgoingMail, now: Date): Promise<void> {
  await db.insert(mailOutbox).values({ ...mail, createdAt: now, nextAttemptAt: now });
}

/** 30 s, 1 min, 2 min, … capped at an hour: a broken mail server is not hammered. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

// While a mail is being sent its row is leased: no other round or instance takes it until then.
const SEND_LEASE_MS = 5 * 60 * 1000;

/**
 * Sends every due mail once. A row is claimed by a short conditional update (`FOR UPDATE SKIP
 * LOCKED` picks it), then sent outside any transaction, then marked: several instances share the
 * work, and a process that dies mid-send leaves the mail to be tried again when the lease ends.
 */
export async function deliverDueMail(
  db: Database,
  transport: MailTransport,
  now: Date,
  batch = 20,
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const due = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    const [mail] = await db
      .update(mailOutbox)
      .set({
        nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS),
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(inArray(mailOutbox.id, due))
      .returning();
    if (!mail) break;
    try {
      await transport.send(mail);
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: now, lastError: null })
        .where(eq(mailOutbox.id, mail.id));
      sent++;
    } catch (error) {
      const isFinal = mail.attempts >= MAX_SEND_ATTEMPTS;
      await db
        .update(mailOutbox)
        .set({
          status: isFinal ? 'failed' : 'pending',
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)),
        })
        .where(eq(mailOutbox.id, mail.id));
    }
  }
  return sent;
}

/** Counts by status, for operators watching delivery. */
export async function outboxCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: mailOutbox.status, count: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}
