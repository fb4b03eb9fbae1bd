// `npm test`: every gate and every suite, then one closing line `N passed, N failed` that CI
// reads. Gates (typecheck, lint) are not tests: a passing gate adds nothing to the count, a
// failing one counts as one failure, so a red gate can never end in "0 failed".
//
// Vitest runs the browser files one at a time, and only after the other projects. So a full run
// starts two Vitest processes at once: the browser project, and everything else; the browser
// run's output is printed when it ends. `npm test -- ARGS` runs one Vitest with those arguments.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const extraArgs = process.argv.slice(2);

function step(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

/** One Vitest run writing its JSON report to `jsonPath`; resolves true when it passed. */
function vitest(args, jsonPath, logPath) {
  const child = spawn(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonPath}`, ...args],
    { cwd: root, stdio: logPath ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
  );
  if (logPath) {
    const log = createWriteStream(logPath);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code === 0)));
}

mkdirSync(resultsDir, { recursive: true });
const reports = [join(resultsDir, 'vitest.json'), join(resultsDir, 'vitest-browser.json')];
for (const report of reports) rmSync(report, { force: true });

let failedGates = 0;
if (!step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) failedGates++;
if (!step('lint', 'npx', ['biome', 'ci', '--colors=off', '.'])) failedGates++;

if (!process.env.TEST_DATABASE_URL) {
  console.log('\n(TEST_DATABASE_URL is not set: integration tests run on PGlite only.)');
}
let testsOk;
if (extraArgs.length > 0) {
  console.log('\n▶ tests');
  testsOk = await vitest(extraArgs, reports[0]);
} else {
  const browserLog = join(resultsDir, 'browser.log');
  console.log('\n▶ unit and integration tests (browser tests run alongside; their output follows)');
  const others = [
    'unit',
    'integration:pglite',
    ...(process.env.TEST_DATABASE_URL ? ['integration:postgres'] : []),
  ];
  const results = await Promise.all([
    vitest(
      others.flatMap((name) => ['--project', name]),
      reports[0],
    ),
    vitest(['--project', 'browser'], reports[1], browserLog),
  ]);
  console.log('\n▶ browser tests');
  console.log(readFileSync(browserLog, 'utf8'));
  testsOk = results.every(Boolean);
}

let passed = 0;
let failed = failedGates;
let skipped = 0;
let reportsRead = 0;
for (const reportPath of reports) {
  if (!existsSync(reportPath)) continue;
  reportsRead++;
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no failing test of its own; it still failed.
  for (const file of report.testResults) {
    const hasFailingTest = file.assertionResults.some((test) => test.status === 'failed');
    if (file.status === 'failed' && !hasFailingTest) failed++;
  }
}
if (reportsRead === 0 && !testsOk) failed++;
if (!testsOk && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
