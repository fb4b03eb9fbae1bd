import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { vehicleMemberships } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { createInvitation } from '../invitations/create-invitation.ts';
import type { VehicleRow } from './scoped-vehicle.ts';

/** The scope of a vehicle's primary-user invitation: one pending at a time. */
export const primaryScope = (vehicleId: string) => `vehicle:${vehicleId}:primary`;

/**
 * Invites the legal owner as primary user. Refused with 409 `primary_user_exists` while the
 * vehicle has a primary or a pending invitation for one (the pending one by a unique index).
 */
export async function invitePrimaryUser(
  db: Database,
  actor: Actor,
  vehicle: VehicleRow,
  input: { email: string; name?: string | undefined },
  publicUrl: string,
  now: Date,
): Promise<{ invitationId: string }> {
  const [primary] = await db
    .select({ id: vehicleMemberships.id })
    .from(vehicleMemberships)
    .where(and(eq(vehicleMemberships.vehicleId, vehicle.id), eq(vehicleMemberships.role, 'primary')));
  if (primary) throw new Problem(409, 'primary_user_exists');
  try {
    return await createInvitation(
      db,
      {
        kind: 'vehicle_primary',
        email: input.email,
        scope: primaryScope(vehicle.id),
        grant: { vehicleId: vehicle.id, workshopId: vehicle.workshopId },
        organizationId: vehicle.workshopId,
        inviter: actor.user,
        publicUrl,
      },
      now,
    );
  } catch (error) {
    // Any pending primary invitation, whatever the email, blocks a second one.
    const isPending =
      (error instanceof Problem && error.code === 'already_invited') ||
      isUniqueViolation(error, 'invitations_one_pending_primary');
    if (isPending) throw new Problem(409, 'primary_user_exists');
    throw error;
  }
}
