import { describe, expect, it } from 'vitest';
import {
  formatEur,
  formatExactEur,
  formatKwh,
  formatMonth,
  isMonth,
  monthOf,
  nextMonth,
  previousMonth,
  recentMonths,
  sumDecimals,
} from './charging-format.ts';

describe('money and energy', () => {
  it('writes euros as each language does, from the exact decimal string', () => {
    expect(formatEur('5.71', 'en')).toBe('€5.71');
    expect(formatEur('5.71', 'da')).toBe('5,71\u00a0€');
    // Beyond what a binary float holds exactly: still every digit.
    expect(formatEur('90071992547409.93', 'en')).toBe('€90,071,992,547,409.93');
  });

  it('keeps the decimals of an exact line amount that matter, and at least cents', () => {
    expect(formatExactEur('0.2500000', 'en')).toBe('0.25');
    expect(formatExactEur('1.2345678', 'da')).toBe('1,2345678');
  });

  it('writes kWh to the Wh', () => {
    expect(formatKwh('20.809', 'en')).toBe('20.809');
    expect(formatKwh('1234.5', 'da')).toBe('1.234,5');
    expect(formatKwh('0', 'en')).toBe('0');
  });

  it('adds decimal strings exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['5.71', '10', '0.125'])).toBe('15.835');
    expect(sumDecimals(['-1.50', '1.25'])).toBe('-0.25');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(['0.05', '0.05'])).toBe('0.10');
  });
});

describe('months', () => {
  it('recognises YYYY-MM only', () => {
    expect(isMonth('2026-02')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-2')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });

  it('names a month in words', () => {
    expect(formatMonth('2026-02', 'en')).toBe('February 2026');
    expect(formatMonth('2026-02', 'da')).toBe('februar 2026');
  });

  it('counts months on the Copenhagen calendar', () => {
    // 23:30 UTC on 31 January is already February in Copenhagen.
    expect(monthOf(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02');
    expect(monthOf(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01');
  });

  it('steps across years and lists recent months newest first', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(recentMonths(new Date('2026-03-01T09:00:00Z'), 4)).toEqual([
      '2026-03',
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
  });
});
