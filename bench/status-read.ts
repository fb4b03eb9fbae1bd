import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { alternate, median } from './lib/alternate.ts';
import type { Benchmark, BenchmarkContext, Figure } from './lib/figure.ts';
import { percentile, timeRequests, timeRequestsAtFixedRate } from './lib/latency.ts';
import { type LoadResult, runLoad, type VariedRequest } from './lib/load.ts';
import { withServerCpu } from './lib/process-cpu.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { type RunningServer, startServer } from './lib/server-process.ts';
import { helloWorldServer, keyfobServer } from './lib/servers.ts';
import {
  checkSeeded,
  describeSeeded,
  type SeededVehicles,
  seedEmbeddedVehicles,
  seedVehicles,
  type VehicleUserPair,
} from './seed-vehicles.ts';

const VEHICLES = 10_000;
const HELLO_BODY = '{"hello":"world"}';
/** The latency figures are taken at this fraction of the reference's maximum (BENCHMARKS.md: about half). */
export const LOAD_FRACTION = 0.5;
/**
 * Requests in flight at most in the open-loop runs: 100 ms worth at the rate (at least 100), far
 * above what half a maximum needs. A stall shorter than that is timed; a longer one drops requests,
 * which count as unanswered (infinitely slow). On a shared two-core machine the reference stalls
 * for tens of milliseconds now and then too.
 */
const MAX_OUTSTANDING_S = 0.1;
const MIN_MAX_OUTSTANDING = 100;
/** In flight while reading every pair once: enough to keep keyfob, its pool and PostgreSQL busy. */
const WARM_UP_CONCURRENCY = 8;
const WARM_UP_TIME_LIMIT_MS = 300_000;

/** One status read as it is sent again and again: its path, its user's token, and the exact answer. */
export interface StatusRead {
  path: string;
  headers: Record<string, string>;
  /** The body keyfob answered in the warm-up pass, checked field by field there. */
  body: string;
}

/**
 * The driver app's hottest read, `GET /api/v1/vehicles/{vid}`, authorized per vehicle user, against
 * a bare Fastify hello-world (req/s, and p99 at half the hello-world's maximum), and in embedded
 * mode (PGlite) against the same read on PostgreSQL.
 *
 * 10,000 vehicles with 1–6 users each and a session per user are seeded; every request is a
 * different (vehicle, one of its users' bearer token) pair, in a shuffled order that walks all
 * ~21,000 pairs before repeating, and every answer is compared with that pair's own body. A
 * warm-up pass reads each pair once first (checking every field against the seed), so the
 * measured rounds see warm caches, as a running server would. The hello-world gets the same
 * requests' bearer headers, so the load generator does the same work for both sides.
 *
 * The seeded sessions were last seen over the past 5 minutes, so while this runs keyfob slides
 * about 70 sessions' idle expiry a second, as it would for 21,000 drivers in use. Each PostgreSQL
 * round logs the database transactions per request: how much of the load the caches did not serve.
 */
