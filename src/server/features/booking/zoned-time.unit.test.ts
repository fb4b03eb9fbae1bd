import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatInZone, instantAt, localDateOf, minutesOf, weekdayOf } from './zoned-time.ts';

const CPH = 'Europe/Copenhagen';
const at = (iso: string) => new Date(iso);

describe('wall-clock time in a zone', () => {
  it('reads ordinary times on either side of a change of clocks', () => {
    // Copenhagen: CET (+01) until 29 March 2026, CEST (+02) until 25 October 2026.
    expect(instantAt('2026-03-27', minutesOf('08:00'), CPH)).toEqual(at('2026-03-27T07:00:00Z'));
    expect(instantAt('2026-03-30', minutesOf('08:00'), CPH)).toEqual(at('2026-03-30T06:00:00Z'));
    expect(instantAt('2026-10-23', minutesOf('08:00'), CPH)).toEqual(at('2026-10-23T06:00:00Z'));
    expect(instantAt('2026-10-26', minutesOf('08:00'), CPH)).toEqual(at('2026-10-26T07:00:00Z'));
    expect(instantAt('2026-03-28', 24 * 60, CPH)).toEqual(at('2026-03-28T23:00:00Z'));
  });

  it('moves a skipped time forward by the gap, and takes the earlier of a repeated time', () => {
    // 02:30 on 29 March does not exist in Copenhagen: it reads as 03:30 CEST.
    expect(instantAt('2026-03-29', minutesOf('02:30'), CPH)).toEqual(at('2026-03-29T01:30:00Z'));
    expect(formatInZone(at('2026-03-29T01:30:00Z'), CPH)).toBe('2026-03-29T03:30:00+02:00');
    // 02:30 on 25 October happens twice: first in CEST.
    expect(instantAt('2026-10-25', minutesOf('02:30'), CPH)).toEqual(at('2026-10-25T00:30:00Z'));
    expect(formatInZone(at('2026-10-25T01:30:00Z'), CPH)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('works in zones with other rules: half hours, southern summers, negative offsets', () => {
    expect(formatInZone(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-15T17:30:00+05:30');
    expect(formatInZone(at('2026-01-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe('2026-01-15T23:00:00+11:00');
    expect(formatInZone(at('2026-07-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe('2026-07-15T22:30:00+10:30');
    expect(instantAt('2026-03-08', minutesOf('02:30'), 'America/New_York')).toEqual(
      at('2026-03-08T07:30:00Z'),
    );
    expect(formatInZone(at('2026-06-01T03:00:00Z'), 'America/New_York')).toBe('2026-05-31T23:00:00-04:00');
  });

  it('knows dates and weekdays', () => {
    expect(localDateOf(at('2026-03-28T23:30:00Z'), CPH)).toBe('2026-03-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(weekdayOf('2026-03-29')).toBe(7);
    expect(weekdayOf('2026-03-30')).toBe(1);
  });

  it('maps any instant to a wall clock that maps back to an instant reading the same', () => {
    const zones = fc.constantFrom(
      CPH,
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Chatham',
      'UTC',
    );
    const minutes = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 });
    fc.assert(
      fc.property(zones, minutes, (zone, minute) => {
        const instant = new Date(minute * 60_000);
        const text = formatInZone(instant, zone);
        expect(new Date(text).getTime()).toBe(instant.getTime());
        const back = instantAt(text.slice(0, 10), minutesOf(text.slice(11, 16)), zone);
        expect(formatInZone(back, zone).slice(0, 16)).toBe(text.slice(0, 16));
        // The earlier of two readings: never later than the instant itself.
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
