import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { isWellFormedToken } from '../src/server/lib/tokens.ts';

/** One workshop staff member with a session: a chat participant of every vehicle of their workshop. */
export interface SeededStaff {
  userId: string;
  /** A 43-character session token; the database holds only its SHA-256. */
  token: string;
}

/** A workshop added for the chat background, with the vehicles moved to it and its staff. */
export interface BusyWorkshop {
  workshopId: string;
  vehicleIds: string[];
  staff: SeededStaff[];
}

export interface SeededChat {
  /** Staff added to the workshop `seedVehicles` made, which keeps every other vehicle. */
  mainStaff: SeededStaff[];
  busyWorkshops: BusyWorkshop[];
  seconds: number;
}

export interface SeedChatOptions {
  /** Staff members to add to the seeded workshop. */
  mainStaff: number;
  /** Workshops to add, each taking `vehiclesPerBusyWorkshop` seeded vehicles and getting its own staff. */
  busyWorkshops: number;
  vehiclesPerBusyWorkshop: number;
  staffPerBusyWorkshop: number;
  /** A vehicle that stays in the seeded workshop (the measured conversation). */
  keepVehicleId: string;
}

/** How long an idle session lives, and how often use slides it (as in seed-vehicles.ts). */
const SESSION_IDLE = "interval '7 days'";
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/**
 * Runs after `seedVehicles`: adds workshop staff (service advisors and technicians, who may all
 * chat) with a session each to the seeded workshop, and adds `busyWorkshops` workshops, moving
 * seeded vehicles to them and giving each its own staff. Set-based SQL in one transaction with
 * triggers off, before keyfob has served anything about these rows. Tokens are derived in SQL from
 * a secret of this run, like seed-vehicles.ts; sessions were last seen over the past 5 minutes, so
 * keyfob slides their idle expiry at a steady rate. What is returned is read back from the database.
 */
