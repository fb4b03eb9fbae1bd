import { alternate, median } from './lib/alternate.ts';
import type { Benchmark } from './lib/figure.ts';
import { runLoad } from './lib/load.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { startServer } from './lib/server-process.ts';
import { helloWorldServer, keyfobServer } from './lib/servers.ts';

/**
 * The foundation's sanity bar: keyfob's cheapest route against bare Fastify, held to the 0.5
 * that BENCHMARKS.md sets for the authorized status read. If this fails, plugins or hooks on
 * every request already cost more than the status read can afford.
 */
export const healthz: Benchmark = {
  name: 'healthz',
  description: 'liveness GET /healthz on PostgreSQL against a bare Fastify hello-world, req/s',
  async run({ scope, settings, log }) {
    const database = await createScratchDatabase(scope, settings.databaseUrl);
    const reference = await startServer(scope, helloWorldServer());
    const subject = await startServer(scope, keyfobServer({ kind: 'postgres', url: database.url }));

    const load = { durationS: settings.durationS, connections: settings.connections };
    const samples = await alternate({
      rounds: settings.rounds,
      reference: () => runLoad({ ...load, url: `${reference.origin}/`, expectBody: '{"hello":"world"}' }),
      subject: () => runLoad({ ...load, url: `${subject.origin}/healthz`, expectBody: '{"status":"ok"}' }),
      onSample: (round, side, sample) =>
        log(`round ${round} ${side}: ${Math.round(sample.okPerS)} req/s, p99 ${sample.p99Ms} ms`),
    });

    return [
      {
        figure: 'liveness GET /healthz req/s',
        subject: { value: median(samples.subject.map((sample) => sample.okPerS)), unit: 'req/s' },
        reference: { value: median(samples.reference.map((sample) => sample.okPerS)), unit: 'req/s' },
        targets: [{ kind: 'ratio', comparison: 'at-least', bound: 0.5 }],
      },
    ];
  },
};
