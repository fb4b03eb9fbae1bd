import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from '../db/scratch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImagePath: string;
    postgresTemplate: string;
  }
}

export type TestDatabaseKind = 'embedded' | 'postgres';

/** A test file's database; on PostgreSQL with its URL, for a second instance on the same data. */
export type TestDatabase = DatabaseHandle & { url?: string };

/** Which database this test project runs on: set per Vitest project in vitest.config.ts. */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.KEYFOB_TEST_DB === 'postgres' ? 'postgres' : 'embedded';
}

/**
 * A migrated database of this test file's own: a copy of the migrated PGlite image, or a
 * random-named PostgreSQL database copied from the run's template. `close` drops it.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'embedded') {
    const image = await readFile(inject('pgliteImagePath'));
    return openDatabase({ kind: 'embedded', dataDir: undefined, loadDataDir: new Blob([image]) });
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = randomDatabaseName('keyfob_test');
  const url = await createDatabase(serverUrl, name, inject('postgresTemplate'));
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 20 });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
