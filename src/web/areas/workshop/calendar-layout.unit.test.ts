import { describe, expect, it } from 'vitest';
import { hoursOn, placeOnDay, visibleMinutes } from './calendar-layout.ts';

const booking = (id: string, start: string, end: string) => ({ id, start, end });
const timeOf = (item: { start: string; end: string }) => item;

describe("the workshop's calendar", () => {
  it('puts overlapping bookings side by side, and the others full width', () => {
    const placed = placeOnDay(
      [
        booking('a', '2026-03-02T08:00:00+01:00', '2026-03-02T10:00:00+01:00'),
        booking('b', '2026-03-02T09:00:00+01:00', '2026-03-02T10:00:00+01:00'),
        booking('c', '2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00'),
        booking('d', '2026-03-03T10:00:00+01:00', '2026-03-03T11:00:00+01:00'),
      ],
      '2026-03-02',
      timeOf,
    );
    expect(placed.map((p) => [p.item.id, p.startMinute, p.endMinute, p.lane, p.lanes])).toEqual([
      ['a', 480, 600, 0, 2],
      ['b', 540, 600, 1, 2],
      ['c', 600, 660, 0, 1],
    ]);
  });

  it('reuses a lane once it is free within one group', () => {
    const placed = placeOnDay(
      [
        booking('long', '2026-03-02T08:00:00+01:00', '2026-03-02T12:00:00+01:00'),
        booking('early', '2026-03-02T08:00:00+01:00', '2026-03-02T09:00:00+01:00'),
        booking('late', '2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00'),
      ],
      '2026-03-02',
      timeOf,
    );
    expect(placed.map((p) => [p.item.id, p.lane, p.lanes])).toEqual([
      ['long', 0, 2],
      ['early', 1, 2],
      ['late', 1, 2],
    ]);
  });

  it('cuts a booking that runs past midnight to each day, on the workshop clock', () => {
    const night = [booking('n', '2026-03-02T22:00:00+01:00', '2026-03-03T02:00:00+01:00')];
    expect(placeOnDay(night, '2026-03-02', timeOf)[0]).toMatchObject({ startMinute: 1320, endMinute: 1440 });
    expect(placeOnDay(night, '2026-03-03', timeOf)[0]).toMatchObject({ startMinute: 0, endMinute: 120 });
  });

  it('reads opening hours and closed dates, and how much of the day to draw', () => {
    const settings = {
      openingHours: [
        { weekday: 1, opens: '13:00', closes: '16:30' },
        { weekday: 1, opens: '08:00', closes: '12:00' },
      ],
      closedDates: [{ date: '2026-03-09', note: 'Staff day' }],
    };
    const monday = hoursOn('2026-03-02', settings);
    expect(monday).toEqual({
      isClosed: false,
      note: null,
      open: [
        { from: 480, to: 720 },
        { from: 780, to: 990 },
      ],
    });
    expect(hoursOn('2026-03-03', settings).isClosed).toBe(true);
    expect(hoursOn('2026-03-09', settings)).toMatchObject({ isClosed: true, note: 'Staff day' });
    expect(visibleMinutes([monday], [])).toEqual({ from: 480, to: 1020 });
    expect(visibleMinutes([monday], [{ startMinute: 420, endMinute: 450 }])).toEqual({ from: 420, to: 1020 });
    expect(visibleMinutes([], [])).toEqual({ from: 480, to: 1020 });
  });
});
