import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

/** The user with this (normalized) email, if any. */
export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

/** The public shape of a user in API answers: never the hash, never the status internals. */
export function presentUser(user: { id: string; email: string; name: string; language: 'en' | 'da' }) {
  return { id: user.id, email: user.email, name: user.name, language: user.language };
}
