import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { Permission } from '../../policy/permissions.ts';
import { canOnVehicle, type VehicleRole } from '../../policy/rules/vehicle.ts';

export type MemberVehicle = typeof vehicles.$inferSelect & { myRole: VehicleRole };

/** The actor's role on a vehicle, or null: for rules that need it without loading the vehicle. */
export async function vehicleRoleOf(
  db: Database,
  userId: string,
  vehicleId: string,
): Promise<VehicleRole | null> {
  const [membership] = await db
    .select({ role: vehicleMemberships.role })
    .from(vehicleMemberships)
    .where(and(eq(vehicleMemberships.vehicleId, vehicleId), eq(vehicleMemberships.userId, userId)));
  return membership?.role ?? null;
}

/**
 * A vehicle as one of its users sees it, in one query with their role. Someone who is not a
 * user of it gets 404, as if it did not exist; a user lacking the permission gets 403.
 */
export async function loadMemberVehicle(
  db: Database,
  actor: Actor,
  vehicleId: string,
  permission: Permission,
): Promise<MemberVehicle> {
  const [row] = await db
    .select({ vehicle: vehicles, role: vehicleMemberships.role })
    .from(vehicles)
    .innerJoin(
      vehicleMemberships,
      and(eq(vehicleMemberships.vehicleId, vehicles.id), eq(vehicleMemberships.userId, actor.user.id)),
    )
    .where(eq(vehicles.id, vehicleId));
  if (!row) throw notFound();
  if (!canOnVehicle(permission, { role: row.role, sharingLevel: row.vehicle.sharingLevel }))
    throw forbidden();
  return { ...row.vehicle, myRole: row.role };
}
