import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizations, sessions, staffMemberships, users } from '../../db/schema/index.ts';
import { hashToken, isWellFormedToken, newToken } from '../../lib/tokens.ts';
import type { Actor } from '../../policy/actor.ts';

export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
// Sliding the idle expiry costs a write; doing it at most this often keeps reads read-only.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Starts a session and returns its token: the only time the token exists outside the client. */
export async function createSession(db: Database, userId: string, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await db.insert(sessions).values({
    userId,
    tokenHash: hash,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return token;
}

/** The signed-in person behind a session token, or null when it is unknown, ended or expired. */
export async function resolveSession(db: Database, token: string, now: Date): Promise<Actor | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .limit(1);
  if (row?.user.status !== 'active') return null;
  const { session, user } = row;
  if (session.expiresAt <= now || session.idleExpiresAt <= now) return null;

  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const idleExpiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.expiresAt.getTime()));
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, session.id));
  }
  const staff = await db
    .select({
      organizationId: staffMemberships.organizationId,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
      roles: staffMemberships.roles,
    })
    .from(staffMemberships)
    .innerJoin(organizations, eq(organizations.id, staffMemberships.organizationId))
    .where(eq(staffMemberships.userId, user.id));
  return {
    user: { id: user.id, email: user.email, name: user.name, language: user.language },
    sessionId: session.id,
    staff,
  };
}

export async function revokeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user: on deactivation and password reset. */
export async function revokeUserSessions(db: Database, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
