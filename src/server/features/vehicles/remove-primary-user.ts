import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invitations, users, vehicleMemberships } from '../../db/schema/index.ts';
import { notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { supersedeLinks } from '../invitations/links.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { accessRemovedMail } from '../mail/templates.tsx';
import { describeVehicle } from './invitation-kinds.ts';
import type { VehicleRow } from './scoped-vehicle.ts';

export interface VehicleUser {
  id: string;
  name: string;
  email: string;
  role: 'primary' | 'secondary';
}

/** Every user of a vehicle, the primary first. */
export function listVehicleUsers(db: Database, vehicleId: string): Promise<VehicleUser[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: vehicleMemberships.role })
    .from(vehicleMemberships)
    .innerJoin(users, eq(users.id, vehicleMemberships.userId))
    .where(eq(vehicleMemberships.vehicleId, vehicleId))
    .orderBy(asc(vehicleMemberships.role), asc(users.name));
}

/** Pending invitations to a vehicle, of any role: their scopes start with `vehicle:<id>:`. */
export const vehicleScopePattern = (vehicleId: string) => `vehicle:${vehicleId}:%`;

/**
 * Removes the primary user and with them every user of the vehicle, revokes its pending
 * invitations and mails each removed person, all in one transaction. Without `confirm` nothing
 * changes: 409 `confirmation_required` lists who would lose access.
 */
export async function removePrimaryUser(
  db: Database,
  actor: Actor,
  vehicle: VehicleRow,
  isConfirmed: boolean,
  now: Date,
): Promise<{ removedUsers: VehicleUser[] }> {
  const affected = await listVehicleUsers(db, vehicle.id);
  if (!affected.some((user) => user.role === 'primary')) throw notFound('The vehicle has no primary user');
  if (!isConfirmed) {
    throw new Problem(409, 'confirmation_required', 'Every user of the vehicle will lose access.', {
      affectedUsers: affected,
    });
  }
  return db.transaction(async (tx) => {
    // Whoever is a user at this moment is removed, including anyone who joined since the warning.
    const removedIds = await tx
      .delete(vehicleMemberships)
      .where(eq(vehicleMemberships.vehicleId, vehicle.id))
      .returning({ userId: vehicleMemberships.userId, role: vehicleMemberships.role });
    const removedUsers = removedIds.length
      ? await tx
          .select({ id: users.id, name: users.name, email: users.email, language: users.language })
          .from(users)
          .where(
            inArray(
              users.id,
              removedIds.map((row) => row.userId),
            ),
          )
      : [];
    const revoked = await tx
      .update(invitations)
      .set({ status: 'revoked', revokedAt: now })
      .where(and(like(invitations.scope, vehicleScopePattern(vehicle.id)), eq(invitations.status, 'pending')))
      .returning({ id: invitations.id });
    for (const invitation of revoked)
      await supersedeLinks(tx, 'invitation', { invitationId: invitation.id }, now);
    for (const user of removedUsers) {
      await enqueueMail(
        tx,
        accessRemovedMail({
          to: user.email,
          language: user.language,
          car: await describeVehicle(tx, vehicle.id, user.language),
        }),
        now,
      );
    }
    const roleOf = new Map(removedIds.map((row) => [row.userId, row.role]));
    const result = removedUsers.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: roleOf.get(user.id) ?? 'secondary',
    }));
    await recordAudit(
      tx,
      {
        action: 'vehicle.primary_removed',
        actorUserId: actor.user.id,
        subjectType: 'vehicle',
        subjectId: vehicle.id,
        organizationId: vehicle.workshopId,
        details: {
          removedUsers: result.map(({ id, role }) => ({ id, role })),
          revokedInvitations: revoked.map((r) => r.id),
        },
      },
      now,
    );
    return { removedUsers: result };
  });
}
