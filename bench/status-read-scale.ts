import { alternate, median } from './lib/alternate.ts';
import type { Benchmark, Figure } from './lib/figure.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { startServer } from './lib/server-process.ts';
import { keyfobServer } from './lib/servers.ts';
import { checkSeeded, describeSeeded, seedVehicles } from './seed-vehicles.ts';
import {
  type FixedRateSample,
  formatMs,
  LOAD_FRACTION,
  loadStatusReads,
  logLatency,
  logLoad,
  timeAtFixedRate,
  warmUp,
  watchDatabase,
} from './status-read.ts';

const SMALL = 10_000;
const LARGE = 1_000_000;
/** Every 100th of the million vehicles is in use: as many (vehicle, user) pairs as the small fleet has. */
const LARGE_SAMPLE_EVERY = LARGE / SMALL;

/**
 * The status read among 1,000,000 vehicles (2.1 million users and sessions) against the same read
 * among 10,000, each on its own PostgreSQL database and keyfob server. Both serve the same number
 * of drivers in use, ~21,000 (vehicle, user) pairs: all of the small fleet's, and those of every
 * 100th vehicle of the large one, spread over its whole key range, so the caches hold as many
 * entries on both sides and what differs is the size of the tables behind them.
 *
 * The figure is the p50 latency, open loop at half the small server's maximum rate (measured
 * flat out first, alternating with the large one), after a warm-up pass that reads every pair
 * once; the warm-up times the read from the database (caches filling), on both, and the p99s are
 * logged. Seeding the million takes minutes, so this runs only when named.
 */
export const statusReadScale: Benchmark = {
  name: 'status-read-scale',
  description:
    'status read with 1,000,000 vehicles against the same read with 10,000 on PostgreSQL, p50 ms ' +
    'at half the 10,000 server’s max rate; seeds for minutes',
  isOptIn: true,
  async run(context) {
    const { scope, settings, log } = context;
    const smallDatabase = await createScratchDatabase(scope, settings.databaseUrl);
    const largeDatabase = await createScratchDatabase(scope, settings.databaseUrl);
    const small = await startServer(scope, {
      ...keyfobServer({ kind: 'postgres', url: smallDatabase.url }),
      name: 'keyfob (10,000 vehicles)',
    });
    const large = await startServer(scope, {
      ...keyfobServer({ kind: 'postgres', url: largeDatabase.url }),
      name: 'keyfob (1,000,000 vehicles)',
    });
    const seededLarge = await seedVehicles(largeDatabase.url, {
      vehicles: LARGE,
      sampleEvery: LARGE_SAMPLE_EVERY,
      // One reading of each kind: three million events, the same status read on both sides.
      readingsPerKind: 1,
    });
    log(`1,000,000 seeded: ${describeSeeded(seededLarge)}`);
    checkSeeded(seededLarge, LARGE);
    const seededSmall = await seedVehicles(smallDatabase.url, { vehicles: SMALL, readingsPerKind: 1 });
    log(`10,000 seeded: ${describeSeeded(seededSmall)}`);
    checkSeeded(seededSmall, SMALL);

    const smallWatch = await watchDatabase(context, smallDatabase.url);
    const largeWatch = await watchDatabase(context, largeDatabase.url);
    const smallReads = await warmUp(context, small, seededSmall, smallWatch);
    const largeReads = await warmUp(context, large, seededLarge, largeWatch);

    const throughput = await alternate({
      rounds: settings.rounds,
      reference: () =>
        smallWatch.during(
          () => loadStatusReads(small, smallReads, context),
          (sample) => sample.okCount,
        ),
      subject: () =>
        largeWatch.during(
          () => loadStatusReads(large, largeReads, context),
          (sample) => sample.okCount,
        ),
      onSample: logLoad(log, '10,000 vehicles', '1,000,000 vehicles'),
    });
    const smallMaxPerS = median(throughput.reference.map((sample) => sample.okPerS));
    const rate = Math.max(1, Math.round(smallMaxPerS * LOAD_FRACTION));
    log(
      `req/s medians: 10,000 vehicles ${Math.round(smallMaxPerS)}, 1,000,000 vehicles ` +
        `${Math.round(median(throughput.subject.map((sample) => sample.okPerS)))}; latency at a fixed ` +
        `${rate} req/s (${LOAD_FRACTION} × the 10,000 server's max)`,
    );

    const latency = await alternate({
      rounds: settings.rounds,
      reference: () =>
        smallWatch.during(
          () => timeAtFixedRate(small, smallReads, rate, context),
          (sample) => sample.answered,
        ),
      subject: () =>
        largeWatch.during(
          () => timeAtFixedRate(large, largeReads, rate, context),
          (sample) => sample.answered,
        ),
      onSample: logLatency(log, '10,000 vehicles', '1,000,000 vehicles'),
    });
    const medianOf = (samples: FixedRateSample[], pick: (sample: FixedRateSample) => number) =>
      median(samples.map(pick));
    log(
      `p99 medians: 10,000 vehicles ${formatMs(medianOf(latency.reference, (s) => s.p99Ms))}, ` +
        `1,000,000 vehicles ${formatMs(medianOf(latency.subject, (s) => s.p99Ms))}`,
    );

    return [
      {
        figure: `status read p50 at ${rate} req/s, 1,000,000 vehicles vs 10,000`,
        subject: { value: medianOf(latency.subject, (s) => s.p50Ms), unit: 'ms' },
        reference: { value: medianOf(latency.reference, (s) => s.p50Ms), unit: 'ms' },
        targets: [{ kind: 'ratio', comparison: 'at-most', bound: 1.2 }],
      },
    ] satisfies Figure[];
  },
};
