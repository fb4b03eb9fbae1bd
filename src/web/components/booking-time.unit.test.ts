import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatAppointment,
  formatInZone,
  formatWallTime,
  instantAt,
  isLocalDate,
  localDateIn,
  minutesOf,
  startOfWeek,
  timeOfDay,
  wallClockOf,
  weekdayName,
  weekdayOf,
} from './booking-time.ts';

const ZONE = 'Europe/Copenhagen';

describe('booking times at the workshop', () => {
  it('reads the wall clock from the digits, whatever the offset', () => {
    expect(wallClockOf('2026-03-30T08:00:00+02:00')).toMatchObject({ date: '2026-03-30', minuteOfDay: 480 });
    expect(wallClockOf('2026-03-27T23:30:00-05:00')).toMatchObject({ date: '2026-03-27', minuteOfDay: 1410 });
    expect(formatWallTime('2026-03-30T08:00:00+02:00', 'en')).toBe('08:00');
    expect(() => wallClockOf('tomorrow')).toThrow();
  });

  it('words an appointment in English and Danish', () => {
    expect(formatAppointment('2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00', 'en')).toBe(
      'Monday, 2 March 2026, 10:00–11:00',
    );
    expect(formatAppointment('2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00', 'da')).toBe(
      'mandag den 2. marts 2026, 10.00–11.00',
    );
    // Up to midnight is still that day.
    expect(formatAppointment('2026-03-02T23:00:00+01:00', '2026-03-03T00:00:00+01:00', 'en')).toBe(
      'Monday, 2 March 2026, 23:00–00:00',
    );
    expect(formatAppointment('2026-03-02T22:00:00+01:00', '2026-03-03T02:00:00+01:00', 'en')).toContain(
      '3 March 2026',
    );
  });

  it('shows a moment on the workshop clock, not the browser one', () => {
    expect(formatInZone('2026-03-01T09:00:00.000Z', ZONE, 'en')).toBe('1 March 2026 at 10:00');
    expect(formatInZone('2026-07-01T09:00:00.000Z', ZONE, 'en')).toBe('1 July 2026 at 11:00');
  });

  it('turns a wall-clock time into the instant, across the spring and autumn changes', () => {
    expect(instantAt('2026-03-02', 8 * 60, ZONE).toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(instantAt('2026-03-30', 8 * 60, ZONE).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // 02:30 does not happen on 29 March 2026: it reads as the hour after.
    expect(instantAt('2026-03-29', 150, ZONE).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first.
    expect(instantAt('2026-10-25', 150, ZONE).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localDateIn(new Date('2026-03-01T23:30:00Z'), ZONE)).toBe('2026-03-02');
  });

  it('counts dates and weeks from Monday', () => {
    expect(weekdayOf('2026-03-01')).toBe(7);
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(startOfWeek('2026-03-01')).toBe('2026-02-23');
    expect(startOfWeek('2026-03-02')).toBe('2026-03-02');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'da')).toBe('søndag');
  });

  it('checks dates and times as typed', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(minutesOf('08:30')).toBe(510);
    expect(minutesOf('24:00')).toBe(1440);
    expect(minutesOf('24:30')).toBeUndefined();
    expect(minutesOf('8:30')).toBeUndefined();
    expect(timeOfDay(510)).toBe('08:30');
  });
});
