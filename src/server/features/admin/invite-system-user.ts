import { and, eq } from 'drizzle-orm';
import { OPERATOR_ROLES, type StaffRole, WORKSHOP_ROLES } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { organizations, staffMemberships, users } from '../../db/schema/index.ts';
import { invalidField, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { createInvitation } from '../invitations/create-invitation.ts';

const ROLES_OF: Record<'operator' | 'workshop', readonly StaffRole[]> = {
  operator: OPERATOR_ROLES,
  workshop: WORKSHOP_ROLES,
};

/**
 * Invites a system user to the operator or a workshop with one or more roles of that kind of
 * organisation. Refused when they are already a member, or already invited there.
 */
export async function inviteSystemUser(
  db: Database,
  actor: Actor,
  input: { email: string; organizationId: string; roles: StaffRole[] },
  publicUrl: string,
  now: Date,
): Promise<{ invitationId: string }> {
  authorize(actor, 'staff.invite', { organizationId: input.organizationId });
  const [organization] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!organization) throw invalidField('organizationId', 'not_found', 'no such organisation');
  const allowed = ROLES_OF[organization.kind];
  const wrong = input.roles.filter((role) => !allowed.includes(role));
  if (wrong.length > 0) {
    throw invalidField(
      'roles',
      'not_allowed',
      `${wrong.join(', ')} cannot be held in a ${organization.kind} organisation`,
    );
  }

  const [member] = await db
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(users.email, input.email), eq(staffMemberships.organizationId, organization.id)));
  if (member)
    throw new Problem(409, 'already_a_member', `${input.email} is already a member of ${organization.name}`);

  return createInvitation(
    db,
    {
      kind: 'system_user',
      email: input.email,
      scope: `organization:${organization.id}`,
      grant: { organizationId: organization.id, roles: [...new Set(input.roles)] },
      organizationId: organization.id,
      inviter: actor.user,
      publicUrl,
    },
    now,
  );
}
