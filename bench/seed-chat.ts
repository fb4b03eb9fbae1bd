import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashToken, isWellFormedToken } from '../src/server/lib/tokens.ts';

/** One workshop staff member with a session: a chat participant of every vehicle of the workshop. */
export interface SeededStaff {
  userId: string;
  name: string;
  /** A 43-character session token; the database holds only its SHA-256. */
  token: string;
}

/** How long an idle session lives, and how often use slides it (as in seed-vehicles.ts). */
const SESSION_IDLE = "interval '7 days'";
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/**
 * Adds `count` staff members (service advisors and technicians, who may all chat) to the one
 * workshop `seedVehicles` made, each with a session, in one set-based transaction with triggers
 * off (nothing is cached about people who did not exist). Tokens are derived in SQL from a secret
 * of this run, like seed-vehicles.ts; sessions were last seen over the past 5 minutes, so keyfob
 * slides their idle expiry at a steady rate. Returns the staff as the database holds them.
 */
export async function seedWorkshopStaff(databaseUrl: string, count: number): Promise<SeededStaff[]> {
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
    const [workshop] = workshops;
    if (!workshop || workshops.length !== 1) {
      throw new Error(`seed: expected the one seeded workshop, found ${workshops.length}`);
    }
    await client.query(
      `CREATE TEMP TABLE seed_staff ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS user_id,
              translate(rtrim(encode(sha256(convert_to($1::text || ':staff:' || n, 'UTF8')), 'base64'), '='),
                        '+/', '-_') AS token
       FROM generate_series(1, $2::int) AS n`,
      [secret, count],
    );
    await client.query(
      `INSERT INTO users (id, email, name, language, status, created_at)
       SELECT user_id, 'staff.' || n || '@bench-autovaerksted.dk',
              (ARRAY['Karin', 'Bo', 'Ulla', 'Henrik', 'Lene', 'Torben', 'Pernille'])[1 + n % 7] || ' ' ||
              (ARRAY['Mikkelsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen'])[1 + n % 5],
              'da', 'active', now() - interval '200 days'
       FROM seed_staff ORDER BY user_id`,
    );
    await client.query(
      `INSERT INTO staff_memberships (id, user_id, organization_id, roles, created_at)
       SELECT gen_random_uuid(), user_id, $1::uuid,
              (CASE WHEN n % 3 = 0 THEN ARRAY['technician'] ELSE ARRAY['service_advisor'] END)::staff_role[],
              now() - interval '200 days'
       FROM seed_staff`,
      [workshop.id],
    );
    await client.query(
      `INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, expires_at)
       SELECT gen_random_uuid(), user_id, encode(sha256(convert_to(token, 'UTF8')), 'hex'),
              now() - interval '2 hours', s.last_seen_at, s.last_seen_at + ${SESSION_IDLE},
              now() + interval '20 days'
       FROM seed_staff
       CROSS JOIN LATERAL (
         SELECT now() - ((hashint4(n + 13)::bigint + 2147483648) % ${TOUCH_EVERY_MS})
                        * interval '1 millisecond' AS last_seen_at
       ) AS s`,
    );
    const { rows } = await client.query<{ user_id: string; name: string; token: string }>(
      `SELECT s.user_id, u.name, s.token
       FROM seed_staff AS s
       JOIN users AS u ON u.id = s.user_id
       JOIN staff_memberships AS m ON m.user_id = s.user_id AND m.organization_id = $1::uuid
       JOIN sessions AS k ON k.user_id = s.user_id AND k.token_hash = encode(sha256(convert_to(s.token, 'UTF8')), 'hex')
       ORDER BY s.n`,
      [workshop.id],
    );
    await client.query('COMMIT');
    if (rows.length !== count) throw new Error(`seed: ${rows.length} of ${count} staff members hold a session`);
    const [first] = rows;
    if (first && (!isWellFormedToken(first.token) || hashToken(first.token).length !== 64)) {
      throw new Error(`seed: malformed staff token ${first.token}`);
    }
    return rows.map((row) => ({ userId: row.user_id, name: row.name, token: row.token }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
