import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';
import { refreshTrips, type TouchedSpan } from '../trips/detect-trips.ts';
import { implausibility } from './plausibility.ts';
import type { RejectionReason, TelemetryEvent } from './schemas.ts';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { id: string; reason: RejectionReason }[];
}

/**
 * Stores a device's batch in one statement: implausible events are refused with a reason, events
 * already stored (re-sent, or twice in the batch) are skipped by the primary key. Late and
 * out-of-order events are stored like any other; status and trips are read by event time.
 */
export async function ingestTelemetry(
  db: Database,
  vehicleId: string,
  events: readonly TelemetryEvent[],
  now: Date,
): Promise<IngestResult> {
  const rejected: IngestResult['rejected'] = [];
  const plausible: TelemetryEvent[] = [];
  for (const event of events) {
    const reason = implausibility(event, now);
    if (reason) rejected.push({ id: event.id, reason });
    else plausible.push(event);
  }
  if (plausible.length === 0) return { accepted: 0, duplicates: 0, rejected };

  const result = await db.execute(sql`
    with added as (
      insert into telemetry_events
        (vehicle_id, event_id, type, ts, received_at, lat, lon, speed_kmh, heading, is_on, km, percent, code, description)
      select ${vehicleId}::uuid, e.id, e.type::telemetry_type, e.ts, ${now.toISOString()}::timestamptz,
             e.lat, e.lon, e."speedKmh", e.heading, e."on", e.km, e.percent, e.code, e.description
      from json_to_recordset(${JSON.stringify(plausible)}::json) as e(
        id text, type text, ts timestamptz, lat float8, lon float8, "speedKmh" real, heading real,
        "on" boolean, km float8, percent real, code text, description text)
      on conflict (vehicle_id, event_id) do nothing
      returning 1
    )
    select count(*)::int as accepted from added`);
  const [row] = rowsOf<{ accepted: number }>(result);
  const accepted = row?.accepted ?? 0;
  // Re-sent batches refresh too: a batch whose trip refresh failed heals when the device retries.
  await refreshTrips(db, vehicleId, touchedSpan(plausible));
  return { accepted, duplicates: plausible.length - accepted, rejected };
}

function touchedSpan(events: readonly TelemetryEvent[]): TouchedSpan {
  let ignitionFrom: number | undefined;
  let from: number | undefined;
  let to: number | undefined;
  for (const event of events) {
    const at = Date.parse(event.ts);
    if (event.type === 'ignition') ignitionFrom = Math.min(ignitionFrom ?? at, at);
    if (event.type === 'position') {
      from = Math.min(from ?? at, at);
      to = Math.max(to ?? at, at);
    }
  }
  return {
    ignitionFrom: ignitionFrom === undefined ? undefined : new Date(ignitionFrom),
    positions:
      from === undefined || to === undefined ? undefined : { from: new Date(from), to: new Date(to) },
  };
}
