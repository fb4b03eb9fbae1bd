import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { LOOPBACK } from './server-process.ts';

export interface TimedRequestsOptions {
  /** The URL of request number `index` (0, 1, 2, …); always on 127.0.0.1. */
  urlFor: (index: number) => string;
  headers?: Record<string, string>;
  /** Headers of request number `index`, instead of `headers`: a different user's token on each. */
  headersFor?: (index: number) => Record<string, string>;
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
 *
 * A closed loop: each worker waits for its answer before sending again, so it suits a maximum
 * rate (enough in flight to keep the server busy) but not a latency figure, where a slow answer
 * holds back the requests behind it unseen. For latency use `timeRequestsAtFixedRate`.
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
      const headers = options.headersFor?.(index) ?? options.headers;
      const before = performance.now();
      const { status, body } = await get(url, agent, headers);
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

export interface FixedRateOptions {
  /** The URL of request number `index` (0, 1, 2, …); always on 127.0.0.1. */
  urlFor: (index: number) => string;
  headers?: Record<string, string>;
  /** Headers of request number `index`, instead of `headers`: a different user's token on each. */
  headersFor?: (index: number) => Record<string, string>;
  /** Requests started per second: request `index` falls due `index × 1000 / ratePerS` ms after the start. */
  ratePerS: number;
  /** Requests to schedule; scheduling stops early when `timeLimitMs` runs out. */
  count: number;
  /**
   * How long requests keep falling due. Those still in flight then are awaited, each for at most
   * the request timeout (10 s), so the run can last that much longer.
   */
  timeLimitMs: number;
  /**
   * Requests in flight at most. One falling due while this many are unanswered is not sent but
   * counted in `dropped`: the server has stalled, and an unbounded pile-up would only add sockets.
   */
  maxOutstanding: number;
  /** As for `timeRequests`: checks an answer outside the timed part; throwing stops the run. */
  check: (index: number, status: number, body: string) => void;
}

export interface ScheduledRequest extends TimedRequest {
  /**
   * How long after its scheduled time the request was sent: the load generator's own lag (timer
   * granularity, a busy event loop). Up to `EARLY_SEND_MS` negative when sent a little early.
   */
  sendLagMs: number;
}

export interface FixedRateResult {
  /** Answered requests; `ms` runs from the scheduled start (or the send, if that came first). */
  samples: ScheduledRequest[];
  /** Requests whose time came: answered, failed and dropped. */
  scheduled: number;
  /** Requests not sent because `maxOutstanding` were already in flight when they fell due. */
  dropped: number;
  /** Requests sent but never answered: connection errors and timeouts. */
  failed: number;
  /** The first few failures' messages, for the log. */
  failureMessages: string[];
  /**
   * Every scheduled request's latency: the answered ones' `ms`, and `Infinity` for each dropped or
   * failed one, so a request the server never answered can only push a percentile up.
   */
  latenciesMs: number[];
  /** From the first scheduled start to the last answer. */
  elapsedMs: number;
  /** Whether the time limit, rather than the count, ended the schedule. */
  isTimeLimited: boolean;
}

/**
 * Requests falling due this close ahead are sent at once: Node's timers have millisecond
 * granularity and can fire a fraction of one early. Such a request is timed from its send.
 */
const EARLY_SEND_MS = 1;
const MAX_FAILURE_MESSAGES = 5;

/**
 * Open-loop latency: starts GET requests at a fixed rate, on a schedule a timer keeps whether or not
 * answers come back, and times each from its *scheduled* start with `performance.now()`. A closed
 * loop (`timeRequests`) waits for an answer before sending the next, so a server that stalls also
 * stalls the load and the wait never shows ("coordinated omission"); here a stall delays every
 * request that falls due during it, and each carries that wait in its latency. Run at about half
 * the maximum rate (BENCHMARKS.md), so queues do not hide the tail.
 *
 * Requests go over keep-alive connections (up to `maxOutstanding` of them) through `node:http`,
 * like `timeRequests`. Dropped and failed requests are counted, never silently skipped; a failing
 * `check` (a wrong answer) stops the schedule and rejects once the requests in flight are done.
 */
export function timeRequestsAtFixedRate(options: FixedRateOptions): Promise<FixedRateResult> {
  if (!(Number.isFinite(options.ratePerS) && options.ratePerS > 0)) {
    return Promise.reject(new Error(`a fixed rate must be positive (got ${options.ratePerS} req/s)`));
  }
  if (!(Number.isInteger(options.maxOutstanding) && options.maxOutstanding >= 1)) {
    return Promise.reject(
      new Error(`maxOutstanding must be a whole number ≥ 1 (got ${options.maxOutstanding})`),
    );
  }
  const intervalMs = 1000 / options.ratePerS;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxOutstanding });
  const samples: ScheduledRequest[] = [];
  const failureMessages: string[] = [];
  let dropped = 0;
  let failed = 0;
  let outstanding = 0;
  let next = 0;
  let isScheduling = true;
  let isTimeLimited = false;
  let timer: NodeJS.Timeout | undefined;
  let checkFailure: unknown;
  const started = performance.now();
  const deadline = started + options.timeLimitMs;

  return new Promise((resolve, reject) => {
    const stopScheduling = () => {
      isScheduling = false;
      clearTimeout(timer);
    };
    const finishIfDone = () => {
      if (isScheduling || outstanding > 0) return;
      agent.destroy();
      if (checkFailure !== undefined) {
        reject(checkFailure);
        return;
      }
      resolve({
        samples,
        scheduled: next,
        dropped,
        failed,
        failureMessages,
        latenciesMs: [
          ...samples.map((sample) => sample.ms),
          ...Array.from({ length: dropped + failed }, () => Number.POSITIVE_INFINITY),
        ],
        elapsedMs: performance.now() - started,
        isTimeLimited,
      });
    };
    const send = (index: number, scheduledAt: number) => {
      const url = options.urlFor(index);
      if (new URL(url).hostname !== LOOPBACK) {
        checkFailure ??= new Error(`refusing to send load to ${url}: benches only target ${LOOPBACK}`);
        stopScheduling();
        return;
      }
      const headers = options.headersFor?.(index) ?? options.headers;
      outstanding++;
      const sentAt = performance.now();
      get(url, agent, headers)
        .then(
          ({ status, body }) => {
            const answeredAt = performance.now();
            try {
              options.check(index, status, body);
            } catch (error) {
              checkFailure ??= error;
              stopScheduling();
              return;
            }
            samples.push({
              index,
              url,
              ms: answeredAt - Math.min(scheduledAt, sentAt),
              sendLagMs: sentAt - scheduledAt,
            });
          },
          (error: unknown) => {
            failed++;
            if (failureMessages.length < MAX_FAILURE_MESSAGES) {
              failureMessages.push(error instanceof Error ? error.message : String(error));
            }
          },
        )
        .finally(() => {
          outstanding--;
          finishIfDone();
        });
    };
    // Sends every request that has fallen due (several at once if the timer fired late), then
    // sleeps until the next one is due. Answers never wake it, so they cannot slow the schedule.
    const tick = () => {
      const now = performance.now();
      while (isScheduling && next < options.count) {
        const scheduledAt = started + next * intervalMs;
        if (scheduledAt > now + EARLY_SEND_MS) break;
        if (scheduledAt >= deadline) {
          isTimeLimited = true;
          stopScheduling();
          break;
        }
        const index = next++;
        if (outstanding >= options.maxOutstanding) dropped++;
        else send(index, scheduledAt);
      }
      if (next >= options.count) stopScheduling();
      if (isScheduling) {
        timer = setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
      } else {
        finishIfDone();
      }
    };
    tick();
  });
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
