import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { fixedClock } from '../lib/clock.ts';
import { loggerOptions } from '../lib/log.ts';
import { RATE_LIMITS, type RateLimits } from '../plugins/rate-limits.ts';
import { openTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** Every log line the app wrote, as JSON text, for tests that read the log. */
  logs: string[];
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  webRoot?: string;
  start?: Date;
  /** Tests share one address, so limits are raised unless a test is about them. */
  rateLimits?: Partial<RateLimits>;
}

const RAISED_RATE_LIMITS = Object.fromEntries(
  Object.entries(RATE_LIMITS).map(([name, limit]) => [name, { ...limit, max: limit.max * 1000 }]),
) as RateLimits;

/** Builds the real app on this file's own database, with a clock that moves only when told. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    DEMO: 'off',
    PUBLIC_URL: 'http://keyfob.test',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const database = await openTestDatabase();
  const clock = fixedClock(options.start ?? new Date('2026-03-01T09:00:00Z'));
  const logs: string[] = [];
  const app = await buildApp({
    config,
    database,
    clock,
    webRoot: options.webRoot,
    rateLimits: options.rateLimits ?? RAISED_RATE_LIMITS,
    logger: loggerOptions('info', { write: (line: string) => logs.push(line) }),
  });
  return { app, database, clock, config, logs };
}

/**
 * Starts one app for the whole test file and closes it (dropping its database) at the end.
 * Read the fields inside tests, not at module load: they exist once `beforeAll` has run.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    Object.assign(holder, await startTestApp(options));
  }, 60_000);
  afterAll(async () => {
    await holder.app?.close();
    await holder.database?.close();
  });
  return holder;
}

/**
 * Another keyfob instance on the same PostgreSQL database, as behind a load balancer: its own
 * pool, caches and change feed. Close it with `close()`; the database stays.
 */
export async function startSecondInstance(
  first: TestApp,
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  if (!first.database.url) throw new Error('a second instance needs PostgreSQL');
  const database = await openDatabase({ kind: 'postgres', url: first.database.url, poolSize: 5 });
  const app = await buildApp({
    config: first.config,
    database,
    clock: first.clock,
    rateLimits: RAISED_RATE_LIMITS,
    logger: false,
  });
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
