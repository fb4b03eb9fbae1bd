import { customerSearch } from './customer-search.ts';
import { healthz } from './healthz.ts';
import type { Benchmark } from './lib/figure.ts';

/** Every benchmark, in the order `npm run bench` runs them. A new benchmark is one file plus one line here. */
export const benchmarks: readonly Benchmark[] = [healthz, customerSearch];
