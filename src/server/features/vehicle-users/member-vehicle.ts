import { and, eq } from 'drizzle-orm';
import type { ChangeFeed } from '../../db/change-feed.ts';
import type { Database } from '../../db/client.ts';
import { vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { LiveCache } from '../../lib/live-cache.ts';
import type { Actor } from '../../policy/actor.ts';
import type { Permission } from '../../policy/permissions.ts';
import { canOnVehicle, type VehicleRole } from '../../policy/rules/vehicle.ts';

type Vehicle = typeof vehicles.$inferSelect;
export type MemberVehicle = Vehicle & { myRole: VehicleRole };

/** A vehicle with the role of each of its users: all that deciding access to it needs. */
interface VehicleWithUsers {
  vehicle: Vehicle;
  roles: ReadonlyMap<string, VehicleRole>;
}

/**
 * Vehicles and their users, read in one query and then kept in process until the vehicle or its
 * memberships change (the change feed). The driver app's hottest reads authorize from here.
 */
export class VehicleAccess {
  readonly #cache: LiveCache<string, VehicleWithUsers>;

  constructor(
    private readonly db: Database,
    feed: ChangeFeed,
    max = 100_000,
  ) {
    this.#cache = new LiveCache(feed, {
      max,
      tagOf: (entry) => entry.vehicle.id,
      dropTagOn: ['vehicles', 'vehicle_memberships'],
    });
  }

  /** The vehicle and its users' roles, or undefined when there is no such vehicle. */
  find(vehicleId: string): Promise<VehicleWithUsers | undefined> {
    return this.#cache.get(vehicleId, () => this.#read(vehicleId));
  }

  async #read(vehicleId: string): Promise<VehicleWithUsers | undefined> {
    const rows = await this.db
      .select({ vehicle: vehicles, userId: vehicleMemberships.userId, role: vehicleMemberships.role })
      .from(vehicles)
      .leftJoin(vehicleMemberships, eq(vehicleMemberships.vehicleId, vehicles.id))
      .where(eq(vehicles.id, vehicleId));
    const [first] = rows;
    if (!first) return undefined;
    const roles = new Map<string, VehicleRole>();
    for (const row of rows) if (row.userId && row.role) roles.set(row.userId, row.role);
    return { vehicle: first.vehicle, roles };
  }
}

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
 * A vehicle as one of its users sees it, with their role. Someone who is not a user of it gets
 * 404, as if it did not exist; a user lacking the permission gets 403.
 */
export async function loadMemberVehicle(
  access: VehicleAccess,
  actor: Actor,
  vehicleId: string,
  permission: Permission,
): Promise<MemberVehicle> {
  const found = await access.find(vehicleId);
  const role = found?.roles.get(actor.user.id);
  if (!found || !role) throw notFound();
  if (!canOnVehicle(permission, { role, sharingLevel: found.vehicle.sharingLevel })) throw forbidden();
  return { ...found.vehicle, myRole: role };
}
