import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../db/change-feed.ts';

export interface LiveCacheOptions<V> {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** The tag a change names to drop an entry (a user id, a vehicle id). */
  tagOf(value: V): string;
  /** Tables whose changes name a tag of this cache (`table:<tag>`): the entries with it go. */
  dropTagOn: readonly string[];
  /** Tables any change to which empties the whole cache. */
  clearOn?: readonly string[];
}

/**
 * Values read from the database, kept in process until a change to what they were read from
 * arrives on the change feed. Served only while the feed is live. A value loaded while a change
 * to it arrived (its tag dropped, or everything cleared) is returned but not kept, since it may
 * predate the change; changes to other entries do not stop it being kept.
 */
export class LiveCache<K extends {}, V extends {}> {
  readonly #entries: LRUCache<K, V>;
  readonly #keysByTag = new Map<string, Set<K>>();
  /** Loads in flight, each with the tags dropped while it ran (`everything` after a clear). */
  readonly #loading = new Set<{ dropped: Set<string>; isCleared: boolean }>();

  constructor(
    private readonly feed: Pick<ChangeFeed, 'isLive' | 'subscribe'>,
    private readonly options: LiveCacheOptions<V>,
  ) {
    this.#entries = new LRUCache<K, V>({
      max: options.max,
      dispose: (value, key) => this.#untag(options.tagOf(value), key),
    });
    const drops = new Set(options.dropTagOn);
    const clears = new Set(options.clearOn);
    feed.subscribe((change) => {
      // `everything`: the feed may have missed changes, so nothing kept can be trusted.
      if (change === 'everything' || clears.has(change.table)) this.clear();
      else if (drops.has(change.table)) this.dropTag(change.key);
    });
  }

  async get(key: K, load: () => Promise<V | undefined>): Promise<V | undefined> {
    if (this.feed.isLive) {
      const hit = this.#entries.get(key);
      if (hit !== undefined) return hit;
    }
    const flight = { dropped: new Set<string>(), isCleared: false };
    this.#loading.add(flight);
    let value: V | undefined;
    try {
      value = await load();
    } finally {
      this.#loading.delete(flight);
    }
    // Kept only if nothing it was read from changed meanwhile: other changes do not matter.
    const isCurrent =
      value !== undefined && !flight.isCleared && !flight.dropped.has(this.options.tagOf(value));
    if (value !== undefined && isCurrent && this.feed.isLive) {
      this.#entries.set(key, value);
      const tag = this.options.tagOf(value);
      const keys = this.#keysByTag.get(tag) ?? new Set<K>();
      keys.add(key);
      this.#keysByTag.set(tag, keys);
    }
    return value;
  }

  /** Replaces a kept value in place, e.g. after this instance itself wrote the change. */
  update(key: K, value: V): void {
    if (this.#entries.has(key)) this.#entries.set(key, value, { noDisposeOnSet: true });
  }

  /** Drops every entry with this tag. */
  dropTag(tag: string): void {
    for (const flight of this.#loading) flight.dropped.add(tag);
    for (const key of [...(this.#keysByTag.get(tag) ?? [])]) this.#entries.delete(key);
  }

  clear(): void {
    for (const flight of this.#loading) flight.isCleared = true;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #untag(tag: string, key: K) {
    const keys = this.#keysByTag.get(tag);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByTag.delete(tag);
  }
}
