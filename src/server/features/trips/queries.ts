import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Database, rowsOf } from '../../db/client.ts';
import { tripAssignees, trips, users } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { decodeTimeCursor, paginate } from '../../lib/search.ts';
import type { Actor } from '../../policy/actor.ts';
import { canOnVehicle } from '../../policy/rules/vehicle.ts';
import type { MemberVehicle } from '../vehicle-users/member-vehicle.ts';

const PAGE_SIZE = 20;
/** A route drawn on a phone needs no more points than this; longer trips are thinned evenly. */
const MAX_ROUTE_POINTS = 1000;

type TripRow = typeof trips.$inferSelect;
const assigner = alias(users, 'assigner');

async function assigneesOf(db: Database, tripIds: string[]) {
  if (tripIds.length === 0) return new Map<string, Assignee[]>();
  const rows = await db
    .select({
      tripId: tripAssignees.tripId,
      userId: tripAssignees.userId,
      name: users.name,
      assignedAt: tripAssignees.assignedAt,
      assignedById: assigner.id,
      assignedByName: assigner.name,
    })
    .from(tripAssignees)
    .innerJoin(users, eq(users.id, tripAssignees.userId))
    .leftJoin(assigner, eq(assigner.id, tripAssignees.assignedByUserId))
    .where(inArray(tripAssignees.tripId, tripIds))
    .orderBy(asc(tripAssignees.assignedAt), asc(users.name));
  const byTrip = new Map<string, Assignee[]>();
  for (const row of rows) {
    const list = byTrip.get(row.tripId) ?? [];
    list.push({
      userId: row.userId,
      name: row.name,
      assignedAt: row.assignedAt,
      assignedBy:
        row.assignedById && row.assignedByName ? { id: row.assignedById, name: row.assignedByName } : null,
    });
    byTrip.set(row.tripId, list);
  }
  return byTrip;
}

export interface Assignee {
  userId: string;
  name: string;
  assignedAt: Date;
  /** Who made the assignment; null when that person's account is gone. */
  assignedBy: { id: string; name: string } | null;
}

/**
 * A trip as this user of the vehicle may see it (SPEC §6): times, duration and distance for all;
 * start and end only when shared, or when limited and the trip is assigned to them. Hidden
 * fields are left out, with `locationHidden` saying why.
 */
function presentTrip(trip: TripRow, assignees: Assignee[], vehicle: MemberVehicle, actor: Actor) {
  const mayLocate = canOnVehicle('vehicle.trips.locations.read', {
    role: vehicle.myRole,
    sharingLevel: vehicle.sharingLevel,
    isAssignee: assignees.some((assignee) => assignee.userId === actor.user.id),
  });
  const summary = {
    id: trip.id,
    startedAt: trip.startedAt,
    endedAt: trip.endedAt,
    durationS: trip.endedAt ? Math.round((trip.endedAt.getTime() - trip.startedAt.getTime()) / 1000) : null,
    distanceKm: Math.round(trip.distanceKm * 100) / 100,
    assignees,
  };
  if (!mayLocate) return { summary: { ...summary, locationHidden: 'limited_sharing' as const }, mayLocate };
  const point = (lat: number | null, lon: number | null) =>
    lat !== null && lon !== null ? { lat, lon } : undefined;
  return {
    summary: { ...summary, start: point(trip.startLat, trip.startLon), end: point(trip.endLat, trip.endLon) },
    mayLocate,
  };
}

/** The vehicle's trips, newest first. */
export async function listTrips(
  db: Database,
  vehicle: MemberVehicle,
  actor: Actor,
  cursor: string | undefined,
) {
  const after = decodeTimeCursor(cursor);
  const rows = await db
    .select()
    .from(trips)
    .where(
      and(
        eq(trips.vehicleId, vehicle.id),
        after
          ? or(lt(trips.startedAt, after.at), and(eq(trips.startedAt, after.at), lt(trips.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(trips.startedAt), desc(trips.id))
    .limit(PAGE_SIZE + 1);
  const page = paginate(rows, PAGE_SIZE, (trip) => trip.startedAt.toISOString());
  const assignees = await assigneesOf(
    db,
    page.items.map((trip) => trip.id),
  );
  return {
    items: page.items.map((trip) => presentTrip(trip, assignees.get(trip.id) ?? [], vehicle, actor).summary),
    nextCursor: page.nextCursor,
  };
}

export async function loadTrip(db: Database, vehicle: MemberVehicle, tripId: string): Promise<TripRow> {
  const [trip] = await db
    .select()
    .from(trips)
    .where(and(eq(trips.id, tripId), eq(trips.vehicleId, vehicle.id)));
  if (!trip) throw notFound();
  return trip;
}

/** One trip with its route (the positions in time order), where the reader may see it. */
export async function tripDetails(
  db: Database,
  vehicle: MemberVehicle,
  actor: Actor,
  tripId: string,
  options = { withRoute: true },
) {
  const trip = await loadTrip(db, vehicle, tripId);
  const assignees = (await assigneesOf(db, [trip.id])).get(trip.id) ?? [];
  const { summary, mayLocate } = presentTrip(trip, assignees, vehicle, actor);
  if (!mayLocate || !options.withRoute) return summary;
  const result = await db.execute(sql`
    select lat, lon, ts from (
      select e.lat, e.lon, e.ts, row_number() over (order by e.ts, e.event_id) as n, count(*) over () as total
      from telemetry_events e
      where e.vehicle_id = ${vehicle.id} and e.type = 'position'
        and e.ts >= ${trip.startedAt.toISOString()}::timestamptz
        and e.ts <= coalesce(${trip.endedAt?.toISOString() ?? null}::timestamptz, 'infinity')
    ) p
    where total <= ${MAX_ROUTE_POINTS} or (n - 1) % ceil(total::float8 / ${MAX_ROUTE_POINTS})::int = 0 or n = total
    order by n`);
  const points = rowsOf<{ lat: number; lon: number; ts: Date | string }>(result);
  return {
    ...summary,
    route: points.map((point) => ({ lat: point.lat, lon: point.lon, at: new Date(point.ts) })),
  };
}
