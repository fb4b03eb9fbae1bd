import { z } from 'zod';

/** A user's search text as a LIKE prefix pattern: lower-cased, with LIKE's wildcards escaped. */
export function prefixPattern(q: string | undefined): string | undefined {
  const text = q?.trim().toLowerCase();
  if (!text) return undefined;
  return `${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

// Every keyset list ends its order with a uuid id; a forged cursor must not reach SQL as one.
const Cursor = z.tuple([z.string().max(1000), z.uuid()]);

/** Keyset cursors for lists ordered by (sort key, id): opaque to clients, checked when read. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
}

/** Splits a page of `limit + 1` rows into the page and the cursor of the next one. */
export function paginate<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  sortKey: (row: Row) => string,
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(sortKey(last), last.id) : null };
}

/** A cursor of a list ordered newest first by time, then id: the time and id, or undefined. */
export function decodeTimeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const key = decodeCursor(cursor);
  const at = key ? new Date(key[0]) : undefined;
  return key && at && !Number.isNaN(at.getTime()) ? { at, id: key[1] } : undefined;
}
