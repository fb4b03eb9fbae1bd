import { sql } from 'drizzle-orm';
import type { ChangeFeed } from '../../db/change-feed.ts';
import { type Database, rowsOf } from '../../db/client.ts';
import { LiveCache } from '../../lib/live-cache.ts';

export interface Position {
  lat: number;
  lon: number;
  at: Date;
  speedKmh?: number;
  heading?: number;
}

/** The latest value of each kind of event, and the warning lights now on (SPEC §8). */
export interface VehicleStatus {
  position?: Position;
  ignition?: { on: boolean; at: Date };
  odometer?: { km: number; at: Date };
  fuel?: { percent: number; at: Date };
  battery?: { percent: number; at: Date };
  alarms: { code: string; since: Date; description?: string }[];
}

interface LatestRow {
  type: string;
  ts: Date | string;
  lat: number | null;
  lon: number | null;
  speed_kmh: number | null;
  heading: number | null;
  is_on: boolean | null;
  km: number | null;
  percent: number | null;
}

interface AlarmRow {
  code: string;
  since: Date | string;
  description: string | null;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const present = <T>(value: T | null): T | undefined => value ?? undefined;

/**
 * A warning-light event `l` that is part of the light being on now: an "on" after the light's
 * last "off". The light is on since the earliest such event (SPEC §8, active alarms).
 */
export const LIGHT_EVENT_STILL_ON = sql`l.type = 'warning_light' and l.is_on
  and l.ts > coalesce((
    select max(o.ts) from telemetry_events o
    where o.vehicle_id = l.vehicle_id and o.type = 'warning_light' and o.code = l.code and not o.is_on
  ), '-infinity')`;

/** One index probe per kind: the newest event by event time, however late it arrived. */
function latestOf(vehicleId: string, type: string) {
  return sql`(select type::text, ts, lat, lon, speed_kmh, heading, is_on, km, percent
    from telemetry_events where vehicle_id = ${vehicleId} and type = ${type}::telemetry_type
    order by ts desc, event_id desc limit 1)`;
}

export async function readVehicleStatus(db: Database, vehicleId: string): Promise<VehicleStatus> {
  const kinds = ['position', 'ignition', 'odometer', 'fuel', 'battery'].map((type) =>
    latestOf(vehicleId, type),
  );
  const [latest, alarms] = await Promise.all([
    db.execute(sql.join(kinds, sql` union all `)),
    // A light is on when an "on" came after its last "off"; it is on since the first such "on".
    db.execute(sql`
      select l.code, min(l.ts) as since, (array_agg(l.description order by l.ts desc))[1] as description
      from telemetry_events l
      where l.vehicle_id = ${vehicleId} and ${LIGHT_EVENT_STILL_ON}
      group by l.code
      order by since, l.code`),
  ]);
  const status: VehicleStatus = { alarms: [] };
  for (const row of rowsOf<LatestRow>(latest)) {
    const at = asDate(row.ts);
    if (row.type === 'position' && row.lat !== null && row.lon !== null) {
      status.position = {
        lat: row.lat,
        lon: row.lon,
        at,
        speedKmh: present(row.speed_kmh),
        heading: present(row.heading),
      };
    } else if (row.type === 'ignition' && row.is_on !== null) status.ignition = { on: row.is_on, at };
    else if (row.type === 'odometer' && row.km !== null) status.odometer = { km: row.km, at };
    else if ((row.type === 'fuel' || row.type === 'battery') && row.percent !== null)
      status[row.type] = { percent: row.percent, at };
  }
  status.alarms = rowsOf<AlarmRow>(alarms).map((row) => ({
    code: row.code,
    since: asDate(row.since),
    description: present(row.description),
  }));
  return status;
}

/**
 * Vehicle status kept in process until new telemetry for the vehicle arrives (the statement
 * trigger of migration 0007 announces it): the status screen reads it with no round trip.
 */
export class VehicleStatusReader {
  readonly #cache: LiveCache<string, VehicleStatus & { vehicleId: string }>;

  constructor(
    private readonly db: Database,
    feed: ChangeFeed,
    max = 100_000,
  ) {
    this.#cache = new LiveCache(feed, {
      max,
      tagOf: (status) => status.vehicleId,
      dropTagOn: ['telemetry_events', 'vehicles'],
    });
  }

  async read(vehicleId: string): Promise<VehicleStatus> {
    const status = await this.#cache.get(vehicleId, async () => ({
      ...(await readVehicleStatus(this.db, vehicleId)),
      vehicleId,
    }));
    if (!status) throw new Error('a status is always found');
    const { vehicleId: _, ...rest } = status;
    return rest;
  }
}
