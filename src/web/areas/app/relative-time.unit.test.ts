import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

describe('relative times for invitation expiry', () => {
  const now = new Date('2026-03-02T10:00:00Z');

  it('uses the largest unit that fits, ahead and behind', () => {
    expect(formatRelativeTime('2026-03-03T09:00:00Z', now, 'en')).toBe('in 23 hours');
    expect(formatRelativeTime('2026-03-02T10:05:00Z', now, 'en')).toBe('in 5 minutes');
    expect(formatRelativeTime('2026-02-28T10:00:00Z', now, 'en')).toBe('2 days ago');
    // Hours up to two days: a link lasts 24 hours, and "tomorrow" would blur that.
    expect(formatRelativeTime('2026-03-03T10:00:00Z', now, 'en')).toBe('in 24 hours');
    expect(formatRelativeTime('2026-03-01T09:00:00Z', now, 'en')).toBe('25 hours ago');
  });

  it('speaks Danish', () => {
    expect(formatRelativeTime('2026-03-03T09:00:00Z', now, 'da')).toBe('om 23 timer');
    expect(formatRelativeTime('2026-03-02T08:00:00Z', now, 'da')).toBe('for 2 timer siden');
  });
});
