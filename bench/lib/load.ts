import autocannon from 'autocannon';
import { LOOPBACK } from './server-process.ts';

export interface LoadOptions {
  /** Must be on 127.0.0.1: benches never send load anywhere else. */
  url: string;
  durationS: number;
  connections: number;
  /** Requests per second across all connections; for latency figures at a fixed rate. Unset: flat out. */
  overallRate?: number;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Exact response body; a different body counts as a failed request. */
  expectBody?: string;
}

export interface LoadResult {
  /** 2xx responses (with the expected body) per second of wall time: what was done, not sent. */
  okPerS: number;
  /**
   * 99th percentile latency in milliseconds, in whole milliseconds: autocannon's histogram cannot
   * tell 0.2 ms from 0.9 ms, so a p99 figure on fast routes needs a finer clock than this.
   */
  p99Ms: number;
  okCount: number;
  durationS: number;
}

/**
 * Runs autocannon with fixed connections and no pipelining. Throws when any request failed
 * (connection error, timeout, non-2xx, wrong body): a figure that counts failures as throughput,
 * or hides them in the tail, would lie.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== LOOPBACK) {
    throw new Error(`refusing to send load to ${target.hostname}: benches only target ${LOOPBACK}`);
  }
  const result = await autocannon({
    url: options.url,
    duration: options.durationS,
    connections: options.connections,
    pipelining: 1,
    overallRate: options.overallRate,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    expectBody: options.expectBody,
  });
  const failures = [
    result.errors > 0 ? `${result.errors} connection errors (${result.timeouts} timeouts)` : '',
    result.non2xx > 0 ? `${result.non2xx} non-2xx responses` : '',
    result.mismatches > 0 ? `${result.mismatches} unexpected bodies` : '',
  ].filter((failure) => failure !== '');
  if (failures.length > 0) throw new Error(`load on ${options.url} had ${failures.join(', ')}`);
  const okCount = result['2xx'];
  if (okCount === 0 || result.duration <= 0) throw new Error(`load on ${options.url} completed no request`);
  return {
    okPerS: okCount / result.duration,
    p99Ms: result.latency.p99,
    okCount,
    durationS: result.duration,
  };
}
