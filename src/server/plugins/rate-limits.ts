import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { Problem } from '../lib/errors.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

/** How often each sensitive action may be tried (SPEC §3 and the identity issue). */
export const RATE_LIMITS = {
  loginPerEmail: { max: 10, windowMs: 15 * MINUTE },
  loginPerAddress: { max: 100, windowMs: 15 * MINUTE },
  acceptPerAddress: { max: 60, windowMs: 15 * MINUTE },
  resendPerInvitation: { max: 5, windowMs: 60 * MINUTE },
  passwordResetPerEmail: { max: 5, windowMs: 60 * MINUTE },
  passwordResetPerAddress: { max: 30, windowMs: 60 * MINUTE },
  chatMessagesPerPerson: { max: 30, windowMs: MINUTE },
} satisfies Record<string, Limit>;

export type RateLimits = Record<keyof typeof RATE_LIMITS, Limit>;

/** The plugin's own in-memory store (it has no types of its own). */
const LocalStore: new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => FastifyRateLimitStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js');

/**
 * The plugin's LocalStore answers each increment with its own live record, so requests counted
 * in the same tick all read the last count and a burst of 7 against a limit of 5 gets 7 refusals.
 * This store hands each caller a copy of the count as it was after its own increment.
 */
class SnapshotStore implements FastifyRateLimitStore {
  // keyfob uses neither `continueExceeding` nor `exponentialBackoff`.
  readonly #store = new LocalStore(false, false);

  incr(...[key, callback, timeWindow, max]: Parameters<FastifyRateLimitStore['incr']>) {
    this.#store.incr(
      key,
      (error, result) => callback(error, result && { current: result.current, ttl: result.ttl }),
      timeWindow,
      max,
    );
  }

  child(): FastifyRateLimitStore {
    return new SnapshotStore();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RateLimits;
  }
}

/**
 * Registers @fastify/rate-limit's store without a global limit; routes stack `limitBy`
 * pre-handlers, one per key (email, address, invitation), each answered 429 `rate_limited`.
 */
export const rateLimitsPlugin = fp(
  async (app: FastifyInstance, options: { limits?: Partial<RateLimits> }) => {
    app.decorate('rateLimits', { ...RATE_LIMITS, ...options.limits });
    await app.register(rateLimit, { global: false, store: SnapshotStore });
  },
  { name: 'rate-limits', dependencies: ['problems'] },
);

/**
 * A pre-handler that limits a route per key. Built on `createRateLimit` (not `rateLimit()`,
 * whose handlers run only once per request), so several limits on one route all count.
 */
export function limitBy(
  app: FastifyInstance,
  name: keyof RateLimits,
  key: (request: FastifyRequest) => string,
): preHandlerAsyncHookHandler {
  const limit = app.rateLimits[name];
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => `${name}:${key(request)}`,
  });
  return async (request, reply) => {
    const result = await check(request);
    // `isAllowed` means "on the allow list"; the limit itself is `isExceeded`.
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    throw new Problem(429, 'rate_limited', `Too many attempts; try again in ${result.ttlInSeconds} seconds.`);
  };
}
