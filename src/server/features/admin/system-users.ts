import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import {
  type InvitationState,
  OPERATOR_ROLES,
  type StaffRole,
  WORKSHOP_ROLES,
} from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { invitations, organizations, staffMemberships, users } from '../../db/schema/index.ts';
import { invalidField, notFound, validationFailed } from '../../lib/errors.ts';
import { decodeCursor, paginate, prefixPattern } from '../../lib/search.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can, organizationsWhere } from '../../policy/authorize.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { revokeUserSessions } from '../identity/sessions.ts';

export const PAGE_SIZE = 50;

/**
 * System users the actor may see (every organisation for operator staff, their own workshop for
 * a workshop admin): members and pending invitations, one keyset-paged list ordered by email.
 */
export async function listSystemUsers(
  db: Database,
  actor: Actor,
  input: { q?: string | undefined; cursor?: string | undefined; organizationId?: string | undefined },
  now: Date,
) {
  const reach = organizationsWhere(actor, 'staff.read');
  const pattern = prefixPattern(input.q);
  const after = decodeCursor(input.cursor);
  const inReach = (column: typeof staffMemberships.organizationId | typeof invitations.organizationId) =>
    and(
      reach === 'any'
        ? undefined
        : inArray(column, reach.length ? reach : ['00000000-0000-0000-0000-000000000000']),
      input.organizationId ? eq(column, input.organizationId) : undefined,
    );
  const members = db
    .select({
      id: sql<string>`${staffMemberships.id}::text`.as('id'),
      userId: sql<string | null>`${users.id}`.as('user_id'),
      invitationId: sql<string | null>`null::uuid`.as('invitation_id'),
      email: sql<string>`${users.email}`.as('email'),
      name: sql<string | null>`${users.name}`.as('name'),
      organizationId: sql<string>`${organizations.id}`.as('organization_id'),
      organizationName: sql<string>`${organizations.name}`.as('organization_name'),
      organizationKind: sql<'operator' | 'workshop'>`${organizations.kind}::text`.as('organization_kind'),
      roles: sql<StaffRole[]>`${staffMemberships.roles}::text[]`.as('roles'),
      invitationStatus: sql<InvitationState>`${users.status}::text`.as('invitation_status'),
    })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .innerJoin(organizations, eq(organizations.id, staffMemberships.organizationId))
    .where(
      and(
        inReach(staffMemberships.organizationId),
        pattern ? or(like(users.email, pattern), like(sql`lower(${users.name})`, pattern)) : undefined,
      ),
    );
  const pending = db
    .select({
      id: sql<string>`${invitations.id}::text`.as('id'),
      userId: sql<string | null>`null::uuid`.as('user_id'),
      invitationId: sql<string | null>`${invitations.id}`.as('invitation_id'),
      email: sql<string>`${invitations.email}`.as('email'),
      name: sql<string | null>`null::text`.as('name'),
      organizationId: sql<string>`${organizations.id}`.as('organization_id'),
      organizationName: sql<string>`${organizations.name}`.as('organization_name'),
      organizationKind: sql<'operator' | 'workshop'>`${organizations.kind}::text`.as('organization_kind'),
      roles: sql<StaffRole[]>`array(select jsonb_array_elements_text(${invitations.grant}->'roles'))`.as(
        'roles',
      ),
      invitationStatus:
        sql<InvitationState>`case when ${invitations.expiresAt} <= ${now} then 'expired' else 'pending' end`.as(
          'invitation_status',
        ),
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(
      and(
        eq(invitations.kind, 'system_user'),
        eq(invitations.status, 'pending'),
        inReach(invitations.organizationId),
        pattern ? like(invitations.email, pattern) : undefined,
      ),
    );
  const people = unionAll(members, pending).as('people');
  const rows = await db
    .select()
    .from(people)
    .where(after ? sql`(${people.email}, ${people.id}) > (${after[0]}, ${after[1]})` : undefined)
    .orderBy(asc(people.email), asc(people.id))
    .limit(PAGE_SIZE + 1);
  return paginate(rows, PAGE_SIZE, (row) => row.email);
}

/** Replaces a member's roles in one organisation (roles of that organisation's kind only). */
export async function changeRoles(
  db: Database,
  actor: Actor,
  input: { userId: string; organizationId: string; roles: StaffRole[] },
  now: Date,
) {
  authorize(actor, 'staff.manage', { organizationId: input.organizationId });
  const [membership] = await db
    .select({ membership: staffMemberships, kind: organizations.kind })
    .from(staffMemberships)
    .innerJoin(organizations, eq(organizations.id, staffMemberships.organizationId))
    .where(
      and(
        eq(staffMemberships.userId, input.userId),
        eq(staffMemberships.organizationId, input.organizationId),
      ),
    );
  if (!membership) throw notFound();
  const allowed: readonly StaffRole[] = membership.kind === 'operator' ? OPERATOR_ROLES : WORKSHOP_ROLES;
  const wrong = input.roles.filter((role) => !allowed.includes(role));
  if (wrong.length > 0) {
    throw invalidField(
      'roles',
      'not_allowed',
      `${wrong.join(', ')} cannot be held in a ${membership.kind} organisation`,
    );
  }
  const roles = [...new Set(input.roles)];
  await db.transaction(async (tx) => {
    await tx.update(staffMemberships).set({ roles }).where(eq(staffMemberships.id, membership.membership.id));
    await recordAudit(
      tx,
      {
        action: 'staff.roles_changed',
        actorUserId: actor.user.id,
        subjectType: 'user',
        subjectId: input.userId,
        organizationId: input.organizationId,
        details: { from: membership.membership.roles, to: roles },
      },
      now,
    );
  });
  return { userId: input.userId, organizationId: input.organizationId, roles };
}

/**
 * Deactivates a person: they can no longer sign in and every session ends now. Allowed to whoever
 * manages staff in an organisation the person belongs to; a person cannot deactivate themselves.
 */
export async function deactivateUser(db: Database, actor: Actor, userId: string, now: Date): Promise<void> {
  const memberships = await db
    .select({ organizationId: staffMemberships.organizationId })
    .from(staffMemberships)
    .where(eq(staffMemberships.userId, userId));
  const isManaged = memberships.some((m) => can(actor, 'staff.manage', { organizationId: m.organizationId }));
  if (!isManaged) throw notFound();
  if (userId === actor.user.id) {
    throw validationFailed([
      { field: 'userId', in: 'params', code: 'not_allowed', message: 'you cannot deactivate yourself' },
    ]);
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ status: 'deactivated', deactivatedAt: now }).where(eq(users.id, userId));
    await revokeUserSessions(tx, userId, now);
    await recordAudit(
      tx,
      { action: 'user.deactivated', actorUserId: actor.user.id, subjectType: 'user', subjectId: userId },
      now,
    );
  });
}
