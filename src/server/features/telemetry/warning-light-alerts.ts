import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';
import { type NoticeContext, notifyVehicleUsers } from '../notifications/notifications.ts';
import type { TelemetryEvent } from './schemas.ts';

interface NewlyOnRow {
  code: string;
  since: Date | string;
  description: string | null;
}

/**
 * Tells every user of the vehicle, in the app and by mail, about each warning light of the batch
 * that is on now and whose episode (the "on" events after the light's last "off") was not told
 * yet (SPEC §7). A late or re-sent "on" of an episode already told, and a light that came on and
 * went off within a backlog, tell nobody. The episode row and the notices commit together, and the
 * row's key makes two batches at once tell once. Returns how many lights were told.
 */
export async function announceWarningLights(
  db: Database,
  vehicleId: string,
  events: readonly TelemetryEvent[],
  context: NoticeContext,
): Promise<number> {
  const codes = [
    ...new Set(events.flatMap((event) => (event.type === 'warning_light' && event.on ? [event.code] : []))),
  ];
  if (codes.length === 0) return 0;
  const codeList = sql.join(
    codes.map((code) => sql`${code}`),
    sql`, `,
  );
  return db.transaction(async (tx) => {
    // The same rule as the status's alarms (LIGHT_EVENT_STILL_ON), with the last "off" kept as
    // the episode's key.
    const result = await tx.execute(sql`
      with last_off as (
        select code, max(ts) as at from telemetry_events
        where vehicle_id = ${vehicleId} and type = 'warning_light' and not is_on and code in (${codeList})
        group by code
      ), on_now as (
        select l.code, coalesce(o.at, '-infinity') as after_off, min(l.ts) as since,
          (array_agg(l.description order by l.ts desc))[1] as description
        from telemetry_events l left join last_off o on o.code = l.code
        where l.vehicle_id = ${vehicleId} and l.type = 'warning_light' and l.is_on and l.code in (${codeList})
          and l.ts > coalesce(o.at, '-infinity')
        group by l.code, o.at
      ), told as (
        insert into warning_light_alerts (vehicle_id, code, after_off, since, created_at)
        select ${vehicleId}, code, after_off, since, ${context.now.toISOString()}::timestamptz from on_now
        on conflict do nothing
        returning code
      )
      select on_now.code, on_now.since, on_now.description from on_now join told using (code)
      order by on_now.since, on_now.code`);
    const lights = rowsOf<NewlyOnRow>(result);
    for (const light of lights) {
      const since = light.since instanceof Date ? light.since : new Date(light.since);
      await notifyVehicleUsers(
        tx,
        vehicleId,
        {
          kind: 'warning_light_on',
          data: { code: light.code, since: since.toISOString(), description: light.description },
        },
        context,
      );
    }
    return lights.length;
  });
}
