import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';

/**
 * Migrates one in-memory PGlite once per run and saves its data directory as a tarball: every
 * test file then starts from a copy of it instead of migrating again.
 */
export async function setup(project: TestProject) {
  const folder = await mkdtemp(join(tmpdir(), 'keyfob-pglite-'));
  const database = await openDatabase({ kind: 'embedded', dataDir: undefined });
  await database.migrate();
  if (!database.pglite) throw new Error('an embedded database has its PGlite instance');
  const image = await database.pglite.dumpDataDir('none');
  await database.close();
  const imagePath = join(folder, 'migrated.tar');
  await writeFile(imagePath, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImagePath', imagePath);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
