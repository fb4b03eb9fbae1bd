import { randomBytes } from 'node:crypto';
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
  /**
   * The `application_name` of this handle's connections: a trigger can name it in a notification,
   * so an instance knows which changes it made itself.
   */
  origin: string;
  /** Applies every pending migration; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database itself, for dumping a migrated image in tests. */
  pglite?: PGlite;
  /** Receives the notifications sent on a channel (LISTEN), from this instance and every other. */
  listen(channel: string, handlers: ChannelHandlers): Promise<ChannelListener>;
}

export interface ChannelHandlers {
  message(payload: string): void;
  /** Listening stopped (false: notifications may be missed from now on) or started again (true). */
  connection(isListening: boolean): void;
}

export interface ChannelListener {
  readonly isListening: boolean;
  close(): Promise<void>;
}

const RELISTEN_AFTER_MS = 1000;

/**
 * LISTEN needs a connection of its own that stays open. When it breaks, the handlers hear so at
 * once, and it reconnects every second until it listens again.
 */
async function listenOnPostgres(url: string, channel: string, handlers: ChannelHandlers) {
  let current: pg.Client | undefined;
  let isListening = false;
  let isClosed = false;
  let retry: NodeJS.Timeout | undefined;

  const setListening = (value: boolean) => {
    if (isListening === value) return;
    isListening = value;
    handlers.connection(value);
  };
  const lose = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    setListening(false);
    client.end().catch(() => {});
    if (!isClosed) retry = setTimeout(connect, RELISTEN_AFTER_MS);
  };
  async function connect() {
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.message(message.payload ?? '');
    });
    client.on('error', () => lose(client));
    client.on('end', () => lose(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (current === client) setListening(true);
    } catch {
      lose(client);
    }
  }
  await connect();
  return {
    get isListening() {
      return isListening;
    },
    async close() {
      isClosed = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      isListening = false;
      await client?.end().catch(() => {});
    },
  };
}

/** The rows of a raw `db.execute(sql…)`: both drivers answer `{ rows }`, typed differently. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

/** Unique per opened handle, and safe to quote: `keyfob-` and 12 hex digits. */
function newOrigin(): string {
  return `keyfob-${randomBytes(6).toString('hex')}`;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any fixed 64-bit number: every keyfob instance takes the same lock while migrating.
const MIGRATION_LOCK_KEY = 7_203_511_001;

/** Opens the embedded PGlite database or a PostgreSQL pool, as the source says. */
export async function openDatabase(source: DatabaseSource): Promise<DatabaseHandle> {
  if (source.kind === 'postgres') {
    const origin = newOrigin();
    const pool = new pg.Pool({
      connectionString: source.url,
      max: source.poolSize ?? 10,
      application_name: origin,
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      origin,
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
      listen: (channel, handlers) => listenOnPostgres(source.url, channel, handlers),
      close: () => pool.end(),
    };
  }
  if (source.dataDir) await mkdir(source.dataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: source.dataDir, loadDataDir: source.loadDataDir });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema });
  const origin = newOrigin();
  await pglite.exec(`set application_name = '${origin}'`);
  return {
    db,
    kind: 'embedded',
    origin,
    pglite,
    migrate: () => migratePglite(db, { migrationsFolder }),
    async ping() {
      await db.execute(sql`select 1`);
    },
    // One connection in process: a notification arrives before the committing query resolves.
    async listen(channel, handlers) {
      const unlisten = await pglite.listen(channel, handlers.message);
      let isListening = true;
      return {
        get isListening() {
          return isListening;
        },
        async close() {
          isListening = false;
          if (!pglite.closed) await unlisten();
        },
      };
    },
    close: () => pglite.close(),
  };
}
