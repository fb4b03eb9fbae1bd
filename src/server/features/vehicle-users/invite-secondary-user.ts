import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invitations, users, vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { SharingLevel } from '../../policy/rules/vehicle.ts';
import { createInvitation } from '../invitations/create-invitation.ts';
import { secondaryScope } from '../vehicles/queries.ts';
import type { MemberVehicle } from './member-vehicle.ts';

/** SPEC §5: one primary and at most five secondary users, pending invitations included. */
export const MAX_SECONDARY_USERS = 5;

/**
 * Invites a secondary user. The vehicle row is locked for the transaction, so concurrent invites
 * on one vehicle take turns and the limit of five (members plus pending invitations) holds.
 * The first invitation may also set the sharing level (the first-run tile asks for it).
 */
export async function inviteSecondaryUser(
  db: Database,
  actor: Actor,
  vehicle: MemberVehicle,
  input: { email: string; sharingLevel?: SharingLevel | undefined },
  publicUrl: string,
  now: Date,
): Promise<{ invitationId: string }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.id, vehicle.id)).for('update');
    const [member] = await tx
      .select({ id: users.id })
      .from(vehicleMemberships)
      .innerJoin(users, eq(users.id, vehicleMemberships.userId))
      .where(and(eq(vehicleMemberships.vehicleId, vehicle.id), eq(users.email, input.email)));
    if (member) throw new Problem(409, 'already_a_user', `${input.email} already uses this vehicle`);
    const [secondaries] = await tx
      .select({ count: count() })
      .from(vehicleMemberships)
      .where(and(eq(vehicleMemberships.vehicleId, vehicle.id), eq(vehicleMemberships.role, 'secondary')));
    const [pending] = await tx
      .select({ count: count() })
      .from(invitations)
      .where(and(eq(invitations.scope, secondaryScope(vehicle.id)), eq(invitations.status, 'pending')));
    if ((secondaries?.count ?? 0) + (pending?.count ?? 0) >= MAX_SECONDARY_USERS) {
      throw new Problem(
        409,
        'secondary_user_limit',
        `A vehicle has at most ${MAX_SECONDARY_USERS} secondary users, invitations included.`,
      );
    }
    if (input.sharingLevel) {
      await tx
        .update(vehicles)
        .set({ sharingLevel: input.sharingLevel, sharingChosenAt: now })
        .where(eq(vehicles.id, vehicle.id));
    }
    return createInvitation(
      tx,
      {
        kind: 'vehicle_secondary',
        email: input.email,
        scope: secondaryScope(vehicle.id),
        grant: { vehicleId: vehicle.id },
        organizationId: null,
        inviter: actor.user,
        publicUrl,
      },
      now,
    );
  });
}
