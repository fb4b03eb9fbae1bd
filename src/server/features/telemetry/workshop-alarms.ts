import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';

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
 * workshop's alarms view). The same rule as a vehicle's status: on since the first "on" after
 * the light's last "off".
 */
export async function listWorkshopAlarms(db: Database, workshopId: string) {
  const result = await db.execute(sql`
    select v.id as vehicle_id, v.registration_number, v.make, v.model, l.code, min(l.ts) as since,
      (array_agg(l.description order by l.ts desc))[1] as description
    from vehicles v
    join telemetry_events l on l.vehicle_id = v.id and l.type = 'warning_light' and l.is_on
    where v.workshop_id = ${workshopId}
      and l.ts > coalesce((
        select max(o.ts) from telemetry_events o
        where o.vehicle_id = l.vehicle_id and o.type = 'warning_light' and o.code = l.code and not o.is_on
      ), '-infinity')
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
