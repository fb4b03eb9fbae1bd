import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { hashToken, isWellFormedToken } from '../src/server/lib/tokens.ts';

/**
 * Secondary users per vehicle, by hash bucket out of 100: most cars have one driver or a couple,
 * a few are family cars with several. 1.13 secondaries per vehicle on average, 2.13 users.
 */
const SECONDARY_BUCKETS = [
  { below: 40, secondaries: 0 },
  { below: 70, secondaries: 1 },
  { below: 85, secondaries: 2 },
  { below: 94, secondaries: 3 },
  { below: 98, secondaries: 4 },
  { below: 100, secondaries: 5 },
] as const;
/** One vehicle in four at sharing level `limited` (chosen); of the rest, half chose `shared` explicitly. */
const LIMITED_EVERY = 4;
/** How long an idle session lives (SESSION_IDLE_MS) and how often a read slides it (TOUCH_EVERY_MS). */
const SESSION_IDLE = "interval '7 days'";
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** One (vehicle, one of its users) pair: a request the driver app may make, with what it must answer. */
export interface VehicleUserPair {
  vehicleId: string;
  /** A 43-character session token of this user; the database holds only its SHA-256. */
  token: string;
  role: 'primary' | 'secondary';
  registrationNumber: string;
  make: string;
  model: string;
  year: number | null;
  fuelType: string | null;
  sharingLevel: 'shared' | 'limited';
  isSharingChosen: boolean;
  /** The vehicle's seeded telemetry, as the status read must show it. */
  telemetry: {
    position: { lat: number; lon: number; at: string; speedKmh: number };
    odometer: { km: number; at: string };
    /** Battery for electric cars, fuel for the rest. */
    energy: { kind: 'battery' | 'fuel'; percent: number; at: string };
  };
}

/** What the database holds after seeding, counted there rather than taken from what was sent. */
export interface SeededVehicles {
  vehicles: number;
  limitedVehicles: number;
  users: number;
  primaries: number;
  secondaries: number;
  sessions: number;
  /** The most users any one vehicle has (SPEC: a primary and at most 5 secondaries). */
  mostUsersOnAVehicle: number;
  /** Vehicles by their number of secondary users, 0 to 5. */
  vehiclesBySecondaries: number[];
  /** Memberships, sessions and vehicles whose user or vehicle or workshop is missing (must be 0). */
  orphans: number;
  /** Secondary indexes dropped and rebuilt, and valid indexes on the four tables afterwards. */
  rebuiltIndexes: number;
  indexesBefore: number;
  validIndexes: number;
  /** The pairs of every `sampleEvery`-th vehicle, all its users, with their tokens. */
  pairs: VehicleUserPair[];
  seconds: number;
  steps: SeedStep[];
}

export interface SeedStep {
  name: string;
  seconds: number;
}

export interface SeedVehiclesOptions {
  vehicles: number;
  /** Return the pairs of every n-th vehicle (1: all); with a million vehicles, a sample. */
  sampleEvery?: number;
  /** Readings of each kind (position, odometer, fuel or battery) per vehicle, half an hour apart. */
  readingsPerKind?: number;
}