export const statusRead: Benchmark = {
  name: 'status-read',
  description:
    'status read GET /api/v1/vehicles/{vid} among 10,000 vehicles with telemetry: req/s and p99 against a bare ' +
    'Fastify hello-world, embedded (PGlite) req/s against PostgreSQL',
  async run(context) {
    const { scope, settings, log } = context;
    const database = await createScratchDatabase(scope, settings.databaseUrl);
    const helloWorld = await startServer(scope, helloWorldServer());
    // keyfob migrates its database as it starts, so the seed runs after the server is up.
    const postgres = await startServer(scope, keyfobServer({ kind: 'postgres', url: database.url }));
    const seeded = await seedVehicles(database.url, { vehicles: VEHICLES });
    const seededAt = new Date();
    log(`PostgreSQL seeded: ${describeSeeded(seeded)}`);
    checkSeeded(seeded, VEHICLES);
    const watch = await watchDatabase(context, database.url);
    const reads = await warmUp(context, postgres, seeded, watch);
    const loadOnPostgres = () =>
      watch.during(
        () => loadStatusReads(postgres, reads, context),
        (sample) => sample.okCount,
      );

    // 1. Throughput, flat out with fixed connections.
    const throughput = await alternate({
      rounds: settings.rounds,
      reference: () => loadHelloWorld(helloWorld, reads, context),
      subject: loadOnPostgres,
      onSample: logLoad(log, 'hello-world', 'status read (PostgreSQL)'),
    });
    const helloMaxPerS = median(throughput.reference.map((sample) => sample.okPerS));
    const statusPerS = median(throughput.subject.map((sample) => sample.okPerS));

    // 2. Latency, open loop at half the hello-world's maximum, for both.
    const rate = Math.max(1, Math.round(helloMaxPerS * LOAD_FRACTION));
    log(
      `latency at a fixed ${rate} req/s (${LOAD_FRACTION} × hello-world's ${Math.round(helloMaxPerS)} req/s)`,
    );
    const latency = await alternate({
      rounds: settings.rounds,
      reference: () => timeAtFixedRate(helloWorld, reads, rate, context, { path: '/', body: HELLO_BODY }),
      subject: () =>
        watch.during(
          () => timeAtFixedRate(postgres, reads, rate, context),
          (sample) => sample.answered,
        ),
      onSample: logLatency(log, 'hello-world', 'status read (PostgreSQL)'),
    });

    // 3. Embedded: PGlite runs in keyfob's process, so it is seeded before keyfob opens it.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'keyfob-bench-pglite-'));
    scope.defer(`embedded data directory ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
    const seededEmbedded = await seedEmbeddedVehicles(dataDir, { vehicles: VEHICLES });
    log(`PGlite seeded: ${describeSeeded(seededEmbedded)}`);
    checkSeeded(seededEmbedded, VEHICLES);
    const embedded = await startServer(scope, {
      ...keyfobServer({ kind: 'embedded', dataDir }),
      startTimeoutMs: 120_000,
    });
    const embeddedReads = await warmUp(context, embedded, seededEmbedded);
    const modes = await alternate({
      rounds: settings.rounds,
      reference: loadOnPostgres,
      subject: () => loadStatusReads(embedded, embeddedReads, context),
      onSample: logLoad(log, 'PostgreSQL', 'embedded (PGlite)'),
    });

    log(
      `PostgreSQL sessions whose idle expiry keyfob slid since seeding: ` +
        `${await watch.countSlidSessions(seededAt)} of ${seeded.sessions}`,
    );

    const p99Of = (samples: FixedRateSample[]) => median(samples.map((sample) => sample.p99Ms));
    return [
      {
        figure: 'status read GET /api/v1/vehicles/{vid} req/s',
        subject: { value: statusPerS, unit: 'req/s' },
        reference: { value: helloMaxPerS, unit: 'req/s' },
        targets: [{ kind: 'ratio', comparison: 'at-least', bound: 0.5 }],
      },
      {
        figure: `status read p99 at ${rate} req/s (half the reference's max)`,
        subject: { value: p99Of(latency.subject), unit: 'ms' },
        reference: { value: p99Of(latency.reference), unit: 'ms' },
        targets: [{ kind: 'ratio', comparison: 'at-most', bound: 2 }],
      },
      {
        figure: 'embedded mode (PGlite) status read req/s',
        subject: { value: median(modes.subject.map((sample) => sample.okPerS)), unit: 'req/s' },
        reference: { value: median(modes.reference.map((sample) => sample.okPerS)), unit: 'req/s' },
        targets: [{ kind: 'ratio', comparison: 'at-least', bound: 0.35 }],
      },
    ] satisfies Figure[];
  },
};

/** What a status read must answer for this pair, field by field (routes.ts `VehicleView`). */
function expectedView(pair: VehicleUserPair) {
  return {
    id: pair.vehicleId,
    registrationNumber: pair.registrationNumber,
    make: pair.make,
    model: pair.model,
    year: pair.year,
    fuelType: pair.fuelType,
    myRole: pair.role,
    sharing: { level: pair.sharingLevel, isChosen: pair.isSharingChosen },
    // In the order of the API's schema (StatusView): position or why it is hidden, then readings.
    status: {
      ...(pair.sharingLevel === 'limited'
        ? { positionHidden: 'limited_sharing' }
        : { position: pair.telemetry.position }),
      odometer: pair.telemetry.odometer,
      [pair.telemetry.energy.kind]: { percent: pair.telemetry.energy.percent, at: pair.telemetry.energy.at },
    },
    alarms: [],
  };
}

/** Fisher–Yates: consecutive requests go to unrelated vehicles and users. */
function shuffle<T>(items: readonly T[]): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('no status reads to send');
  return item;
}

/**
 * Reads every pair once, in a shuffled order, checking each answer field by field against the
 * seed, and keeps the exact body for the measured rounds. Besides warming keyfob's caches this
 * times the read that has to go to the database (the session, then the vehicle and its users).
 */
