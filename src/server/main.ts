import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_VINS, seedDemo } from './features/demo/seed-demo.ts';
import { startSimulator } from './features/demo/simulator.ts';
import { bootstrapOperator, findOperator } from './features/identity/bootstrap.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const line of error.lines) process.stderr.write(`keyfob: cannot start: ${line}\n`);
  process.exit(1);
}

const database = await openDatabase(config.database);
await database.migrate();
if (config.bootstrapAdmin) await bootstrapOperator(database.db, config.bootstrapAdmin, new Date());
if (config.isDemo) await seedDemo(database.db, new Date());
const app = await buildApp({
  config,
  database,
  webRoot: fileURLToPath(new URL('../../dist/web', import.meta.url)),
});

let simulator: { stop(): void } | undefined;
let isClosing = false;
async function shutdown(signal: string) {
  if (isClosing) return;
  isClosing = true;
  app.log.info({ signal }, 'shutting down');
  simulator?.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    process.stderr.write(
      `keyfob: cannot start: ${config.host}:${config.port} is not available (${code}); set PORT\n`,
    );
    await database.close();
    process.exit(1);
  }
  throw error;
}

if (config.isDemo) {
  simulator = await startSimulator({
    db: database.db,
    clock: app.clock,
    log: app.log,
    vins: DEMO_VINS,
    publicUrl: config.publicUrl,
  });
}

const where =
  config.database.kind === 'embedded' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
const lines = ['', `  keyfob is running on ${where}`, `  Open      ${base}/`, `  API docs  ${base}/api/docs`];
if (!config.smtpUrl) lines.push(`  Mail      ${base}/dev/mail (SMTP_URL is not set: mail is kept, not sent)`);
if (config.isDemo) {
  lines.push('', `  Demo logins (password ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(26)} ${login.what}`);
}
if (!(await findOperator(database.db))) {
  lines.push('', '  No operator yet: set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD and restart.');
}
process.stdout.write(`${lines.join('\n')}\n\n`);
