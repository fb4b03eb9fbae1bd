import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Scope } from './scope.ts';

export interface ScratchDatabase {
  name: string;
  /** Connection string for the new database: the admin URL with its database swapped. */
  url: string;
}

/**
 * Creates an empty PostgreSQL database named `keyfob_bench_<random hex>` next to `adminUrl`'s
 * database; the scope drops it (`WITH (FORCE)`, so a server still connected cannot keep it alive).
 */
export async function createScratchDatabase(scope: Scope, adminUrl: string): Promise<ScratchDatabase> {
  // Only [a-z0-9_], so the quoted name below needs no escaping.
  const name = `keyfob_bench_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  const admin = await connect(adminUrl);
  try {
    const creation = admin.query(`CREATE DATABASE "${name}"`);
    // Registered before awaiting: an interrupt during CREATE must still drop it, after it lands.
    scope.defer(`scratch database ${name}`, async () => {
      await creation.catch(() => {});
      await dropDatabase(adminUrl, name);
    });
    await creation;
  } finally {
    await admin.end();
  }
  return { name, url: url.toString() };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await connect(adminUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // Failed queries reject on their own; without a listener a dropped connection would crash the run.
  client.on('error', () => {});
  await client.connect();
  return client;
}
