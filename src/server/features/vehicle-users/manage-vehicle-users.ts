import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invitations, users, vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { canOnVehicle, type SharingLevel } from '../../policy/rules/vehicle.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type NoticeContext, notifyVehicleUsers } from '../notifications/notifications.ts';
import { secondaryScope } from '../vehicles/queries.ts';
import type { MemberVehicle } from './member-vehicle.ts';

/**
 * Removes a secondary user (the primary's call). A secondary asking to remove themselves is told
 * to ask the primary; the primary cannot remove themselves (only the workshop can).
 */
export async function removeVehicleUser(
  db: Database,
  actor: Actor,
  vehicle: MemberVehicle,
  userId: string,
  now: Date,
): Promise<void> {
  const isPrimary = canOnVehicle('vehicle.users.remove', {
    role: vehicle.myRole,
    sharingLevel: vehicle.sharingLevel,
  });
  if (!isPrimary) {
    if (userId === actor.user.id)
      throw new Problem(403, 'ask_the_primary', 'Ask the primary user to remove you.');
    throw new Problem(403, 'forbidden');
  }
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(vehicleMemberships)
      .where(
        and(
          eq(vehicleMemberships.vehicleId, vehicle.id),
          eq(vehicleMemberships.userId, userId),
          eq(vehicleMemberships.role, 'secondary'),
        ),
      )
      .returning({ userId: vehicleMemberships.userId });
    if (!removed) throw notFound('No such secondary user on this vehicle');
    await recordAudit(
      tx,
      {
        action: 'vehicle.secondary_removed',
        actorUserId: actor.user.id,
        subjectType: 'vehicle',
        subjectId: vehicle.id,
        organizationId: vehicle.workshopId,
        details: { userId },
      },
      now,
    );
  });
}

/** A pending secondary invitation of this vehicle, for revoking or resending. */
export async function loadSecondaryInvitation(db: Database, vehicle: MemberVehicle, invitationId: string) {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.scope, secondaryScope(vehicle.id))));
  if (!invitation) throw notFound();
  return invitation;
}

/**
 * The primary's choice of what every user of the vehicle sees; applies to the next read. When
 * the level changes, every user of the vehicle (the primary too) gets a notice of it.
 */
export async function setSharingLevel(
  db: Database,
  actor: Actor,
  vehicle: MemberVehicle,
  level: SharingLevel,
  { now, publicUrl }: NoticeContext,
): Promise<{ level: SharingLevel }> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ level: vehicles.sharingLevel })
      .from(vehicles)
      .where(eq(vehicles.id, vehicle.id))
      .for('update');
    if (!before) throw notFound();
    await tx
      .update(vehicles)
      .set({ sharingLevel: level, sharingChosenAt: now })
      .where(eq(vehicles.id, vehicle.id));
    if (before.level === level) return;
    await notifyVehicleUsers(
      tx,
      vehicle.id,
      {
        kind: 'sharing_level_changed',
        data: { level, changedBy: { id: actor.user.id, name: actor.user.name } },
      },
      { now, publicUrl },
    );
    await recordAudit(
      tx,
      {
        action: 'vehicle.sharing_changed',
        actorUserId: actor.user.id,
        subjectType: 'vehicle',
        subjectId: vehicle.id,
        details: { from: before.level, to: level },
      },
      now,
    );
  });
  return { level };
}

/**
 * The vehicle's users as one of them sees them: names and roles for everyone; emails and pending
 * invitations only for the primary (SPEC §5). Hidden fields are never put in the answer.
 */
export async function listUsersFor(db: Database, vehicle: MemberVehicle, now: Date) {
  const canSeeEmails = canOnVehicle('vehicle.users.emails.read', {
    role: vehicle.myRole,
    sharingLevel: vehicle.sharingLevel,
  });
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: vehicleMemberships.role,
      since: vehicleMemberships.createdAt,
    })
    .from(vehicleMemberships)
    .innerJoin(users, eq(users.id, vehicleMemberships.userId))
    .where(eq(vehicleMemberships.vehicleId, vehicle.id))
    .orderBy(asc(vehicleMemberships.role), asc(users.name));
  const items = people.map(({ email, ...person }) => (canSeeEmails ? { ...person, email } : person));
  if (!canSeeEmails) return { items, nextCursor: null };
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.scope, secondaryScope(vehicle.id)), eq(invitations.status, 'pending')))
    .orderBy(asc(invitations.createdAt));
  return {
    items,
    pendingInvitations: pending.map((invitation) => ({
      ...invitation,
      invitationStatus: invitation.expiresAt <= now ? ('expired' as const) : ('pending' as const),
    })),
    nextCursor: null,
  };
}
