import { eq } from 'drizzle-orm';
import type { InvitationKind, Language } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { invitations } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sendInvitationMail } from './invitation-mail.ts';
import { kindOf } from './kinds.ts';
import { issueLink } from './links.ts';

export interface CreateInvitationInput {
  kind: InvitationKind;
  /** Already normalized (trimmed, lower case). */
  email: string;
  /** What the invitation is to: at most one pending invitation per email and scope. */
  scope: string;
  grant: unknown;
  organizationId: string | null;
  inviter: { id: string; name: string; language: Language };
  publicUrl: string;
}

/**
 * Saves an invitation, its first link and its mail in one transaction: it is never saved without
 * its mail, nor mailed without being saved. A second pending invitation for the same email and
 * scope is refused by a unique index, so concurrent invites cannot both succeed.
 */
export async function createInvitation(
  db: Database,
  input: CreateInvitationInput,
  now: Date,
): Promise<{ invitationId: string; expiresAt: Date }> {
  const { handler, grant } = kindOf(input.kind, input.grant);
  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx
        .insert(invitations)
        .values({
          kind: input.kind,
          email: input.email,
          scope: input.scope,
          grant,
          organizationId: input.organizationId,
          invitedById: input.inviter.id,
          language: input.inviter.language,
          expiresAt: now,
          createdAt: now,
        })
        .returning({ id: invitations.id });
      if (!invitation) throw new Error('insert returned no invitation');
      const link = await issueLink(tx, 'invitation', { invitationId: invitation.id }, now);
      await tx
        .update(invitations)
        .set({ expiresAt: link.expiresAt })
        .where(eq(invitations.id, invitation.id));
      await sendInvitationMail(tx, {
        to: input.email,
        kind: input.kind,
        language: input.inviter.language,
        inviterName: input.inviter.name,
        what: await handler.describe(tx, grant, input.inviter.language),
        token: link.token,
        expiresAt: link.expiresAt,
        publicUrl: input.publicUrl,
        now,
      });
      await recordAudit(
        tx,
        {
          action: 'invitation.created',
          actorUserId: input.inviter.id,
          subjectType: 'invitation',
          subjectId: invitation.id,
          organizationId: input.organizationId,
          details: { kind: input.kind, email: input.email, grant },
        },
        now,
      );
      return { invitationId: invitation.id, expiresAt: link.expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'invitations_one_pending_per_scope'))
      throw new Problem(409, 'already_invited');
    throw error;
  }
}
