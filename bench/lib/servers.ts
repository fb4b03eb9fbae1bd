import type { ServerSpec } from './server-process.ts';

/** The bare Fastify hello-world (`GET /` → `{"hello":"world"}`), the reference for several figures. */
export function helloWorldServer(): ServerSpec {
  return {
    name: 'hello-world',
    nodeArgs: ['--import', 'tsx', 'bench/reference/hello-world.ts'],
    readyPath: '/',
  };
}

export type KeyfobDatabase = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

/**
 * keyfob itself, exactly as `npm start` runs it minus the web build check. Variables that would
 * change what is measured are blanked (keyfob reads an empty variable as unset), so a developer's
 * shell cannot leak SMTP, a bootstrap admin or another database into the run.
 */
export function keyfobServer(database: KeyfobDatabase, env: Record<string, string> = {}): ServerSpec {
  return {
    name: database.kind === 'postgres' ? 'keyfob (PostgreSQL)' : 'keyfob (embedded)',
    nodeArgs: ['--import', 'tsx', 'src/server/main.ts'],
    env: {
      DATABASE_URL: database.kind === 'postgres' ? database.url : '',
      DATA_DIR: database.kind === 'embedded' ? database.dataDir : '',
      DEMO: 'off',
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
      BOOTSTRAP_ADMIN_EMAIL: '',
      BOOTSTRAP_ADMIN_PASSWORD: '',
      ...env,
    },
    readyPath: '/healthz',
  };
}

/** The bare `ws` broadcast server, the reference for chat delivery (speaks keyfob's chat shapes). */
export function wsBroadcastServer(): ServerSpec {
  return {
    name: 'ws-broadcast',
    nodeArgs: ['--import', 'tsx', 'bench/reference/ws-broadcast.ts'],
    readyPath: '/healthz',
  };
}
