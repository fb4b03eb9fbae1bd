import { and, eq, gt, isNull } from 'drizzle-orm';
import { LANGUAGES, type Language } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { emailLinks, invitations, users } from '../../db/schema/index.ts';
import { type FieldError, notFound, Problem, validationFailed } from '../../lib/errors.ts';
import { hashToken, isWellFormedToken } from '../../lib/tokens.ts';
import type { Actor } from '../../policy/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword, passwordProblem } from '../identity/passwords.ts';
import { findUserByEmail, type UserRow } from '../identity/users.ts';
import { type CompanyDetails, kindOf } from './kinds.ts';
import { type LinkState, linkState } from './links.ts';

const GONE: Record<Exclude<LinkState, 'usable'>, Problem> = {
  expired: new Problem(
    410,
    'invitation_expired',
    'Ask the person who invited you to send the invitation again.',
  ),
  used: new Problem(410, 'invitation_used', 'This link has been used. Sign in instead.'),
  revoked: new Problem(410, 'invitation_revoked', 'A newer invitation was sent, or this one was withdrawn.'),
};

/** The invitation behind an activation token, with its link and inviter; 404 when there is none. */
async function findByToken(db: Database, token: string) {
  if (!isWellFormedToken(token)) throw new Problem(404, 'invitation_not_found');
  const [row] = await db
    .select({ link: emailLinks, invitation: invitations })
    .from(emailLinks)
    .innerJoin(invitations, eq(invitations.id, emailLinks.invitationId))
    .where(and(eq(emailLinks.tokenHash, hashToken(token)), eq(emailLinks.purpose, 'invitation')));
  if (!row) throw new Problem(404, 'invitation_not_found');
  return row;
}

function stateOf(row: Awaited<ReturnType<typeof findByToken>>, now: Date): LinkState {
  if (row.invitation.status === 'revoked') return 'revoked';
  if (row.invitation.status === 'accepted' && !row.link.usedAt)
    return row.link.supersededAt ? 'revoked' : 'used';
  return linkState(row.link, now);
}

function gone(state: LinkState, inviterName: string | undefined): Problem | undefined {
  if (state === 'usable') return undefined;
  const problem = GONE[state];
  return new Problem(problem.status, problem.code, problem.detail, {
    invitedBy: inviterName ? { name: inviterName } : null,
  });
}

async function inviterName(db: Database, id: string | null): Promise<string | undefined> {
  if (!id) return undefined;
  const [inviter] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return inviter?.name;
}

/**
 * What an activation link is for, without using it up: mail scanners open links, so a GET must
 * never count as the one use. 410 says why a link no longer works.
 */
export async function readInvitation(db: Database, token: string, now: Date) {
  const row = await findByToken(db, token);
  const invitedBy = await inviterName(db, row.invitation.invitedById);
  const problem = gone(stateOf(row, now), invitedBy);
  if (problem) throw problem;
  const { handler, grant } = kindOf(row.invitation.kind, row.invitation.grant);
  const descriptions = await Promise.all(LANGUAGES.map((language) => handler.describe(db, grant, language)));
  return {
    kind: row.invitation.kind,
    email: row.invitation.email,
    expiresAt: row.link.expiresAt,
    existingUser: (await findUserByEmail(db, row.invitation.email)) !== undefined,
    needsCompanyDetails: await handler.needsCompanyDetails(db, grant),
    invitedBy: invitedBy ? { name: invitedBy } : null,
    description: Object.fromEntries(
      LANGUAGES.map((language, i) => [language, descriptions[i] ?? '']),
    ) as Record<Language, string>,
  };
}

export interface AcceptInput {
  token: string;
  /** The signed-in caller, if any. */
  caller: Actor | null;
  name?: string | undefined;
  password?: string | undefined;
  company?: CompanyDetails | undefined;
  language: Language;
  ip: string;
}

