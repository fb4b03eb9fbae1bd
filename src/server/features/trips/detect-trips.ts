import { and, asc, desc, eq, gte, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { telemetryEvents, trips } from '../../db/schema/index.ts';

/** The span of a batch's events that may change trips. */
export interface TouchedSpan {
  /** The earliest ignition event of the batch: trips are rederived from there on. */
  ignitionFrom?: Date;
  /** The positions' time span: the trips it overlaps get their distance and ends again. */
  positions?: { from: Date; to: Date };
}

interface Interval {
  startedAt: Date;
  endedAt: Date | null;
}

/** Ignition events in time order -> trips: on starts one (unless in one), off ends it. */
export function tripsFromIgnition(events: readonly { ts: Date; isOn: boolean }[]): Interval[] {
  const found: Interval[] = [];
  let open: Interval | null = null;
  for (const event of events) {
    if (event.isOn && !open) {
      open = { startedAt: event.ts, endedAt: null };
      found.push(open);
    } else if (!event.isOn && open) {
      open.endedAt = event.ts;
      open = null;
    }
  }
  return found;
}

const EARTH_RADIUS_KM = 6371.0088;

/**
 * Brings the vehicle's trips in line with its telemetry after a batch, however late or out of
 * order it came: rederives trips from the last trip that began before the batch's first ignition
 * event, then recomputes distance and ends of every trip the batch touched. One vehicle at a
 * time (an advisory lock), so concurrent batches cannot interleave.
 */
export async function refreshTrips(db: Database, vehicleId: string, touched: TouchedSpan): Promise<void> {
  if (!touched.ignitionFrom && !touched.positions) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`trips:${vehicleId}`}))`);
    const needGeometry = new Set<string>();

    if (touched.ignitionFrom) {
      const [anchor] = await tx
        .select({ startedAt: max(trips.startedAt) })
        .from(trips)
        .where(and(eq(trips.vehicleId, vehicleId), lte(trips.startedAt, touched.ignitionFrom)));
      const from = anchor?.startedAt ?? touched.ignitionFrom;
      const ignition = await tx
        .select({ ts: telemetryEvents.ts, isOn: telemetryEvents.isOn })
        .from(telemetryEvents)
        .where(
          and(
            eq(telemetryEvents.vehicleId, vehicleId),
            eq(telemetryEvents.type, 'ignition'),
            gte(telemetryEvents.ts, from),
          ),
        )
        .orderBy(asc(telemetryEvents.ts), asc(telemetryEvents.eventId));
      const derived = tripsFromIgnition(
        ignition.map((event) => ({ ts: event.ts, isOn: event.isOn === true })),
      );
      const starts = new Set(derived.map((trip) => trip.startedAt.getTime()));
      const existing = await tx
        .select({ id: trips.id, startedAt: trips.startedAt, endedAt: trips.endedAt })
        .from(trips)
        .where(and(eq(trips.vehicleId, vehicleId), gte(trips.startedAt, from)));
      for (const trip of existing) {
        if (!starts.has(trip.startedAt.getTime())) await tx.delete(trips).where(eq(trips.id, trip.id));
      }
      for (const trip of derived) {
        const known = existing.find((row) => row.startedAt.getTime() === trip.startedAt.getTime());
        if (known && known.endedAt?.getTime() === trip.endedAt?.getTime()) continue;
        const [saved] = await tx
          .insert(trips)
          .values({ vehicleId, startedAt: trip.startedAt, endedAt: trip.endedAt })
          .onConflictDoUpdate({ target: [trips.vehicleId, trips.startedAt], set: { endedAt: trip.endedAt } })
          .returning({ id: trips.id });
        if (saved) needGeometry.add(saved.id);
      }
    }

    if (touched.positions) {
      const overlapping = await tx
        .select({ id: trips.id })
        .from(trips)
        .where(
          and(
            eq(trips.vehicleId, vehicleId),
            lte(trips.startedAt, touched.positions.to),
            or(isNull(trips.endedAt), gte(trips.endedAt, touched.positions.from)),
          ),
        )
        .orderBy(desc(trips.startedAt));
      for (const trip of overlapping) needGeometry.add(trip.id);
    }

    for (const tripId of needGeometry) await measureTrip(tx, tripId);
  });
}

/** Distance along the positions (great-circle legs), and the first and last position. */
async function measureTrip(tx: Database, tripId: string): Promise<void> {
  const inTrip = sql`e.vehicle_id = t.vehicle_id and e.type = 'position'
    and e.ts >= t.started_at and e.ts <= coalesce(t.ended_at, 'infinity')`;
  await tx.execute(sql`
    update trips t set
      distance_km = coalesce((
        select sum(2 * ${EARTH_RADIUS_KM}::float8 * asin(sqrt(
          power(sin(radians(p.lat - p.prev_lat) / 2), 2)
          + cos(radians(p.prev_lat)) * cos(radians(p.lat)) * power(sin(radians(p.lon - p.prev_lon) / 2), 2))))
        from (
          select e.lat, e.lon,
            lag(e.lat) over (order by e.ts, e.event_id) as prev_lat,
            lag(e.lon) over (order by e.ts, e.event_id) as prev_lon
          from telemetry_events e where ${inTrip}
        ) p where p.prev_lat is not null), 0),
      start_lat = (select e.lat from telemetry_events e where ${inTrip} order by e.ts, e.event_id limit 1),
      start_lon = (select e.lon from telemetry_events e where ${inTrip} order by e.ts, e.event_id limit 1),
      end_lat = (select e.lat from telemetry_events e where ${inTrip} order by e.ts desc, e.event_id desc limit 1),
      end_lon = (select e.lon from telemetry_events e where ${inTrip} order by e.ts desc, e.event_id desc limit 1)
    where t.id = ${tripId}`);
}
