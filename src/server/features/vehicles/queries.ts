import { and, asc, count, eq, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { invitations, users, vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { decodeCursor, paginate, prefixPattern } from '../../lib/search.ts';
import { presentStatus } from '../telemetry/status-view.ts';
import type { VehicleStatus } from '../telemetry/vehicle-status.ts';
import { primaryScope } from './invite-primary-user.ts';
import { listVehicleUsers } from './remove-primary-user.ts';
import type { VehicleRow } from './scoped-vehicle.ts';

export const PAGE_SIZE = 50;
export const secondaryScope = (vehicleId: string) => `vehicle:${vehicleId}:secondary`;

/** What the workshop sees of a vehicle (SPEC §11): users, pending invitations, sharing level. */
export async function workshopVehicleDetails(
  db: Database,
  vehicle: VehicleRow,
  status: VehicleStatus,
  now: Date,
) {
  const [people, pendingPrimary, pendingSecondaries] = await Promise.all([
    listVehicleUsers(db, vehicle.id),
    db
      .select({ id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.scope, primaryScope(vehicle.id)), eq(invitations.status, 'pending'))),
    db
      .select({ count: count() })
      .from(invitations)
      .where(and(eq(invitations.scope, secondaryScope(vehicle.id)), eq(invitations.status, 'pending'))),
  ]);
  const primary = people.find((person) => person.role === 'primary');
  const [primarySince] = primary
    ? await db
        .select({ since: vehicleMemberships.createdAt })
        .from(vehicleMemberships)
        .where(and(eq(vehicleMemberships.vehicleId, vehicle.id), eq(vehicleMemberships.userId, primary.id)))
    : [];
  const secondaries = people.filter((person) => person.role === 'secondary');
  const invitation = pendingPrimary[0];
  return {
    id: vehicle.id,
    vin: vehicle.vin,
    registrationNumber: vehicle.registrationNumber,
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    fuelType: vehicle.fuelType,
    sharing: { level: vehicle.sharingLevel },
    primaryUser:
      primary && primarySince
        ? { id: primary.id, name: primary.name, email: primary.email, since: primarySince.since }
        : null,
    // Workshops see secondary users' names, not their emails (SPEC §5: emails are the primary's).
    secondaryUsers: secondaries.map(({ id, name }) => ({ id, name })),
    secondaryUserCount: secondaries.length,
    pendingPrimaryInvitation: invitation
      ? {
          ...invitation,
          invitationStatus: invitation.expiresAt <= now ? ('expired' as const) : ('pending' as const),
        }
      : null,
    pendingSecondaryInvitationCount: pendingSecondaries[0]?.count ?? 0,
    // Health and alarms, never the position: workshops do not see where a car is (SPEC §6).
    ...presentStatus(status, { visible: false, reason: 'workshop' }),
  };
}

const primaryMembership = alias(vehicleMemberships, 'primary_membership');
const primaryUser = alias(users, 'primary_user');

/**
 * A workshop's vehicles by registration number; `q` is a prefix of the plate, the VIN or the
 * primary user's name.
 */
export async function listWorkshopVehicles(
  db: Database,
  workshopId: string,
  input: { q?: string | undefined; cursor?: string | undefined },
) {
  const pattern = prefixPattern(input.q);
  const after = decodeCursor(input.cursor);
  const plate = sql<string>`lower(${vehicles.registrationNumber})`;
  const rows = await db
    .select({
      id: vehicles.id,
      vin: vehicles.vin,
      registrationNumber: vehicles.registrationNumber,
      make: vehicles.make,
      model: vehicles.model,
      primaryId: primaryUser.id,
      primaryName: primaryUser.name,
      userCount: sql<number>`(select count(*)::int from ${vehicleMemberships} where ${vehicleMemberships.vehicleId} = ${vehicles.id})`,
      sortKey: plate,
    })
    .from(vehicles)
    .leftJoin(
      primaryMembership,
      and(eq(primaryMembership.vehicleId, vehicles.id), eq(primaryMembership.role, 'primary')),
    )
    .leftJoin(primaryUser, eq(primaryUser.id, primaryMembership.userId))
    .where(
      and(
        eq(vehicles.workshopId, workshopId),
        pattern
          ? or(
              like(plate, pattern),
              like(sql`lower(${vehicles.vin})`, pattern),
              like(sql`lower(${primaryUser.name})`, pattern),
            )
          : undefined,
        after ? sql`(${plate}, ${vehicles.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(plate, asc(vehicles.id))
    .limit(PAGE_SIZE + 1);
  const page = paginate(rows, PAGE_SIZE, (row) => row.sortKey);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      vin: row.vin,
      registrationNumber: row.registrationNumber,
      make: row.make,
      model: row.model,
      primaryUser: row.primaryId && row.primaryName ? { id: row.primaryId, name: row.primaryName } : null,
      userCount: row.userCount,
    })),
    nextCursor: page.nextCursor,
  };
}
