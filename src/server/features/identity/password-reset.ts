import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { emailLinks, users } from '../../db/schema/index.ts';
import { invalidField, Problem } from '../../lib/errors.ts';
import { hashToken, isWellFormedToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { issueLink, type LinkState, linkState } from '../invitations/links.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { passwordResetMail } from '../mail/templates.tsx';
import { hashPassword, passwordProblem } from './passwords.ts';
import { revokeUserSessions } from './sessions.ts';
import { findUserByEmail } from './users.ts';

const GONE: Record<Exclude<LinkState, 'usable'>, Problem> = {
  expired: new Problem(410, 'link_expired', 'Ask for a new reset link.'),
  used: new Problem(410, 'link_used', 'This link has been used. Ask for a new one if you need it.'),
  revoked: new Problem(410, 'link_revoked', 'A newer reset link was sent; use the newest mail.'),
};

/**
 * Mails a reset link when the email belongs to an active user, and does nothing otherwise: the
 * caller always gets the same answer. A new link kills older ones.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; publicUrl: string; ip: string },
  now: Date,
): Promise<void> {
  const user = await findUserByEmail(db, input.email);
  if (user?.status !== 'active') return;
  await db.transaction(async (tx) => {
    const link = await issueLink(tx, 'password_reset', { userId: user.id }, now);
    await enqueueMail(
      tx,
      passwordResetMail({
        to: user.email,
        language: user.language,
        link: `${input.publicUrl}/reset-password/${link.token}`,
        expiresAt: link.expiresAt,
      }),
      now,
    );
    await recordAudit(
      tx,
      {
        action: 'auth.password_reset_requested',
        actorEmail: user.email,
        subjectType: 'user',
        subjectId: user.id,
        ip: input.ip,
      },
      now,
    );
  });
}

async function findResetLink(db: Database, token: string) {
  if (!isWellFormedToken(token)) throw new Problem(404, 'link_not_found');
  const [row] = await db
    .select({ link: emailLinks, user: users })
    .from(emailLinks)
    .innerJoin(users, eq(users.id, emailLinks.userId))
    .where(and(eq(emailLinks.tokenHash, hashToken(token)), eq(emailLinks.purpose, 'password_reset')));
  if (!row) throw new Problem(404, 'link_not_found');
  return row;
}

/** Whether a reset link still works, without using it: for the page that asks for the password. */
export async function readPasswordReset(db: Database, token: string, now: Date) {
  const { link, user } = await findResetLink(db, token);
  const state = linkState(link, now);
  if (state !== 'usable') throw GONE[state];
  return { email: user.email, expiresAt: link.expiresAt };
}

/** Sets a new password through a reset link (once), and ends every session of that user. */
export async function completePasswordReset(
  db: Database,
  input: { token: string; password: string; ip: string },
  now: Date,
): Promise<{ userId: string }> {
  const { link, user } = await findResetLink(db, input.token);
  const state = linkState(link, now);
  if (state !== 'usable') throw GONE[state];
  const issue = passwordProblem(input.password);
  if (issue) throw invalidField('password', issue.code, issue.message);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(emailLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailLinks.id, link.id),
          isNull(emailLinks.usedAt),
          isNull(emailLinks.supersededAt),
          gt(emailLinks.expiresAt, now),
        ),
      )
      .returning({ id: emailLinks.id });
    if (!spent) throw GONE.used;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, now);
    await recordAudit(
      tx,
      {
        action: 'auth.password_reset',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: input.ip,
      },
      now,
    );
    return { userId: user.id };
  });
}
