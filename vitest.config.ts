import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const integration = (name: string, kind: 'embedded' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name,
    include: ['src/server/**/*.test.ts'],
    exclude: ['**/*.unit.test.ts'],
    env: { KEYFOB_TEST_DB: kind },
    globalSetup: [`src/server/test/global-setup-${kind === 'embedded' ? 'pglite' : 'postgres'}.ts`],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts'] } },
      integration('integration:pglite', 'embedded'),
      // The same integration tests again on a real PostgreSQL server, when one is named.
      ...(process.env.TEST_DATABASE_URL ? [integration('integration:postgres', 'postgres')] : []),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          env: { KEYFOB_TEST_DB: 'embedded' },
          // Alongside the integration tests (scripts/test.mjs) a long flow took 50 s once.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