/**
 * Accepts an invitation: as a new person (name and password), or as the signed-in person who owns
 * the email. The link is spent by a conditional update, so of any number of simultaneous accepts
 * exactly one succeeds; the grant is applied in the same transaction.
 */
export async function acceptInvitation(
  db: Database,
  input: AcceptInput,
  now: Date,
): Promise<{ user: UserRow }> {
  const row = await findByToken(db, input.token);
  const problem = gone(stateOf(row, now), await inviterName(db, row.invitation.invitedById));
  if (problem) throw problem;
  const { handler, grant } = kindOf(row.invitation.kind, row.invitation.grant);

  const existing = await findUserByEmail(db, row.invitation.email);
  if (existing && input.caller?.user.id !== existing.id) {
    // The account may be one a simultaneous accept of this very link created after the first read:
    // then the link is spent, and that is what to say.
    throw (
      gone(stateOf(await findByToken(db, input.token), now), undefined) ?? new Problem(409, 'login_required')
    );
  }
  if (!existing && input.caller) {
    // Signed in as someone else: accepting would hand this email's grant to the wrong person.
    throw new Problem(
      409,
      'email_mismatch',
      `This invitation is for ${row.invitation.email}. Sign out first.`,
    );
  }

  const errors: FieldError[] = [];
  if (!input.company && (await handler.needsCompanyDetails(db, grant))) {
    errors.push({
      field: 'company',
      in: 'body',
      code: 'required',
      message: 'a business account needs its company details',
    });
  }
  const name = input.name?.trim() ?? '';
  if (!existing) {
    if (!name) errors.push({ field: 'name', in: 'body', code: 'required', message: 'is required' });
    const passwordIssue =
      input.password === undefined
        ? { code: 'required' as const, message: 'is required' }
        : passwordProblem(input.password);
    if (passwordIssue) errors.push({ field: 'password', in: 'body', ...passwordIssue });
  }
  if (errors.length > 0) throw validationFailed(errors);
  // Hashing is slow on purpose, so it happens only once the request is known to be complete.
  const newUser = existing ? undefined : { name, passwordHash: await hashPassword(input.password ?? '') };

  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(emailLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailLinks.id, row.link.id),
          isNull(emailLinks.usedAt),
          isNull(emailLinks.supersededAt),
          gt(emailLinks.expiresAt, now),
        ),
      )
      .returning({ id: emailLinks.id });
    const [accepted] = spent
      ? await tx
          .update(invitations)
          .set({ status: 'accepted', acceptedAt: now })
          .where(and(eq(invitations.id, row.invitation.id), eq(invitations.status, 'pending')))
          .returning({ id: invitations.id })
      : [];
    if (!spent || !accepted) {
      // Lost the race, or the invitation changed since it was read: say what happened to it.
      const fresh = await findByToken(tx, input.token);
      throw gone(stateOf(fresh, now), undefined) ?? new Problem(410, 'invitation_used');
    }

    let user = existing;
    if (!user && newUser) {
      const [created] = await tx
        .insert(users)
        .values({
          email: row.invitation.email,
          name: newUser.name,
          passwordHash: newUser.passwordHash,
          language: input.language,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      // Someone registered this email a moment ago through another invitation: they must log in.
      if (!created) throw new Problem(409, 'login_required');
      user = created;
    }
    if (!user) throw notFound();
    const userId = user.id;
    await tx.update(invitations).set({ acceptedById: userId }).where(eq(invitations.id, row.invitation.id));
    await handler.apply(tx, { userId, userName: user.name, company: input.company }, grant, now);
    await recordAudit(
      tx,
      {
        action: 'invitation.accepted',
        actorUserId: userId,
        actorEmail: row.invitation.email,
        subjectType: 'invitation',
        subjectId: row.invitation.id,
        organizationId: row.invitation.organizationId,
        details: { kind: row.invitation.kind, grant, newUser: !existing },
        ip: input.ip,
      },
      now,
    );
    return { user };
  });
}
