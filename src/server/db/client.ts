import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type every command and query takes, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseSource =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string | undefined; loadDataDir?: Blob };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseSource['kind'];
  /** Applies every pending migration; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database itself, for dumping a migrated image in tests. */
  pglite?: PGlite;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any fixed 64-bit number: every keyfob instance takes the same lock while migrating.
const MIGRATION_LOCK_KEY = 7_203_511_001;

/** Opens the embedded PGlite database or a PostgreSQL pool, as the source says. */
export async function openDatabase(source: DatabaseSource): Promise<DatabaseHandle> {
  if (source.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: source.url, max: source.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
          client.release();
        }
      },
      async ping() {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
    };
  }
  if (source.dataDir) await mkdir(source.dataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: source.dataDir, loadDataDir: source.loadDataDir });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema });
  return {
    db,
    kind: 'embedded',
    pglite,
    migrate: () => migratePglite(db, { migrationsFolder }),
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => pglite.close(),
  };
}
