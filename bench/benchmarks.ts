import { chatDelivery } from './chat-delivery.ts';
import { customerSearch } from './customer-search.ts';
import { healthz } from './healthz.ts';
import type { Benchmark } from './lib/figure.ts';
import { statusRead } from './status-read.ts';
import { statusReadScale } from './status-read-scale.ts';
import { telemetryIngest } from './telemetry-ingest.ts';

/**
 * Every benchmark, in the order `npm run bench` runs them (those marked `isOptIn` only when named).
 * A new benchmark is one file plus one line here.
 */
export const benchmarks: readonly Benchmark[] = [
  healthz,
  customerSearch,
  statusRead,
  telemetryIngest,
  chatDelivery,
  statusReadScale,
];
