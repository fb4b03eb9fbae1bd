import type { Scope } from './scope.ts';
import type { Settings } from './settings.ts';

/** A measured value with its unit: `{ value: 12345, unit: 'req/s' }`. */
export interface Quantity {
  value: number;
  unit: string;
}

/**
 * What a figure must reach. Ratios are subject ÷ reference; `at-least` suits throughput and
 * `at-most` latency. Absolute targets serve figures without a reference (search p95 ≤ 10 ms).
 */
export type Target =
  | { kind: 'ratio'; comparison: 'at-least' | 'at-most'; bound: number }
  | { kind: 'absolute'; comparison: 'at-least' | 'at-most'; bound: number; unit: string };

/** One row of the table. Several targets must all hold (chat: ≤ 1.5 × reference and ≤ 50 ms). */
export interface Figure {
  figure: string;
  subject: Quantity;
  reference?: Quantity;
  targets: Target[];
}

export interface BenchmarkContext {
  /** Owns every process and database the benchmark starts; the runner closes it. */
  scope: Scope;
  settings: Settings;
  /** A progress line on stderr, so stdout keeps only the table. */
  log: (message: string) => void;
}

/** A benchmark: starts what it needs through the scope, measures, returns its figures. */
export interface Benchmark {
  /** What `npm run bench -- NAME` selects. */
  name: string;
  description: string;
  /** Runs only when named (`npm run bench -- NAME`), not in a plain `npm run bench`: for slow ones. */
  isOptIn?: boolean;
  run: (context: BenchmarkContext) => Promise<Figure[]>;
}

/** Subject ÷ reference, or undefined for a figure without a reference. */
export function ratioOf(figure: Figure): number | undefined {
  if (figure.reference === undefined) return undefined;
  return figure.subject.value / figure.reference.value;
}

/** Whether every target holds; a ratio target without a usable ratio never holds. */
export function holds(figure: Figure): boolean {
  const ratio = ratioOf(figure);
  return figure.targets.every((target) => {
    // A bound in another unit than the measurement is a bug in the benchmark, not a pass.
    if (target.kind === 'absolute' && target.unit !== figure.subject.unit) return false;
    const value = target.kind === 'ratio' ? ratio : figure.subject.value;
    if (value === undefined || !Number.isFinite(value)) return false;
    return target.comparison === 'at-least' ? value >= target.bound : value <= target.bound;
  });
}
