// `npm run bench [-- NAME...]`: runs the benchmarks and prints one table. Exits 1 when a target
// does not hold or a benchmark fails, 2 on a usage error, 130 when interrupted.
import os from 'node:os';
import { benchmarks } from './benchmarks.ts';
import type { Benchmark } from './lib/figure.ts';
import { Scope } from './lib/scope.ts';
import { killAllServersNow } from './lib/server-process.ts';
import { loadSettings, SettingsError } from './lib/settings.ts';
import { type Row, renderTable, rowHolds } from './lib/table.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('--list')) {
  process.stdout.write('usage: npm run bench [-- NAME...]\n\nbenchmarks:\n');
  for (const benchmark of benchmarks) {
    const optIn = benchmark.isOptIn ? ' (only when named)' : '';
    process.stdout.write(`  ${benchmark.name.padEnd(18)} ${benchmark.description}${optIn}\n`);
  }
  process.stdout.write(
    '\nenvironment: BENCH_DURATION_S, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_DATABASE_URL\n',
  );
  process.exit(0);
}

const unknown = args.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: no benchmark named ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}\n`,
  );
  process.exit(2);
}
const selected =
  args.length === 0
    ? benchmarks.filter((benchmark) => !benchmark.isOptIn)
    : benchmarks.filter((benchmark) => args.includes(benchmark.name));

let settings: ReturnType<typeof loadSettings>;
try {
  settings = loadSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(2);
}

let activeScope: Scope | undefined;
let isAborting = false;

const ABORT_DEADLINE_MS = 15_000;

/**
 * Releases what the running benchmark holds, then exits. Ctrl-C under npm can deliver SIGINT
 * twice, so a repeat only hurries the servers along; it never skips dropping the database.
 */
async function abort(reason: string, code: number): Promise<void> {
  if (isAborting) {
    killAllServersNow();
    return;
  }
  isAborting = true;
  process.stderr.write(`\nbench: ${reason}; stopping servers and dropping scratch databases\n`);
  // A hung release (PostgreSQL not answering) must not keep the runner alive forever.
  setTimeout(() => {
    process.stderr.write('bench: cleanup did not finish in time; exiting anyway\n');
    process.exit(code);
  }, ABORT_DEADLINE_MS).unref();
  await activeScope?.close();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void abort(`received ${signal}`, 130));
}
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    process.stderr.write(
      `bench: ${event}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    void abort(event, 1);
  });
}

const log = (benchmark: Benchmark) => (message: string) =>
  process.stderr.write(`[${benchmark.name}] ${message}\n`);

const loadAtStart = os.loadavg();
process.stderr.write(
  `bench: ${selected.length} benchmark(s), ${settings.rounds} rounds of ${settings.durationS} s ` +
    `after a warm-up, ${settings.connections} connections\n`,
);
if (settings.rounds < 3) process.stderr.write('bench: fewer than 3 rounds does not meet BENCHMARKS.md\n');

const rows: Row[] = [];
const failures: string[] = [];
for (const benchmark of selected) {
  const scope = new Scope();
  activeScope = scope;
  log(benchmark)(benchmark.description);
  try {
    const figures = await benchmark.run({ scope, settings, log: log(benchmark) });
    for (const figure of figures) rows.push({ kind: 'figure', figure });
  } catch (error) {
    rows.push({ kind: 'error', benchmark: benchmark.name });
    failures.push(`${benchmark.name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await scope.close();
    activeScope = undefined;
  }
}

const formatLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(' ');
process.stdout.write(
  `\nmachine: ${os.availableParallelism()} cores; load average (1, 5, 15 min) ` +
    `${formatLoad(loadAtStart)} at start, ${formatLoad(os.loadavg())} at end\n\n`,
);
process.stdout.write(`${renderTable(rows)}\n`);
for (const failure of failures) process.stdout.write(`\nfailed: ${failure}\n`);
process.exit(rows.length > 0 && rows.every(rowHolds) ? 0 : 1);
