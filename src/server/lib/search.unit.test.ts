import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, prefixPattern } from './search.ts';

describe('keyset cursors', () => {
  it('give back what they were made of', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.uuid(), (key, id) => {
        expect(decodeCursor(encodeCursor(key, id))).toEqual([key, id]);
      }),
    );
  });

  it('turn anything forged or broken into no cursor, never into SQL input', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const forged of [
      'garbage',
      '',
      encode(['x', 'y']),
      encode(['x']),
      encode({ a: 1 }),
      encode(['x', 1]),
    ])
      expect(decodeCursor(forged), forged).toBeUndefined();
    fc.assert(
      fc.property(
        fc.string(),
        (text) => decodeCursor(text) === undefined || decodeCursor(text)?.length === 2,
      ),
    );
  });
});

describe('prefixPattern', () => {
  it("escapes LIKE's wildcards and lower-cases", () => {
    expect(prefixPattern(' Ab%_\\ ')).toBe('ab\\%\\_\\\\%');
    expect(prefixPattern('   ')).toBeUndefined();
  });
});