export async function seedChat(databaseUrl: string, options: SeedChatOptions): Promise<SeededChat> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  // Failed queries reject on their own; without a listener a dropped connection would crash the run.
  client.on('error', () => {});
  await client.connect();
  const secret = randomBytes(16).toString('hex');
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const { rows: workshops } = await client.query<{ id: string }>(
      `SELECT id FROM organizations WHERE kind = 'workshop'`,
    );
    const [main] = workshops;
    if (!main || workshops.length !== 1) {
      throw new Error(`seed: expected the one seeded workshop, found ${workshops.length}`);
    }
    // Workshop 0 is the seeded one; 1…n are the busy ones, each with its series of vehicles.
    await client.query(
      `CREATE TEMP TABLE seed_workshop AS
       SELECT 0 AS w, $1::uuid AS id
       UNION ALL
       SELECT w, gen_random_uuid() FROM generate_series(1, $2::int) AS w`,
      [main.id, options.busyWorkshops],
    );
    await client.query(
      `INSERT INTO organizations (id, kind, name, created_at)
       SELECT id, 'workshop', 'Bench Værksted ' || w, now() - interval '300 days'
       FROM seed_workshop WHERE w > 0`,
    );
    const { rowCount: moved } = await client.query(
      `UPDATE vehicles AS v SET workshop_id = w.id
       FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM vehicles WHERE id <> $1::uuid
             ORDER BY id LIMIT $2::int) AS picked
       JOIN seed_workshop AS w ON w.w = 1 + picked.i / $3::int
       WHERE v.id = picked.id`,
      [
        options.keepVehicleId,
        options.busyWorkshops * options.vehiclesPerBusyWorkshop,
        options.vehiclesPerBusyWorkshop,
      ],
    );
    if (moved !== options.busyWorkshops * options.vehiclesPerBusyWorkshop) {
      throw new Error(`seed: moved ${moved} vehicles to the busy workshops`);
    }
    await client.query(
      `CREATE TEMP TABLE seed_staff AS
       SELECT w.w, w.id AS workshop_id, n, gen_random_uuid() AS user_id,
              translate(rtrim(encode(sha256(convert_to($1::text || ':staff:' || w.w || ':' || n, 'UTF8')), 'base64'),
                              '='), '+/', '-_') AS token
       FROM seed_workshop AS w,
            generate_series(1, CASE WHEN w.w = 0 THEN $2::int ELSE $3::int END) AS n`,
      [secret, options.mainStaff, options.staffPerBusyWorkshop],
    );
    await client.query(
      `INSERT INTO users (id, email, name, language, status, created_at)
       SELECT user_id, 'staff.' || w || '.' || n || '@bench-vaerksted.dk',
              (ARRAY['Karin', 'Bo', 'Ulla', 'Henrik', 'Lene', 'Torben', 'Pernille'])[1 + n % 7] || ' ' ||
              (ARRAY['Mikkelsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen'])[1 + (n + w) % 5],
              'da', 'active', now() - interval '200 days'
       FROM seed_staff ORDER BY user_id`,
    );
    await client.query(
      `INSERT INTO staff_memberships (id, user_id, organization_id, roles, created_at)
       SELECT gen_random_uuid(), user_id, workshop_id,
              (CASE WHEN n % 3 = 0 THEN ARRAY['technician'] ELSE ARRAY['service_advisor'] END)::staff_role[],
              now() - interval '200 days'
       FROM seed_staff`,
    );
    await client.query(
      `INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, expires_at)
       SELECT gen_random_uuid(), user_id, encode(sha256(convert_to(token, 'UTF8')), 'hex'),
              now() - interval '2 hours', s.last_seen_at, s.last_seen_at + ${SESSION_IDLE},
              now() + interval '20 days'
       FROM seed_staff
       CROSS JOIN LATERAL (
         SELECT now() - ((hashint4(w * 100000 + n)::bigint + 2147483648) % ${TOUCH_EVERY_MS})
                        * interval '1 millisecond' AS last_seen_at
       ) AS s`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    // Write the seeded pages out now, so the checkpoint they would cause does not land in a round.
    await client.query('CHECKPOINT');

    // Read back: a staff member counts only if their user, membership and session all landed.
    const { rows } = await client.query<{ w: number; user_id: string; token: string; workshop_id: string }>(
      `SELECT s.w, s.user_id, s.token, m.organization_id AS workshop_id
       FROM seed_staff AS s
       JOIN users AS u ON u.id = s.user_id AND u.status = 'active'
       JOIN staff_memberships AS m ON m.user_id = s.user_id
       JOIN sessions AS k ON k.user_id = s.user_id
         AND k.token_hash = encode(sha256(convert_to(s.token, 'UTF8')), 'hex')
       ORDER BY s.w, s.n`,
    );
    const { rows: vehicles } = await client.query<{ w: number; id: string; workshop_id: string }>(
      `SELECT w.w, v.id, v.workshop_id FROM vehicles AS v JOIN seed_workshop AS w ON w.id = v.workshop_id
       WHERE w.w > 0 ORDER BY w.w, v.id`,
    );
    await client.query('DROP TABLE seed_staff, seed_workshop');
    const staffOf = (w: number) =>
      rows.filter((row) => row.w === w).map((row) => ({ userId: row.user_id, token: row.token }));
    const mainStaff = staffOf(0);
    const busyWorkshops = Array.from({ length: options.busyWorkshops }, (_, i) => {
      const w = i + 1;
      const ofWorkshop = vehicles.filter((vehicle) => vehicle.w === w);
      return {
        workshopId: ofWorkshop[0]?.workshop_id ?? '',
        vehicleIds: ofWorkshop.map((vehicle) => vehicle.id),
        staff: staffOf(w),
      };
    });
    const problems = [
      mainStaff.length !== options.mainStaff ? `${mainStaff.length} staff in the seeded workshop` : '',
      ...busyWorkshops.map((workshop, i) =>
        workshop.vehicleIds.length !== options.vehiclesPerBusyWorkshop ||
        workshop.staff.length !== options.staffPerBusyWorkshop
          ? `busy workshop ${i + 1} with ${workshop.vehicleIds.length} vehicles and ${workshop.staff.length} staff`
          : '',
      ),
      rows.some((row) => !isWellFormedToken(row.token)) ? 'a malformed staff token' : '',
    ].filter((problem) => problem !== '');
    if (problems.length > 0) throw new Error(`seed: the database holds ${problems.join(', ')}`);
    return { mainStaff, busyWorkshops, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
