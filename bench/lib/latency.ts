import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { LOOPBACK } from './server-process.ts';

export interface TimedRequestsOptions {
  /** The URL of request number `index` (0, 1, 2, …); always on 127.0.0.1. */
  urlFor: (index: number) => string;
  headers?: Record<string, string>;
  /** Requests to send; the run stops early when `timeLimitMs` runs out. */
  count: number;
  /** Requests in flight at once, each worker sending its next as soon as its last is answered. */
  concurrency: number;
  timeLimitMs: number;
  /**
   * Checks an answer, outside the timed part; throwing stops the run. A wrong answer (an error
   * page, an empty list) can be fast, so it must never count as a fast right one.
   */
  check: (index: number, status: number, body: string) => void;
}

export interface TimedRequest {
  index: number;
  url: string;
  /** From sending the request to having read the whole body, at sub-millisecond resolution. */
  ms: number;
}

export interface TimedRequestsResult {
  samples: TimedRequest[];
  elapsedMs: number;
  /** Whether the time limit, rather than the count, ended the run. */
  isTimeLimited: boolean;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends `count` GET requests from `concurrency` workers over keep-alive connections and times each
 * one with `performance.now()`: autocannon's histogram only has whole milliseconds, too coarse for
 * a p95 of a few milliseconds. It uses `node:http` rather than `fetch`, which costs about three
 * times the CPU per request, CPU the server under test shares.
 */
export async function timeRequests(options: TimedRequestsOptions): Promise<TimedRequestsResult> {
  const samples: TimedRequest[] = [];
  const started = performance.now();
  const deadline = started + options.timeLimitMs;
  let next = 0;
  let isTimeLimited = false;
  let failure: unknown;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });

  const worker = async () => {
    while (failure === undefined && next < options.count) {
      if (performance.now() >= deadline) {
        isTimeLimited = true;
        return;
      }
      const index = next++;
      const url = options.urlFor(index);
      if (new URL(url).hostname !== LOOPBACK) {
        throw new Error(`refusing to send load to ${url}: benches only target ${LOOPBACK}`);
      }
      const before = performance.now();
      const { status, body } = await get(url, agent, options.headers);
      const ms = performance.now() - before;
      options.check(index, status, body);
      samples.push({ index, url, ms });
    }
  };
  const workers = Array.from({ length: options.concurrency }, () =>
    worker().catch((error: unknown) => {
      failure ??= error;
    }),
  );
  await Promise.all(workers);
  agent.destroy();
  if (failure !== undefined) throw failure;
  return { samples, elapsedMs: performance.now() - started, isTimeLimited };
}

function get(
  url: string,
  agent: http.Agent,
  headers: Record<string, string> | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.once('timeout', () =>
      request.destroy(new Error(`${url} did not answer in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    request.once('error', reject);
  });
}

/** The nearest-rank percentile (`fraction` 0.95 for p95) of some latencies. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
  if (value === undefined) throw new Error('percentile of no values');
  return value;
}
