import { and, eq, isNull } from 'drizzle-orm';
import type { ChangeFeed } from '../../db/change-feed.ts';
import type { Database } from '../../db/client.ts';
import { organizations, sessions, staffMemberships, users } from '../../db/schema/index.ts';
import { LiveCache } from '../../lib/live-cache.ts';
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

/** A session as read from the database, with the person and their staff memberships. */
interface KnownSession {
  actor: Actor;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
}

/** Sessions by token hash, dropped when the user, their sessions or their staff roles change. */
export type SessionCache = LiveCache<string, KnownSession>;

export function createSessionCache(feed: ChangeFeed, max = 50_000): SessionCache {
  return new LiveCache(feed, {
    max,
    tagOf: (known) => known.actor.user.id,
    dropTagOn: ['sessions', 'users', 'staff_memberships'],
    // Organisation names ride along in every actor; renames are rare enough to start afresh.
    clearOn: ['organizations'],
  });
}

async function readSession(db: Database, tokenHash: string): Promise<KnownSession | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  if (row?.user.status !== 'active') return undefined;
  const { session, user } = row;
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
    actor: {
      user: { id: user.id, email: user.email, name: user.name, language: user.language },
      sessionId: session.id,
      staff,
    },
    lastSeenAt: session.lastSeenAt,
    idleExpiresAt: session.idleExpiresAt,
    expiresAt: session.expiresAt,
  };
}

/**
 * The signed-in person behind a session token, or null when it is unknown, ended or expired.
 * With a cache, a known session costs no database round trip until something about it changes.
 */
export async function resolveSession(
  db: Database,
  token: string,
  now: Date,
  cache?: SessionCache,
): Promise<Actor | null> {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  let known = cache
    ? await cache.get(tokenHash, () => readSession(db, tokenHash))
    : await readSession(db, tokenHash);
  // Touches are not announced (migration 0011): another instance may have slid the idle expiry
  // since this one cached it, so ask the database before turning the session away.
  if (cache && known && known.idleExpiresAt <= now && known.expiresAt > now) {
    known = await readSession(db, tokenHash);
    if (known) cache.update(tokenHash, known);
  }
  if (!known || known.expiresAt <= now || known.idleExpiresAt <= now) return null;

  if (now.getTime() - known.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const idleExpiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, known.expiresAt.getTime()));
    await db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt })
      .where(eq(sessions.id, known.actor.sessionId));
    cache?.update(tokenHash, { ...known, lastSeenAt: now, idleExpiresAt });
  }
  return known.actor;
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
