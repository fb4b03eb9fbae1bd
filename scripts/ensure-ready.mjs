// Makes a fresh clone runnable: installs dependencies when they are missing or older than the
// lockfile, and (with --build-web) builds the web app when its sources are newer than the build.
// Plain Node on purpose: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`keyfob needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

function run(command, commandArgs, label) {
  console.log(`keyfob: ${label}…`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`keyfob: ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const modified = (path) => (existsSync(join(root, path)) ? statSync(join(root, path)).mtimeMs : 0);

// npm keeps node_modules/.package-lock.json in step with what it installed; a lockfile newer
// than it means someone pulled new dependencies.
if (!args.has('--skip-deps')) {
  const installedAt = modified('node_modules/.package-lock.json');
  if (installedAt === 0 || modified('package-lock.json') > installedAt) {
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], 'installing dependencies');
  }
}

if (args.has('--build-web')) {
  const builtAt = modified('dist/web/index.html');
  const sourcesAt = Math.max(
    newestChange(join(root, 'src/web')),
    newestChange(join(root, 'src/shared')),
    modified('vite.config.ts'),
    modified('package-lock.json'),
  );
  if (builtAt === 0 || sourcesAt > builtAt) {
    run('npx', ['vite', 'build', '--logLevel', 'warn'], 'building the web app');
  }
}
