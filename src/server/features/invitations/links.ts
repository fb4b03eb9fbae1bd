import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { emailLinks } from '../../db/schema/index.ts';
import { newToken } from '../../lib/tokens.ts';

/** Activation and reset links are valid this long (SPEC §3). */
export const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type LinkOwner = { invitationId: string; userId?: never } | { userId: string; invitationId?: never };

/**
 * Issues a new link for an invitation or a user's password reset, killing every older live link
 * of the same owner and purpose at once. Returns the token (sent by mail, never stored) and expiry.
 */
export async function issueLink(
  db: Database,
  purpose: 'invitation' | 'password_reset',
  owner: LinkOwner,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  await supersedeLinks(db, purpose, owner, now);
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS);
  await db.insert(emailLinks).values({
    purpose,
    tokenHash: hash,
    invitationId: owner.invitationId ?? null,
    userId: owner.userId ?? null,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Kills every live link of an owner: on resend, revoke and newer reset requests. */
export async function supersedeLinks(
  db: Database,
  purpose: 'invitation' | 'password_reset',
  owner: LinkOwner,
  now: Date,
): Promise<void> {
  const ownerColumn = owner.invitationId
    ? eq(emailLinks.invitationId, owner.invitationId)
    : eq(emailLinks.userId, owner.userId ?? '');
  await db
    .update(emailLinks)
    .set({ supersededAt: now })
    .where(
      and(
        ownerColumn,
        eq(emailLinks.purpose, purpose),
        isNull(emailLinks.usedAt),
        isNull(emailLinks.supersededAt),
      ),
    );
}

export type LinkState = 'usable' | 'expired' | 'used' | 'revoked';

/** Why a link can or cannot be used now. Revoked (superseded) wins over used, used over expired. */
export function linkState(
  link: { usedAt: Date | null; supersededAt: Date | null; expiresAt: Date },
  now: Date,
): LinkState {
  if (link.supersededAt) return 'revoked';
  if (link.usedAt) return 'used';
  if (link.expiresAt <= now) return 'expired';
  return 'usable';
}