export async function warmUp(
  { log }: BenchmarkContext,
  server: RunningServer,
  seeded: SeededVehicles,
  watch?: DatabaseWatch,
): Promise<StatusRead[]> {
  const pairs = shuffle(seeded.pairs);
  const bodies: string[] = [];
  const readAll = () =>
    timeRequests({
      urlFor: (index) => `${server.origin}/api/v1/vehicles/${at(pairs, index).vehicleId}`,
      headersFor: (index) => ({ authorization: `Bearer ${at(pairs, index).token}` }),
      count: pairs.length,
      concurrency: WARM_UP_CONCURRENCY,
      timeLimitMs: WARM_UP_TIME_LIMIT_MS,
      check: (index, status, body) => {
        const pair = at(pairs, index);
        if (status !== 200 || !body.includes('"myRole"')) {
          throw new Error(
            `${server.name}: vehicle ${pair.vehicleId} answered ${status}: ${body.slice(0, 300)}`,
          );
        }
        const expected = expectedView(pair);
        if (!isDeepStrictEqual(JSON.parse(body), expected)) {
          throw new Error(
            `${server.name}: vehicle ${pair.vehicleId} answered ${body.slice(0, 400)}; expected ${JSON.stringify(expected)}`,
          );
        }
        bodies[index] = body;
      },
    });
  const result = watch
    ? await watch.during(readAll, (sample) => sample.samples.length)
    : { ...(await readAll()), transactionsPerRequest: undefined };
  if (result.samples.length !== pairs.length) {
    throw new Error(
      `${server.name}: the warm-up read ${result.samples.length} of ${pairs.length} pairs in time`,
    );
  }
  const ms = result.samples.map((sample) => sample.ms);
  const limited = pairs.filter((pair) => pair.sharingLevel === 'limited').length;
  const secondary = pairs.filter((pair) => pair.role === 'secondary').length;
  log(
    `${server.name} warm-up: read all ${pairs.length} (vehicle, user) pairs once in ` +
      `${(result.elapsedMs / 1000).toFixed(1)} s (${Math.round(pairs.length / (result.elapsedMs / 1000))} req/s, ` +
      `${WARM_UP_CONCURRENCY} in flight, caches filling): p50 ${formatMs(percentile(ms, 0.5))}, ` +
      `p99 ${formatMs(percentile(ms, 0.99))}${describeWork(result)}; ${secondary} as a secondary user, ` +
      `${limited} with the position hidden`,
  );
  return pairs.map((pair, index) => ({
    path: `/api/v1/vehicles/${pair.vehicleId}`,
    headers: { authorization: `Bearer ${pair.token}` },
    body: bodies[index] ?? '',
  }));
}

/** Flat-out status reads, each request the next pair, each answer that pair's exact body. */
export function loadStatusReads(
  server: RunningServer,
  reads: readonly StatusRead[],
  { settings }: BenchmarkContext,
): Promise<LoadResult & { serverCpuUsPerRequest: number }> {
  const start = Math.floor(Math.random() * reads.length);
  const requests: VariedRequest[] = reads.map((read) => ({
    path: read.path,
    headers: read.headers,
    isExpected: (body) => body === read.body,
  }));
  return withServerCpu(server.pid, () =>
    runLoad({
      url: `${server.origin}/`,
      durationS: settings.durationS,
      connections: settings.connections,
      requestFor: (index) => at(requests, start + index),
    }),
  );
}

/** The hello-world under the same requests' headers, so the load generator's work is alike. */
function loadHelloWorld(
  server: RunningServer,
  reads: readonly StatusRead[],
  { settings }: BenchmarkContext,
): Promise<LoadResult & { serverCpuUsPerRequest: number }> {
  const isExpected = (body: string) => body === HELLO_BODY;
  const requests: VariedRequest[] = reads.map((read) => ({ path: '/', headers: read.headers, isExpected }));
  return withServerCpu(server.pid, () =>
    runLoad({
      url: `${server.origin}/`,
      durationS: settings.durationS,
      connections: settings.connections,
      requestFor: (index) => at(requests, index),
    }),
  );
}

export interface FixedRateSample {
  p50Ms: number;
  p99Ms: number;
  answered: number;
  scheduled: number;
  dropped: number;
  failed: number;
  sendLagP99Ms: number;
  failureMessages: string[];
}

/**
 * Open loop at `rate` for the configured duration: request i is the next pair's read (or, for
 * the hello-world, `/` with that pair's headers), timed from its scheduled start.
 */
