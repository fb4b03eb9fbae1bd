import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';
import { LIGHT_EVENT_STILL_ON } from './vehicle-status.ts';

interface AlarmRow {
  vehicle_id: string;
  registration_number: string;
  make: string;
  model: string;
  code: string;
  since: Date | string;
  description: string | null;
}

/**
 * Every warning light on now across a workshop's vehicles, the most recent first (SPEC §7: the
 * workshop's alarms view), by the same rule as a vehicle's status.
 */
export async function listWorkshopAlarms(db: Database, workshopId: string) {
  const result = await db.execute(sql`
    select v.id as vehicle_id, v.registration_number, v.make, v.model, l.code, min(l.ts) as since,
      (array_agg(l.description order by l.ts desc))[1] as description
    from vehicles v
    join telemetry_events l on l.vehicle_id = v.id and ${LIGHT_EVENT_STILL_ON}
    where v.workshop_id = ${workshopId}
    group by v.id, v.registration_number, v.make, v.model, l.code
    order by since desc, v.registration_number, l.code
    limit 500`);
  const rows = rowsOf<AlarmRow>(result);
  return {
    items: rows.map((row) => ({
      vehicle: {
        id: row.vehicle_id,
        registrationNumber: row.registration_number,
        make: row.make,
        model: row.model,
      },
      code: row.code,
      since: row.since instanceof Date ? row.since : new Date(row.since),
      description: row.description ?? undefined,
    })),
    nextCursor: null,
  };
}
