import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Turns `postgres://host/db` into the same server's URL for another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A database name no other run will pick: a prefix and 48 random bits. */
export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database on the server of `serverUrl` (optionally copied from a template) and
 * returns its URL. Names come from `randomDatabaseName`, so they need no quoting beyond this.
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    const from = template ? ` TEMPLATE "${template}"` : '';
    // Several test files copy the same template at once; PostgreSQL refuses a copy while another
    // is starting from it, so try again briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}"${from}`);
        return;
      } catch (error) {
        const isBusy = (error as { code?: string }).code === '55006';
        if (!isBusy || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return withDatabaseName(serverUrl, name);
}

/** Drops a database, closing whatever connections are still open to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