/** The part of `pg.Client` and `PGlite` the seed uses, so one seed serves PostgreSQL and embedded. */
interface SqlSession {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** Seeds a keyfob PostgreSQL database whose schema keyfob has already migrated. */
export async function seedVehicles(
  databaseUrl: string,
  options: SeedVehiclesOptions,
): Promise<SeededVehicles> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Failed queries reject on their own; without a listener a dropped connection would crash the run.
  client.on('error', () => {});
  await client.connect();
  try {
    // Memory for this session's sorts, hashes and temp tables: the index rebuilds and counts of a
    // million vehicles otherwise spill to disk. Before the first temp table, as temp_buffers must be.
    await client.query(`SET work_mem = '128MB'`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET temp_buffers = '256MB'`);
    return await seed(
      { query: <R>(text: string, params?: unknown[]) => client.query<R & pg.QueryResultRow>(text, params) },
      options,
    );
  } finally {
    await client.end();
  }
}

/**
 * Migrates and seeds an embedded (PGlite) data directory, before keyfob opens it: PGlite is one
 * connection in one process, so nothing else can write to it while the server runs.
 */
export async function seedEmbeddedVehicles(
  dataDir: string,
  options: SeedVehiclesOptions,
): Promise<SeededVehicles> {
  const database = await openDatabase({ kind: 'embedded', dataDir });
  try {
    await database.migrate();
    const pglite = database.pglite as PGlite;
    return await seed(
      { query: <R>(text: string, params?: unknown[]) => pglite.query<R>(text, params) },
      options,
    );
  } finally {
    await database.close();
  }
}

/**
 * Seeds one workshop with `vehicles` cars, each with a primary user and 0–5 secondary users, and
 * one session per user, with set-based SQL in one transaction, then ANALYZE.
 *
 * Session tokens are derived in SQL from a secret of this run (`base64url(sha256(secret:n))`, the
 * 43-character shape keyfob issues) and stored, like keyfob does, only as the SHA-256 of the token.
 * Sessions were last seen at times spread over the last 5 minutes, so while the benchmark runs
 * keyfob slides their idle expiry at the steady rate an active population causes (about one
 * session in 300 per second), not all at once, nor never.
 *
 * For speed at a million vehicles: triggers are off while seeding (`session_replication_role =
 * replica`, so the change feed does not announce every insert, and foreign keys are not checked
 * row by row); the secondary indexes of the four tables are dropped and rebuilt from their own
 * definitions (`pg_get_indexdef`) in the same transaction, and rows go in primary-key order.
 * The counts after COMMIT check that every row's user, vehicle and workshop exist.
 */
async function seed(db: SqlSession, options: SeedVehiclesOptions): Promise<SeededVehicles> {
  const started = performance.now();
  const steps: SeedStep[] = [];
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const before = performance.now();
    const result = await run();
    steps.push({ name, seconds: (performance.now() - before) / 1000 });
    return result;
  };
  const secret = randomBytes(16).toString('hex');
  const sampleEvery = options.sampleEvery ?? 1;
  const readings = options.readingsPerKind ?? 6;
  const bucketCase = `CASE ${SECONDARY_BUCKETS.map((b) => `WHEN bucket < ${b.below} THEN ${b.secondaries}`).join(' ')} END`;
  const tokenOf = (n: string) =>
    `translate(rtrim(encode(sha256(convert_to($1::text || ':' || ${n}, 'UTF8')), 'base64'), '='), '+/', '-_')`;

  let indexesBefore = 0;
  await db.query('BEGIN');
  try {
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(
      `INSERT INTO organizations (id, kind, name, created_at)
       VALUES (gen_random_uuid(), 'workshop', 'Bench Autoværksted ApS', now() - interval '400 days')`,
    );
    const [workshop] = (
      await db.query<{ id: string }>(`SELECT id FROM organizations WHERE kind = 'workshop'`)
    ).rows;
    if (!workshop) throw new Error('seed: no workshop');

    await step('plan vehicles and users', async () => {
      await db.query(
        `CREATE TEMP TABLE seed_vehicle ON COMMIT DROP AS
         SELECT v, gen_random_uuid() AS id, ${bucketCase} AS secondaries,
                (h2 % ${LIMITED_EVERY} = 0) AS is_limited,
                (h2 % ${LIMITED_EVERY} = 0 OR h2 % 2 = 1) AS is_chosen, h2
         FROM (
           SELECT v, (hashint4(v)::bigint + 2147483648) % 100 AS bucket,
                  hashint4(v + 1000000007)::bigint + 2147483648 AS h2
           FROM generate_series(1, $1::int) AS v
         ) AS hashed`,
        [options.vehicles],
      );
      await db.query(
        `CREATE TEMP TABLE seed_user ON COMMIT DROP AS
         SELECT u.*, ${tokenOf('u.n')} AS token
         FROM (
           -- A user's series number: unique, in vehicle order, with gaps (no sort of a million rows).
           SELECT sv.v, sv.id AS vehicle_id, k, (sv.v - 1) * 6 + k + 1 AS n, gen_random_uuid() AS user_id
           FROM seed_vehicle AS sv, generate_series(0, sv.secondaries) AS k
         ) AS u`,
        [secret],
      );
    });

    const indexes = await step('drop secondary indexes', async () => {
      // Indexes that back no constraint and that no foreign key leans on: keyfob's CREATE INDEX ones.
      const { rows } = await db.query<{ name: string; definition: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index AS i
         JOIN pg_class AS t ON t.oid = i.indrelid
         WHERE t.relnamespace = 'public'::regnamespace
           AND t.relname IN ('vehicles', 'users', 'vehicle_memberships', 'sessions')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid)
         ORDER BY 1`,
      );
      const { rows: all } = await db.query<{ count: string | number }>(
        `SELECT count(*) AS count FROM pg_index AS i JOIN pg_class AS t ON t.oid = i.indrelid
         WHERE t.relnamespace = 'public'::regnamespace
           AND t.relname IN ('vehicles', 'users', 'vehicle_memberships', 'sessions')`,
      );
      indexesBefore = Number(all[0]?.count);
      for (const index of rows) await db.query(`DROP INDEX ${index.name}`);
      return rows;
    });

    await step('insert vehicles', () =>
      db.query(
        `INSERT INTO vehicles (id, workshop_id, vin, registration_number, make, model, year, fuel_type,
                               sharing_level, sharing_chosen_at, device_token_hash, created_at)
         SELECT sv.id, $1::uuid,
                -- 17 characters, unique: a maker's prefix and the series number.
                m.wmi || lpad(sv.v::text, 14, '0'),
                chr(65 + (sv.h2 % 23)::int) || chr(65 + (sv.h2 / 23 % 23)::int) || ' '
                  || lpad((sv.h2 / 529 % 100)::text, 2, '0') || ' ' || lpad((sv.v % 1000)::text, 3, '0'),
                m.make, m.model, 2010 + (sv.h2 % 16)::int, m.fuel::fuel_type,
                (CASE WHEN sv.is_limited THEN 'limited' ELSE 'shared' END)::sharing_level,
                CASE WHEN sv.is_chosen THEN now() - interval '3 days' - (sv.h2 % 300) * interval '1 day' END,
                encode(sha256(convert_to($2::text || ':device:' || sv.v, 'UTF8')), 'hex'),
                now() - interval '5 days' - (sv.h2 % 300) * interval '1 day'
         FROM seed_vehicle AS sv
         JOIN (VALUES (0, 'YV1', 'Volvo', 'XC40 Recharge', 'electric'), (1, 'WVW', 'Volkswagen', 'Golf', 'petrol'),
                      (2, 'WVW', 'Volkswagen', 'ID.4', 'electric'), (3, '5YJ', 'Tesla', 'Model Y', 'electric'),
                      (4, 'VF3', 'Peugeot', '308', 'diesel'), (5, 'JTD', 'Toyota', 'Yaris', 'hybrid'),
                      (6, 'WF0', 'Ford', 'Transit Custom', 'diesel'), (7, 'KMH', 'Hyundai', 'Kona', 'electric'),
                      (8, 'TMB', 'Škoda', 'Octavia Combi', 'plug_in_hybrid'), (9, 'WBA', 'BMW', '320d', 'diesel'))
           AS m (i, wmi, make, model, fuel) ON m.i = sv.h2 / 7 % 10
         ORDER BY sv.id`,
        [workshop.id, secret],
      ),
    );
    await step('insert users', () =>
      db.query(
        `INSERT INTO users (id, email, name, language, status, created_at)
         SELECT su.user_id,
                lower(f.name) || '.' || lower(l.name) || '.' || su.n || '@example.dk',
                f.name || ' ' || l.name,
                (CASE WHEN su.n % 5 = 0 THEN 'en' ELSE 'da' END)::language, 'active',
                now() - interval '60 days' - (su.n % 500) * interval '1 hour'
         FROM seed_user AS su
         JOIN (VALUES (0, 'Mads'), (1, 'Mette'), (2, 'Anne'), (3, 'Jens'), (4, 'Lars'), (5, 'Sofie'),
                      (6, 'Niels'), (7, 'Hanne'), (8, 'Peter'), (9, 'Ida'), (10, 'Emil'), (11, 'Freja'),
                      (12, 'Oliver'))
           AS f (i, name) ON f.i = (hashint4(su.n::int) & 2147483647) % 13
         -- A household: the users of one vehicle share a last name.
         JOIN (VALUES (0, 'Nielsen'), (1, 'Jensen'), (2, 'Hansen'), (3, 'Pedersen'), (4, 'Andersen'),
                      (5, 'Larsen'), (6, 'Madsen'), (7, 'Holm'), (8, 'Smith'), (9, 'Lund'), (10, 'Dahl'))
           AS l (i, name) ON l.i = (hashint4(su.v::int) & 2147483647) % 11
         ORDER BY su.user_id`,
      ),
    );
    await step('insert vehicle memberships', () =>
      db.query(
        `INSERT INTO vehicle_memberships (id, vehicle_id, user_id, role, created_at)
         SELECT gen_random_uuid() AS id, su.vehicle_id, su.user_id,
                (CASE WHEN su.k = 0 THEN 'primary' ELSE 'secondary' END)::vehicle_role,
                now() - interval '4 days' - su.k * interval '6 hours'
         FROM seed_user AS su
         ORDER BY 1`,
      ),
    );
    // Telemetry present: a few hours of readings per car, the latest of which the status shows.
    await step('insert telemetry', () =>
      db.query(
        `INSERT INTO telemetry_events (vehicle_id, event_id, type, ts, received_at, lat, lon, speed_kmh, km, percent)
         SELECT v.id, e.type || '-' || r.i, e.type::telemetry_type, r.ts, r.ts,
                CASE WHEN e.type = 'position' THEN 55.2 + (v.h % 9000) / 10000.0 + r.i / 1000.0 END,
                CASE WHEN e.type = 'position' THEN 8.5 + (v.h / 9000 % 40000) / 10000.0 + r.i / 1000.0 END,
                CASE WHEN e.type = 'position' THEN 30 + r.i END,
                CASE WHEN e.type = 'odometer' THEN 5000 + v.h % 200000 + r.i * 12 END,
                CASE WHEN e.type IN ('fuel', 'battery') THEN 95 - r.i * 5 END
         FROM (SELECT id, fuel_type, hashint4(hashtext(id::text))::bigint + 2147483648 AS h FROM vehicles) AS v
         CROSS JOIN LATERAL (
           VALUES ('position'), ('odometer'), (CASE WHEN v.fuel_type = 'electric' THEN 'battery' ELSE 'fuel' END)
         ) AS e (type)
         CROSS JOIN LATERAL (
           SELECT i, date_trunc('second', now()) - ($1::int - i) * interval '30 minutes' AS ts
           FROM generate_series(1, $1::int) AS i
         ) AS r
         ORDER BY 1, 2`,
        [readings],
      ),
    );
    await step('insert sessions', () =>
      db.query(
        `INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, expires_at)
         SELECT gen_random_uuid() AS id, su.user_id, encode(sha256(convert_to(su.token, 'UTF8')), 'hex'),
                now() - (su.n % 20) * interval '1 day' - interval '1 hour', s.last_seen_at,
                s.last_seen_at + ${SESSION_IDLE}, now() - (su.n % 20) * interval '1 day' + interval '29 days'
         FROM seed_user AS su
         CROSS JOIN LATERAL (
           SELECT now() - ((hashint4(su.n::int + 7)::bigint + 2147483648) % ${TOUCH_EVERY_MS})
                          * interval '1 millisecond' AS last_seen_at
         ) AS s
         ORDER BY 1`,
      ),
    );
    await step('rebuild secondary indexes', async () => {
      for (const index of indexes) await db.query(index.definition);
    });
    const { rows: sampled } = await db.query<{
      vehicle_id: string;
      token: string;
      role: 'primary' | 'secondary';
      registration_number: string;
      make: string;
      model: string;
      year: number | null;
      fuel_type: string | null;
      sharing_level: 'shared' | 'limited';
      is_chosen: boolean;
      lat: number;
      lon: number;
      speed_kmh: number;
      km: number;
      percent: number;
      energy_kind: 'battery' | 'fuel';
      at: Date | string;
    }>(
      `SELECT su.vehicle_id, su.token, m.role, v.registration_number, v.make, v.model, v.year, v.fuel_type,
              v.sharing_level, v.sharing_chosen_at IS NOT NULL AS is_chosen,
              p.lat, p.lon, p.speed_kmh, o.km, e.percent, e.type::text AS energy_kind, p.ts AS at
       FROM seed_user AS su
       JOIN vehicles AS v ON v.id = su.vehicle_id
       JOIN vehicle_memberships AS m ON m.vehicle_id = su.vehicle_id AND m.user_id = su.user_id
       JOIN telemetry_events AS p ON p.vehicle_id = v.id AND p.event_id = 'position-' || $2::int
       JOIN telemetry_events AS o ON o.vehicle_id = v.id AND o.event_id = 'odometer-' || $2::int
       JOIN telemetry_events AS e ON e.vehicle_id = v.id AND e.event_id IN ('battery-' || $2::int, 'fuel-' || $2::int)
       WHERE su.v % $1::int = 0
       ORDER BY su.n`,
      [sampleEvery, readings],
    );
    await step('commit', () => db.query('COMMIT'));
    await step('analyze', () => db.query('ANALYZE'));

    const [counts] = await step('count', async () => {
      const { rows } = await db.query<Record<string, string | number>>(
        `SELECT (SELECT count(*) FROM vehicles) AS vehicles,
                (SELECT count(*) FROM vehicles WHERE sharing_level = 'limited') AS limited,
                (SELECT count(*) FROM users) AS users,
                (SELECT count(*) FROM vehicle_memberships WHERE role = 'primary') AS primaries,
                (SELECT count(*) FROM vehicle_memberships WHERE role = 'secondary') AS secondaries,
                (SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > now()
                                                  AND idle_expires_at > now()) AS sessions,
                (SELECT count(*) FROM vehicle_memberships AS m
                   WHERE NOT EXISTS (SELECT 1 FROM users AS u WHERE u.id = m.user_id)
                      OR NOT EXISTS (SELECT 1 FROM vehicles AS v WHERE v.id = m.vehicle_id))
                + (SELECT count(*) FROM sessions AS s
                   WHERE NOT EXISTS (SELECT 1 FROM users AS u WHERE u.id = s.user_id))
                + (SELECT count(*) FROM vehicles AS v
                   WHERE NOT EXISTS (SELECT 1 FROM organizations AS o WHERE o.id = v.workshop_id)) AS orphans,
                (SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                   WHERE t.relnamespace = 'public'::regnamespace
                     AND t.relname IN ('vehicles', 'users', 'vehicle_memberships', 'sessions')
                     AND i.indisvalid) AS indexes`,
      );
      return rows;
    });
    if (counts === undefined) throw new Error('seed: the count query returned no row');
    // Users per vehicle, from the memberships themselves (a vehicle with 7 would show as 6 secondaries).
    const { rows: histogram } = await step('count users per vehicle', async () => {
      const result = await db.query<{ secondaries: number; vehicles: string | number }>(
        `SELECT secondaries::int AS secondaries, count(*) AS vehicles
         FROM (SELECT count(*) - 1 AS secondaries FROM vehicle_memberships GROUP BY vehicle_id) AS per
         GROUP BY secondaries ORDER BY secondaries`,
      );
      return result;
    });
    const vehiclesBySecondaries = [0, 0, 0, 0, 0, 0];
    let mostUsersOnAVehicle = 0;
    for (const row of histogram) {
      mostUsersOnAVehicle = Math.max(mostUsersOnAVehicle, row.secondaries + 1);
      if (row.secondaries >= 0 && row.secondaries <= 5)
        vehiclesBySecondaries[row.secondaries] = Number(row.vehicles);
    }

    const pairs = sampled.map(
      (row): VehicleUserPair => ({
        vehicleId: row.vehicle_id,
        token: row.token,
        role: row.role,
        registrationNumber: row.registration_number,
        make: row.make,
        model: row.model,
        year: row.year,
        fuelType: row.fuel_type,
        sharingLevel: row.sharing_level,
        isSharingChosen: row.is_chosen,
        telemetry: (() => {
          const at = new Date(row.at).toISOString();
          return {
            position: { lat: row.lat, lon: row.lon, at, speedKmh: row.speed_kmh },
            odometer: { km: row.km, at },
            energy: { kind: row.energy_kind, percent: row.percent, at },
          };
        })(),
      }),
    );
    // keyfob must be able to read these tokens back: the shape it accepts, hashed as it hashes.
    const [first] = pairs;
    if (first && !isWellFormedToken(first.token)) throw new Error(`seed: malformed token ${first.token}`);
    if (first) {
      const { rows: found } = await db.query<{ count: string | number }>(
        'SELECT count(*) AS count FROM sessions WHERE token_hash = $1',
        [hashToken(first.token)],
      );
      if (Number(found[0]?.count) !== 1) throw new Error("seed: a token's hash is not in sessions");
    }
    return {
      vehicles: Number(counts.vehicles),
      limitedVehicles: Number(counts.limited),
      users: Number(counts.users),
      primaries: Number(counts.primaries),
      secondaries: Number(counts.secondaries),
      sessions: Number(counts.sessions),
      mostUsersOnAVehicle,
      vehiclesBySecondaries,
      orphans: Number(counts.orphans),
      rebuiltIndexes: indexes.length,
      indexesBefore,
      validIndexes: Number(counts.indexes),
      pairs,
      seconds: (performance.now() - started) / 1000,
      steps,
    };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Throws unless the database holds exactly what `vehicles` cars should bring. */
