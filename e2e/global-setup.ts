import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { setup as setupPgliteImage } from '../src/server/test/global-setup-pglite.ts';
import { CHROMIUM_PATH } from './harness.ts';

/** Browser tests need Debian's Chromium, a current web build and a migrated database image. */
export async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get install chromium (.ci/run does it)`);
  }
  const build = spawnSync('node', ['scripts/ensure-ready.mjs', '--skip-deps', '--build-web'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the web app did not build');
  return setupPgliteImage(project);
}
