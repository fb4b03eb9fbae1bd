import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { ChannelListener, DatabaseHandle } from './client.ts';

/** The channel the triggers of migration 0005 announce changes on. */
const CHANNEL = 'keyfob_changes';
const SYNC_PREFIX = 'sync:';
const SETTLE_TIMEOUT_MS = 2000;

/** A committed change to a row: the table and the key its trigger announces (see migration 0005). */
export interface Change {
  table: string;
  key: string;
}

/** `everything` when notifications may have been missed: drop all that is cached. */
export type ChangeHandler = (change: Change | 'everything') => void;

/**
 * Tells in-process caches what changed in the database, on every instance: triggers announce
 * each committed change with NOTIFY and every instance LISTENs. While the listening connection
 * is down, nothing may be served from a cache (`isLive` is false).
 */
export class ChangeFeed {
  readonly #handlers = new Set<ChangeHandler>();
  readonly #waiting = new Map<string, () => void>();
  #listener: ChannelListener | undefined;

  private constructor(
    private readonly database: DatabaseHandle,
    private readonly log: FastifyBaseLogger,
  ) {}

  static async open(database: DatabaseHandle, log: FastifyBaseLogger): Promise<ChangeFeed> {
    const feed = new ChangeFeed(database, log);
    feed.#listener = await database.listen(CHANNEL, {
      message: (payload) => feed.#receive(payload),
      connection: (isListening) => {
        if (isListening) log.info('change feed: listening');
        else log.warn('change feed: connection lost; caches are bypassed until it is back');
        feed.#dispatch('everything');
      },
    });
    return feed;
  }

  /** True while changes are being received, so cached values can be trusted. */
  get isLive(): boolean {
    return this.#listener?.isListening ?? false;
  }

  subscribe(handler: ChangeHandler): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  /**
   * Resolves once every change committed before the call has reached this instance's caches:
   * notifications arrive in commit order, so receiving our own marker means the earlier ones
   * arrived too. After a write, the next read on this instance sees it.
   */
  async settle(): Promise<void> {
    if (!this.isLive) return;
    const marker = `${SYNC_PREFIX}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<void>((resolve) => {
      this.#waiting.set(marker, resolve);
      timer = setTimeout(() => {
        this.log.warn('change feed: a settle marker did not come back in time');
        resolve();
      }, SETTLE_TIMEOUT_MS);
    });
    try {
      await this.database.db.execute(sql`select pg_notify(${CHANNEL}, ${marker})`);
      await arrived;
    } finally {
      clearTimeout(timer);
      this.#waiting.delete(marker);
    }
  }

  async close(): Promise<void> {
    await this.#listener?.close();
    this.#dispatch('everything');
  }

  #receive(payload: string) {
    if (payload.startsWith(SYNC_PREFIX)) {
      this.#waiting.get(payload)?.();
      return;
    }
    const colon = payload.indexOf(':');
    if (colon < 0) return;
    this.#dispatch({ table: payload.slice(0, colon), key: payload.slice(colon + 1) });
  }

  #dispatch(change: Change | 'everything') {
    for (const handler of this.#handlers) handler(change);
  }
}
