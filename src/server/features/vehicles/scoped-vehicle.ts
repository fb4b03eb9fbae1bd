import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { vehicles } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/authorize.ts';
import type { Permission } from '../../policy/permissions.ts';

export type VehicleRow = typeof vehicles.$inferSelect;

/**
 * A workshop's vehicle, loaded only if the actor holds the permission in that workshop and the
 * vehicle belongs to it. Another workshop's vehicle, a wrong workshop id and a missing vehicle
 * all answer the same 404: not even its existence leaks.
 */
export async function loadWorkshopVehicle(
  db: Database,
  actor: Actor,
  permission: Permission,
  workshopId: string,
  vehicleId: string,
): Promise<VehicleRow> {
  if (!can(actor, permission, { organizationId: workshopId })) {
    // Seeing the vehicle at all is `vehicle.read`; lacking only the narrower permission is 403.
    if (can(actor, 'vehicle.read', { organizationId: workshopId })) {
      const [vehicle] = await db
        .select({ id: vehicles.id })
        .from(vehicles)
        .where(and(eq(vehicles.id, vehicleId), eq(vehicles.workshopId, workshopId)));
      if (vehicle) throw forbidden();
    }
    throw notFound();
  }
  const [vehicle] = await db
    .select()
    .from(vehicles)
    .where(and(eq(vehicles.id, vehicleId), eq(vehicles.workshopId, workshopId)));
  if (!vehicle) throw notFound();
  return vehicle;
}
