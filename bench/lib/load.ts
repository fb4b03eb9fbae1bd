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
  /**
   * Varies the requests: request number `index` (0, 1, 2, … across all connections, in the order
   * they are sent) goes to this path with these headers (added to `headers`), and its 2xx answer
   * must satisfy `isExpected`. Replaces `url`'s path; cannot be combined with `expectBody` or `body`.
   */
  requestFor?: (index: number) => VariedRequest;
}

/** One request of a varied load, and how to tell its right answer. */
export interface VariedRequest {
  /** Path and query, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  /** Whether a 2xx body is the right answer to this very request; any other fails the run. */
  isExpected: (body: string) => boolean;
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
  const varied = options.requestFor && variedRequests(options.requestFor);
  if (varied && (options.expectBody !== undefined || options.body !== undefined)) {
    throw new Error('runLoad: requestFor cannot be combined with expectBody or body');
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
    ...(varied && { requests: [varied.request] }),
  });
  const wrongBodies = varied?.wrongBodies() ?? { count: 0, first: undefined };
  const failures = [
    result.errors > 0 ? `${result.errors} connection errors (${result.timeouts} timeouts)` : '',
    result.non2xx > 0 ? `${result.non2xx} non-2xx responses` : '',
    result.mismatches > 0 ? `${result.mismatches} unexpected bodies` : '',
    wrongBodies.count > 0
      ? `${wrongBodies.count} unexpected bodies (first: ${wrongBodies.first?.slice(0, 300)})`
      : '',
  ].filter((failure) => failure !== '');
  if (failures.length > 0) throw new Error(`load on ${options.url} had ${failures.join(', ')}`);
  // Every 2xx was checked above: one wrong body fails the whole run rather than being subtracted.
  const okCount = result['2xx'];
  if (okCount === 0 || result.duration <= 0) throw new Error(`load on ${options.url} completed no request`);
  return {
    okPerS: okCount / result.duration,
    p99Ms: result.latency.p99,
    okCount,
    durationS: result.duration,
  };
}

/**
 * One autocannon request whose `setupRequest` runs before every send (a single-entry `requests`
 * list is rebuilt each time) and takes the next varied request; with no pipelining a connection
 * has one request in flight, so its context still names that request when `onResponse` sees the
 * answer, before the connection's next send replaces it.
 */
function variedRequests(requestFor: (index: number) => VariedRequest) {
  let next = 0;
  let wrongCount = 0;
  let firstWrong: string | undefined;
  type Context = { isExpected?: (body: string) => boolean };
  const request: autocannon.Request = {
    setupRequest: (base, context) => {
      const varied = requestFor(next++);
      (context as Context).isExpected = varied.isExpected;
      return { ...base, path: varied.path, headers: { ...base.headers, ...varied.headers } };
    },
    onResponse: (status, body, context) => {
      // Non-2xx answers are autocannon's to count; only a 2xx can be a wrong right-looking answer.
      if (status < 200 || status >= 300) return;
      const isExpected = (context as Context).isExpected;
      if (isExpected?.(body)) return;
      wrongCount++;
      firstWrong ??= body;
    },
  };
  return { request, wrongBodies: () => ({ count: wrongCount, first: firstWrong }) };
}
