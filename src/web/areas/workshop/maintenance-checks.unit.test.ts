import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseMileage } from './maintenance-checks.ts';

describe('a due mileage as typed', () => {
  it('reads whole kilometres, with thousands grouped the English or the Danish way', () => {
    expect(parseMileage('15000')).toBe(15000);
    expect(parseMileage(' 15 000 ')).toBe(15000);
    expect(parseMileage('15,000')).toBe(15000);
    expect(parseMileage('15.000')).toBe(15000);
    expect(parseMileage('0')).toBe(0);
  });

  it('refuses what is not a mileage the server takes', () => {
    expect(parseMileage('')).toBeUndefined();
    expect(parseMileage('-5')).toBeUndefined();
    expect(parseMileage('15 km')).toBeUndefined();
    expect(parseMileage('2000001')).toBeUndefined();
    expect(parseMileage('2000000')).toBe(2_000_000);
  });
});

describe('a due date', () => {
  it('is a real day written YYYY-MM-DD', () => {
    expect(isCalendarDate('2026-03-15')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('15-03-2026')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});
