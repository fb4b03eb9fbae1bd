import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from '../db/scratch.ts';

/**
 * Migrates one template database per run on the server of TEST_DATABASE_URL; every test file
 * gets its own copy of it (CREATE DATABASE ... TEMPLATE), dropped when the file ends.
 */
export async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('the postgres test project needs TEST_DATABASE_URL');
  const template = randomDatabaseName('keyfob_tpl');
  const url = await createDatabase(serverUrl, template);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  project.provide('postgresTemplate', template);
  return async () => {
    await dropDatabase(serverUrl, template);
  };
}
