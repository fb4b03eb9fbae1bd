import { and, eq, notInArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { tripAssignees, trips } from '../../db/schema/index.ts';
import { invalidField, notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { canOnVehicle } from '../../policy/rules/vehicle.ts';
import type { MemberVehicle, VehicleAccess } from '../vehicle-users/member-vehicle.ts';

/**
 * Sets who a trip is assigned to (SPEC §6). The primary sets any users of the vehicle, or none
 * (undo). Anyone else may only take an unassigned trip for themselves; a trip assigned to
 * someone else stays theirs. The trip row is locked, so two people taking it at once take turns.
 */
export async function assignTrip(
  db: Database,
  access: VehicleAccess,
  actor: Actor,
  vehicle: MemberVehicle,
  tripId: string,
  userIds: readonly string[],
  now: Date,
): Promise<void> {
  const wanted = [...new Set(userIds)];
  const members = (await access.find(vehicle.id))?.roles ?? new Map();
  const strangers = wanted.filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw invalidField('userIds', 'not_found', 'Not a user of this vehicle');
  }
  const mayAssignAnyone = canOnVehicle('vehicle.trips.assign_any', {
    role: vehicle.myRole,
    sharingLevel: vehicle.sharingLevel,
  });

  await db.transaction(async (tx) => {
    const [trip] = await tx
      .select({ id: trips.id })
      .from(trips)
      .where(and(eq(trips.id, tripId), eq(trips.vehicleId, vehicle.id)))
      .for('update');
    if (!trip) throw notFound();
    const current = (
      await tx
        .select({ userId: tripAssignees.userId })
        .from(tripAssignees)
        .where(eq(tripAssignees.tripId, tripId))
    ).map((row) => row.userId);

    if (!mayAssignAnyone) {
      const isTakingItThemselves = wanted.length === 1 && wanted[0] === actor.user.id;
      if (!isTakingItThemselves)
        throw new Problem(403, 'forbidden', 'Only the primary user assigns trips to others.');
      if (current.length > 0 && !(current.length === 1 && current[0] === actor.user.id)) {
        throw new Problem(403, 'trip_already_assigned', 'This trip is assigned to someone else.');
      }
    }

    if (wanted.length === 0) await tx.delete(tripAssignees).where(eq(tripAssignees.tripId, tripId));
    else
      await tx
        .delete(tripAssignees)
        .where(and(eq(tripAssignees.tripId, tripId), notInArray(tripAssignees.userId, wanted)));
    const added = wanted.filter((id) => !current.includes(id));
    if (added.length > 0) {
      await tx
        .insert(tripAssignees)
        .values(added.map((userId) => ({ tripId, userId, assignedByUserId: actor.user.id, assignedAt: now })))
        .onConflictDoNothing();
    }
  });
}
