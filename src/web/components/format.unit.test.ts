import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDuration,
  formatKilometres,
  formatPercent,
  formatTimeRange,
} from './format.ts';

describe('formatDuration', () => {
  it('rounds to the minute, with hours when there are any', () => {
    expect(formatDuration(25 * 60 + 20, 'en')).toBe('25 mins');
    expect(formatDuration(3600 + 5 * 60, 'en')).toBe('1 hr 5 mins');
    expect(formatDuration(2 * 3600, 'en')).toBe('2 hrs');
    expect(formatDuration(3600 + 5 * 60, 'da')).toBe('1 t. 5 min.');
  });

  it('does not say "60 mins" for a duration just under an hour', () => {
    expect(formatDuration(3599, 'en')).toBe('1 hr');
  });

  it('counts seconds under a minute', () => {
    expect(formatDuration(40, 'en')).toBe('40 secs');
  });
});

describe('numbers with units', () => {
  it('writes percentages and kilometres as each language does', () => {
    expect(formatPercent(62, 'en')).toBe('62%');
    expect(formatPercent(62, 'da')).toBe('62\u00a0%');
    expect(formatKilometres(4.25, 'en')).toBe('4.3 km');
    expect(formatKilometres(12345.6, 'en')).toBe('12,346 km');
    expect(formatKilometres(12345.6, 'da')).toBe('12.346 km');
  });
});

describe('formatTimeRange', () => {
  it('gives start and end time of a trip on one day', () => {
    const range = formatTimeRange('2026-03-01T09:00:00Z', '2026-03-01T09:25:00Z', 'en');
    expect(range).toMatch(/^\d\d:\d\d\u2013\d\d:\d\d$/);
  });
});

describe('formatCalendarDate', () => {
  it('writes a due date as the day it names, in each language', () => {
    expect(formatCalendarDate('2026-03-15', 'en')).toBe('15 March 2026');
    expect(formatCalendarDate('2026-03-15', 'da')).toBe('15. marts 2026');
    expect(formatCalendarDate('2026-01-01', 'en')).toBe('1 January 2026');
  });
});