export function checkSeeded(seeded: SeededVehicles, vehicles: number): void {
  const problems = [
    seeded.vehicles !== vehicles ? `${seeded.vehicles} vehicles, not ${vehicles}` : '',
    seeded.primaries !== vehicles ? `${seeded.primaries} primary users, not one per vehicle` : '',
    seeded.users !== seeded.primaries + seeded.secondaries
      ? `${seeded.users} users for ${seeded.primaries + seeded.secondaries} memberships`
      : '',
    seeded.sessions !== seeded.users ? `${seeded.sessions} live sessions for ${seeded.users} users` : '',
    seeded.mostUsersOnAVehicle > 6 ? `a vehicle with ${seeded.mostUsersOnAVehicle} users` : '',
    seeded.orphans !== 0 ? `${seeded.orphans} rows pointing at nothing` : '',
    seeded.validIndexes !== seeded.indexesBefore
      ? `${seeded.validIndexes} valid indexes where ${seeded.indexesBefore} were before seeding`
      : '',
    seeded.limitedVehicles === 0 || seeded.limitedVehicles === vehicles ? 'only one sharing level' : '',
  ].filter((problem) => problem !== '');
  if (problems.length > 0) throw new Error(`seed: the database holds ${problems.join(', ')}`);
}

/** `10000 vehicles (2,500 limited), 21,300 users (…)`: for the log. */
export function describeSeeded(seeded: SeededVehicles): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `${n(seeded.vehicles)} vehicles (${n(seeded.limitedVehicles)} at sharing level limited), ` +
    `${n(seeded.users)} users (${n(seeded.primaries)} primary, ${n(seeded.secondaries)} secondary), ` +
    `${n(seeded.sessions)} live sessions; vehicles with 0–5 secondary users: ` +
    `${seeded.vehiclesBySecondaries.map(n).join(' / ')}; counted in the database; ` +
    `seeded in ${seeded.seconds.toFixed(1)} s (${seeded.steps.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ')})`
  );
}
