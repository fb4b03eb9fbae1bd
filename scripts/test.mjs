// `npm test`: every gate and every suite, then one closing line `N passed, N failed` that CI
// reads. Gates (typecheck, lint) are not tests: a passing gate adds nothing to the count, a
// failing one counts as one failure, so a red gate can never end in "0 failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const vitestJson = join(resultsDir, 'vitest.json');
const extraArgs = process.argv.slice(2);

function step(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

mkdirSync(resultsDir, { recursive: true });
rmSync(vitestJson, { force: true });

let failedGates = 0;
if (!step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) failedGates++;
if (!step('lint', 'npx', ['biome', 'ci', '--colors=off', '.'])) failedGates++;

if (!process.env.TEST_DATABASE_URL) {
  console.log('\n(TEST_DATABASE_URL is not set: integration tests run on PGlite only.)');
}
const testsOk = step('unit, integration and browser tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
  ...extraArgs,
]);

let passed = 0;
let failed = failedGates;
let skipped = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no failing test of its own; it still failed.
  for (const file of report.testResults) {
    const hasFailingTest = file.assertionResults.some((test) => test.status === 'failed');
    if (file.status === 'failed' && !hasFailingTest) failed++;
  }
} else if (!testsOk) {
  failed++;
}
if (!testsOk && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
