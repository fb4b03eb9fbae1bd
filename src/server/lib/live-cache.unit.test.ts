import { describe, expect, it } from 'vitest';
import type { ChangeHandler } from '../db/change-feed.ts';
import { LiveCache } from './live-cache.ts';

interface Row {
  id: string;
  owner: string;
  version: number;
}

function setup(max = 10) {
  const handlers: ChangeHandler[] = [];
  const feed = {
    isLive: true,
    subscribe: (handler: ChangeHandler) => {
      handlers.push(handler);
      return () => {};
    },
  };
  const cache = new LiveCache<string, Row>(feed, {
    max,
    tagOf: (row) => row.owner,
    dropTagOn: ['rows'],
    clearOn: ['everyone'],
  });
  const announce = (change: Parameters<ChangeHandler>[0]) => {
    for (const handler of handlers) handler(change);
  };
  let loads = 0;
  const loader = (row: Row) => async () => {
    loads++;
    return row;
  };
  return { feed, cache, loader, loads: () => loads, announce };
}

describe('LiveCache', () => {
  it('loads once and then serves from memory', async () => {
    const { cache, loader, loads } = setup();
    const row = { id: 'a', owner: 'u1', version: 1 };
    expect(await cache.get('a', loader(row))).toBe(row);
    expect(await cache.get('a', loader({ ...row, version: 2 }))).toBe(row);
    expect(loads()).toBe(1);
  });

  it('drops every entry of a tag, and only those', async () => {
    const { cache, loader, loads } = setup();
    await cache.get('a', loader({ id: 'a', owner: 'u1', version: 1 }));
    await cache.get('b', loader({ id: 'b', owner: 'u1', version: 1 }));
    await cache.get('c', loader({ id: 'c', owner: 'u2', version: 1 }));
    cache.dropTag('u1');
    expect(cache.size).toBe(1);
    expect((await cache.get('a', loader({ id: 'a', owner: 'u1', version: 2 })))?.version).toBe(2);
    expect((await cache.get('c', loader({ id: 'c', owner: 'u2', version: 2 })))?.version).toBe(1);
    expect(loads()).toBe(4);
  });

  it('does not keep a value loaded while a change arrived: it may predate the change', async () => {
    const { cache } = setup();
    let release: (row: Row) => void = () => {};
    const slow = cache.get('a', () => new Promise<Row>((resolve) => (release = resolve)));
    cache.dropTag('u1');
    release({ id: 'a', owner: 'u1', version: 1 });
    expect((await slow)?.version).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('keeps a value loaded while other entries changed', async () => {
    const { cache } = setup();
    let release: (row: Row) => void = () => {};
    const slow = cache.get('a', () => new Promise<Row>((resolve) => (release = resolve)));
    cache.dropTag('someone-else');
    release({ id: 'a', owner: 'u1', version: 1 });
    await slow;
    expect(cache.size).toBe(1);
  });

  it('does not keep a value loaded across a clear', async () => {
    const { cache } = setup();
    let release: (row: Row) => void = () => {};
    const slow = cache.get('a', () => new Promise<Row>((resolve) => (release = resolve)));
    cache.clear();
    release({ id: 'a', owner: 'u1', version: 1 });
    await slow;
    expect(cache.size).toBe(0);
  });

  it('neither serves nor keeps anything while the feed is not live', async () => {
    const { feed, cache, loader, loads } = setup();
    await cache.get('a', loader({ id: 'a', owner: 'u1', version: 1 }));
    feed.isLive = false;
    expect((await cache.get('a', loader({ id: 'a', owner: 'u1', version: 2 })))?.version).toBe(2);
    expect((await cache.get('b', loader({ id: 'b', owner: 'u1', version: 1 })))?.version).toBe(1);
    expect(loads()).toBe(3);
    feed.isLive = true;
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('follows the feed: a change to its table drops the tag, a clearing table or a gap empties it', async () => {
    const { cache, loader, announce } = setup();
    for (const [id, owner] of [
      ['a', 'u1'],
      ['b', 'u2'],
      ['c', 'u3'],
    ] as const)
      await cache.get(id, loader({ id, owner, version: 1 }));
    announce({ table: 'other_table', key: 'u1' });
    expect(cache.size).toBe(3);
    announce({ table: 'rows', key: 'u1' });
    expect(cache.size).toBe(2);
    announce({ table: 'everyone', key: 'x' });
    expect(cache.size).toBe(0);
    await cache.get('a', loader({ id: 'a', owner: 'u1', version: 2 }));
    announce('everything');
    expect(cache.size).toBe(0);
  });

  it('keeps at most `max` entries and forgets the tags of evicted ones', async () => {
    const { cache, loader } = setup(2);
    for (const id of ['a', 'b', 'c']) await cache.get(id, loader({ id, owner: id, version: 1 }));
    expect(cache.size).toBe(2);
    cache.dropTag('a'); // evicted already: nothing to drop, nothing breaks
    cache.dropTag('b');
    expect(cache.size).toBe(1);
  });

  it('does not keep "nothing found"', async () => {
    const { cache } = setup();
    expect(await cache.get('x', async () => undefined)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
