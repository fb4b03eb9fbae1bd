import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonthText, monthOf, monthSpan, monthStart, nextMonth, previousMonth } from './months.ts';

const months = fc
  .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }))
  .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`);
const zones = fc.constantFrom(
  'Europe/Copenhagen',
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Auckland',
);

describe('months on a time zone calendar', () => {
  it('begins a Copenhagen month at local midnight, in winter and in summer time', () => {
    expect(monthStart('2026-03').toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(monthStart('2026-07').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(monthSpan('2026-12')).toEqual({
      start: new Date('2026-11-30T23:00:00Z'),
      end: new Date('2026-12-31T23:00:00Z'),
    });
  });

  it('puts an instant in the month of its local date, not its UTC date', () => {
    // 00:30 on 1 March in Copenhagen is still 28 February in UTC.
    expect(monthOf(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03');
    expect(monthOf(new Date('2026-02-28T22:59:59.999Z'))).toBe('2026-02');
    expect(monthOf(new Date('2026-02-28T23:30:00Z'), 'UTC')).toBe('2026-02');
  });

  it('steps through the year boundary', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(nextMonth('2026-02')).toBe('2026-03');
  });

  it('has the month begin in itself and the instant before it in the month before', () => {
    fc.assert(
      fc.property(months, zones, (month, zone) => {
        const start = monthStart(month, zone);
        expect(monthOf(start, zone)).toBe(month);
        expect(monthOf(new Date(start.getTime() - 1), zone)).toBe(previousMonth(month));
        expect(previousMonth(nextMonth(month))).toBe(month);
      }),
    );
  });

  it('places every instant inside the span of its month', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-02-01'), max: new Date('2100-11-30'), noInvalidDate: true }),
        zones,
        (at, zone) => {
          const { start, end } = monthSpan(monthOf(at, zone), zone);
          expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime()).toBeLessThan(end.getTime());
        },
      ),
    );
  });

  it('accepts YYYY-MM only', () => {
    expect(MonthText.safeParse('2026-02').success).toBe(true);
    for (const bad of ['2026-2', '2026-13', '2026-00', '26-02', '2026-02-01', '1999-12'])
      expect(MonthText.safeParse(bad).success, bad).toBe(false);
  });
});