export async function timeAtFixedRate(
  server: RunningServer,
  reads: readonly StatusRead[],
  rate: number,
  { settings }: BenchmarkContext,
  fixed?: { path: string; body: string },
): Promise<FixedRateSample> {
  const start = Math.floor(Math.random() * reads.length);
  const result = await timeRequestsAtFixedRate({
    urlFor: (index) => `${server.origin}${fixed?.path ?? at(reads, start + index).path}`,
    headersFor: (index) => at(reads, start + index).headers,
    ratePerS: rate,
    count: Math.ceil(rate * settings.durationS),
    timeLimitMs: settings.durationS * 1000,
    maxOutstanding: Math.max(MIN_MAX_OUTSTANDING, Math.ceil(rate * MAX_OUTSTANDING_S)),
    check: (index, status, body) => {
      const expected = fixed?.body ?? at(reads, start + index).body;
      if (status !== 200 || body !== expected) {
        throw new Error(`${server.name} answered ${status}: ${body.slice(0, 300)}; expected ${expected}`);
      }
    },
  });
  return {
    p50Ms: percentile(result.latenciesMs, 0.5),
    p99Ms: percentile(result.latenciesMs, 0.99),
    answered: result.samples.length,
    scheduled: result.scheduled,
    dropped: result.dropped,
    failed: result.failed,
    sendLagP99Ms: percentile(
      result.samples.map((sample) => sample.sendLagMs),
      0.99,
    ),
    failureMessages: result.failureMessages,
  };
}

function describeWork(sample: Partial<DatabaseWork>): string {
  return sample.transactionsPerRequest === undefined
    ? ''
    : `; ${sample.transactionsPerRequest.toFixed(3)} database transactions per request`;
}

export function logLoad(log: (message: string) => void, reference: string, subject: string) {
  return (
    round: number | 'warm-up',
    side: 'reference' | 'subject',
    sample: LoadResult & Partial<DatabaseWork> & { serverCpuUsPerRequest?: number },
  ) =>
    log(
      `round ${round} ${side === 'reference' ? reference : subject}: ${Math.round(sample.okPerS)} req/s ` +
        `(${sample.okCount} checked answers), p99 ${sample.p99Ms} ms` +
        (sample.serverCpuUsPerRequest === undefined
          ? ''
          : `, server CPU ${Math.round(sample.serverCpuUsPerRequest)} µs per request`) +
        describeWork(sample),
    );
}

export function logLatency(log: (message: string) => void, reference: string, subject: string) {
  return (
    round: number | 'warm-up',
    side: 'reference' | 'subject',
    sample: FixedRateSample & Partial<DatabaseWork>,
  ) =>
    log(
      `round ${round} ${side === 'reference' ? reference : subject}: p50 ${formatMs(sample.p50Ms)}, ` +
        `p99 ${formatMs(sample.p99Ms)}; ${sample.answered} of ${sample.scheduled} answered, ` +
        `${sample.dropped} dropped, ${sample.failed} failed; send lag p99 ${formatMs(sample.sendLagP99Ms)}` +
        describeWork(sample) +
        (sample.failureMessages.length > 0 ? `; failures: ${sample.failureMessages.join('; ')}` : ''),
    );
}

/**
 * Database transactions per answered request (every query keyfob sends outside a transaction is
 * one): 0 when every read is served from keyfob's caches; a session read from the database costs
 * 2, a vehicle 1, sliding a session's idle expiry 1.
 */
export interface DatabaseWork {
  transactionsPerRequest: number;
}

/** PostgreSQL's own count of transactions in a database: how much of a load reached the database. */
export interface DatabaseWatch {
  /** Runs `measure` and adds how many transactions the database committed per answered request. */
  during<T>(measure: () => Promise<T>, answered: (sample: T) => number): Promise<T & DatabaseWork>;
  /** Sessions last seen after `since`: keyfob slides a session's idle expiry at most every 5 minutes. */
  countSlidSessions(since: Date): Promise<number>;
}

/** PostgreSQL flushes a backend's statistics at most once a second, so a count waits that long. */
const STATISTICS_FLUSH_MS = 1_100;

export async function watchDatabase(context: BenchmarkContext, databaseUrl: string): Promise<DatabaseWatch> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Failed queries reject on their own; without a listener a dropped connection would crash the run.
  client.on('error', () => {});
  context.scope.defer('database statistics connection', () => client.end());
  await client.connect();
  const committed = async () => {
    await new Promise((resolve) => setTimeout(resolve, STATISTICS_FLUSH_MS));
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ count: string }>(
      'SELECT xact_commit + xact_rollback AS count FROM pg_stat_database WHERE datname = current_database()',
    );
    // This connection's own two statements are part of the count; they are noise next to thousands.
    return Number(rows[0]?.count);
  };
  return {
    async during(measure, answered) {
      const before = await committed();
      const sample = await measure();
      const after = await committed();
      return { ...sample, transactionsPerRequest: (after - before) / Math.max(1, answered(sample)) };
    },
    async countSlidSessions(since) {
      const { rows } = await client.query<{ count: string }>(
        'SELECT count(*) AS count FROM sessions WHERE last_seen_at > $1',
        [since],
      );
      return Number(rows[0]?.count);
    },
  };
}

export function formatMs(ms: number): string {
  return Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : '∞ (unanswered)';
}
