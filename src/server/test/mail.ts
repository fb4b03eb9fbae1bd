import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailOutbox } from '../db/schema/index.ts';

/** The newest mail queued for an address. */
export async function lastMailTo(db: Database, to: string) {
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, to))
    .orderBy(desc(mailOutbox.seq))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

/** The token of the first keyfob link of a kind (`activate`, `reset-password`) in a mail's text. */
export function linkToken(text: string, kind: 'activate' | 'reset-password'): string {
  const match = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(text);
  if (!match?.[1]) throw new Error(`no /${kind}/ link in mail`);
  return match[1];
}

/** Every mail queued for an address, oldest first. */
export function mailsTo(db: Database, to: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(mailOutbox.seq);
}
