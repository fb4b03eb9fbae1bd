import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invitations } from '../../db/schema/index.ts';
import { notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sendInvitationMail } from './invitation-mail.ts';
import { kindOf } from './kinds.ts';
import { issueLink, supersedeLinks } from './links.ts';

type InvitationRow = typeof invitations.$inferSelect;

/**
 * Loads an invitation the actor may manage (resend, revoke). One they may not manage is simply
 * not found: 404, the same answer as for an id that does not exist.
 */
export async function loadManageableInvitation(
  db: Database,
  actor: Actor,
  id: string,
): Promise<InvitationRow> {
  const [invitation] = await db.select().from(invitations).where(eq(invitations.id, id));
  if (!invitation) throw notFound();
  const { handler, grant } = kindOf(invitation.kind, invitation.grant);
  if (!(await handler.mayManage(db, actor, grant))) throw notFound();
  return invitation;
}

/**
 * A new link valid for 24 hours, mailed again; every older link answers `invitation_revoked`
 * from this moment. The mail is in the language of whoever resends.
 */
export async function resendInvitation(
  db: Database,
  actor: Actor,
  invitation: InvitationRow,
  publicUrl: string,
  now: Date,
): Promise<{ expiresAt: Date }> {
  const { handler, grant } = kindOf(invitation.kind, invitation.grant);
  return db.transaction(async (tx) => {
    // The conditional update is the guard: an invitation accepted or revoked meanwhile is left alone.
    const [still] = await tx
      .update(invitations)
      .set({ language: actor.user.language })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, 'pending')))
      .returning({ id: invitations.id });
    if (!still) throw new Problem(409, 'invitation_not_pending');
    const link = await issueLink(tx, 'invitation', { invitationId: invitation.id }, now);
    await tx.update(invitations).set({ expiresAt: link.expiresAt }).where(eq(invitations.id, invitation.id));
    await sendInvitationMail(tx, {
      to: invitation.email,
      kind: invitation.kind,
      language: actor.user.language,
      inviterName: actor.user.name,
      what: await handler.describe(tx, grant, actor.user.language),
      token: link.token,
      expiresAt: link.expiresAt,
      publicUrl,
      now,
    });
    await recordAudit(
      tx,
      {
        action: 'invitation.resent',
        actorUserId: actor.user.id,
        subjectType: 'invitation',
        subjectId: invitation.id,
        organizationId: invitation.organizationId,
        details: { kind: invitation.kind, email: invitation.email },
      },
      now,
    );
    return { expiresAt: link.expiresAt };
  });
}

/** Revokes a pending invitation: its links die at once. */
export async function revokeInvitation(
  db: Database,
  actor: Actor,
  invitation: InvitationRow,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ status: 'revoked', revokedAt: now })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, 'pending')))
      .returning({ id: invitations.id });
    if (!revoked) throw new Problem(409, 'invitation_not_pending');
    await supersedeLinks(tx, 'invitation', { invitationId: invitation.id }, now);
    await recordAudit(
      tx,
      {
        action: 'invitation.revoked',
        actorUserId: actor.user.id,
        subjectType: 'invitation',
        subjectId: invitation.id,
        organizationId: invitation.organizationId,
        details: { kind: invitation.kind, email: invitation.email },
      },
      now,
    );
  });
}
