import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningInterval } from '../../db/schema/index.ts';
import {
  type BookingCalendar,
  bookingMinutes,
  freeSlots,
  openingSpansOn,
  peakOccupancy,
  type TimeSpan,
  whyNotFree,
} from './slots.ts';
import { addDays, formatInZone, localDateOf } from './zoned-time.ts';

const CPH = 'Europe/Copenhagen';
const at = (iso: string) => new Date(iso);
const span = (start: string, end: string): TimeSpan => ({ start: at(start), end: at(end) });
const weekdays = (opens: string, closes: string): OpeningInterval[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

function calendar(overrides: Partial<BookingCalendar> = {}): BookingCalendar {
  return {
    timeZone: CPH,
    openingHours: weekdays('08:00', '12:00'),
    closedDates: new Set(),
    slotMinutes: 60,
    capacity: 1,
    ...overrides,
  };
}

const labels = (slots: TimeSpan[], zone = CPH) => slots.map((slot) => formatInZone(slot.start, zone));

describe('booking length', () => {
  it('adds the service durations up and rounds up to whole slots, at least one', () => {
    expect(bookingMinutes([], 60)).toBe(60);
    expect(bookingMinutes([30], 60)).toBe(60);
    expect(bookingMinutes([45, 30], 60)).toBe(120);
    expect(bookingMinutes([120], 30)).toBe(120);
    expect(bookingMinutes([10], 15)).toBe(15);
  });
});

describe('peak occupancy', () => {
  const busy = [
    span('2026-03-30T06:00:00Z', '2026-03-30T08:00:00Z'),
    span('2026-03-30T07:00:00Z', '2026-03-30T09:00:00Z'),
    span('2026-03-30T09:00:00Z', '2026-03-30T10:00:00Z'),
  ];
  it('counts the most bookings overlapping at any moment of a half-open span', () => {
    expect(peakOccupancy(busy, at('2026-03-30T06:00:00Z'), at('2026-03-30T07:00:00Z'))).toBe(1);
    expect(peakOccupancy(busy, at('2026-03-30T06:00:00Z'), at('2026-03-30T07:00:01Z'))).toBe(2);
    expect(peakOccupancy(busy, at('2026-03-30T08:00:00Z'), at('2026-03-30T10:00:00Z'))).toBe(1);
    expect(peakOccupancy(busy, at('2026-03-30T10:00:00Z'), at('2026-03-30T11:00:00Z'))).toBe(0);
    expect(peakOccupancy([], at('2026-03-30T10:00:00Z'), at('2026-03-30T11:00:00Z'))).toBe(0);
  });
});

describe('free slots', () => {
  it('lies on the slot grid of each opening interval, in the workshop time zone', () => {
    const slots = freeSlots(calendar({ slotMinutes: 90 }), {
      from: at('2026-03-30T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
      notBefore: at('2026-03-01T00:00:00Z'),
      durationMinutes: 90,
      busy: [],
    });
    // 08:00–12:00 in 90-minute slots: 08:00 and 09:30 fit; 11:00 would end after closing.
    expect(labels(slots)).toEqual(['2026-03-30T08:00:00+02:00', '2026-03-30T09:30:00+02:00']);
    expect(slots.map((slot) => slot.end.getTime() - slot.start.getTime())).toEqual([
      90 * 60_000,
      90 * 60_000,
    ]);
  });

  it('keeps wall-clock opening hours on both sides of the spring change', () => {
    const slots = freeSlots(calendar(), {
      from: at('2026-03-27T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
      notBefore: at('2026-03-01T00:00:00Z'),
      durationMinutes: 60,
      busy: [],
    });
    expect(labels(slots)).toEqual([
      '2026-03-27T08:00:00+01:00',
      '2026-03-27T09:00:00+01:00',
      '2026-03-27T10:00:00+01:00',
      '2026-03-27T11:00:00+01:00',
      '2026-03-30T08:00:00+02:00',
      '2026-03-30T09:00:00+02:00',
      '2026-03-30T10:00:00+02:00',
      '2026-03-30T11:00:00+02:00',
    ]);
    expect(slots[0]?.start).toEqual(at('2026-03-27T07:00:00Z'));
    expect(slots[4]?.start).toEqual(at('2026-03-30T06:00:00Z'));
  });

  it('measures an interval across the change in elapsed time: an hour less in spring, more in autumn', () => {
    const night = calendar({ openingHours: [{ weekday: 7, opens: '01:00', closes: '04:00' }] });
    const query = { notBefore: at('2026-01-01T00:00:00Z'), durationMinutes: 60, busy: [] };
    const spring = freeSlots(night, {
      ...query,
      from: at('2026-03-28T00:00:00Z'),
      to: at('2026-03-30T00:00:00Z'),
    });
    expect(labels(spring)).toEqual(['2026-03-29T01:00:00+01:00', '2026-03-29T03:00:00+02:00']);
    const autumn = freeSlots(night, {
      ...query,
      from: at('2026-10-24T00:00:00Z'),
      to: at('2026-10-26T00:00:00Z'),
    });
    expect(labels(autumn)).toEqual([
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T03:00:00+01:00',
    ]);
    // Every slot is a real hour long, whatever the clocks say.
    for (const slot of [...spring, ...autumn]) {
      expect(slot.end.getTime() - slot.start.getTime()).toBe(60 * 60_000);
    }
  });

  it('offers nothing on a closed date, in the past, or outside the asked range', () => {
    const closed = calendar({ closedDates: new Set(['2026-03-31']) });
    const slots = freeSlots(closed, {
      from: at('2026-03-30T00:00:00Z'),
      to: at('2026-04-02T00:00:00Z'),
      notBefore: at('2026-03-30T07:30:00Z'),
      durationMinutes: 60,
      busy: [],
    });
    expect(labels(slots)).toEqual([
      '2026-03-30T10:00:00+02:00',
      '2026-03-30T11:00:00+02:00',
      '2026-04-01T08:00:00+02:00',
      '2026-04-01T09:00:00+02:00',
      '2026-04-01T10:00:00+02:00',
      '2026-04-01T11:00:00+02:00',
    ]);
  });

  it('leaves out a slot once every bay is taken, and a long booking needs every slot it covers', () => {
    const twoBays = calendar({ capacity: 2 });
    const busy = [
      span('2026-03-30T06:00:00Z', '2026-03-30T07:00:00Z'),
      span('2026-03-30T06:00:00Z', '2026-03-30T08:00:00Z'),
      span('2026-03-30T08:00:00Z', '2026-03-30T09:00:00Z'),
    ];
    const query = {
      from: at('2026-03-30T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
      notBefore: at('2026-03-01T00:00:00Z'),
      busy,
    };
    expect(labels(freeSlots(twoBays, { ...query, durationMinutes: 60 }))).toEqual([
      '2026-03-30T09:00:00+02:00',
      '2026-03-30T10:00:00+02:00',
      '2026-03-30T11:00:00+02:00',
    ]);
    expect(labels(freeSlots(twoBays, { ...query, durationMinutes: 120 }))).toEqual([
      '2026-03-30T09:00:00+02:00',
      '2026-03-30T10:00:00+02:00',
    ]);
  });

  it('says why a start is not free', () => {
    const cal = calendar();
    const query = {
      notBefore: at('2026-03-02T00:00:00Z'),
      durationMinutes: 60,
      busy: [span('2026-03-30T06:00:00Z', '2026-03-30T07:00:00Z')],
    };
    expect(whyNotFree(cal, at('2026-03-30T07:00:00Z'), query)).toBeNull();
    expect(whyNotFree(cal, at('2026-03-30T06:00:00Z'), query)).toBe('full');
    expect(whyNotFree(cal, at('2026-03-30T06:30:00Z'), query)).toBe('not_a_slot');
    expect(whyNotFree(cal, at('2026-03-29T08:00:00Z'), query)).toBe('not_a_slot');
    expect(whyNotFree(cal, at('2026-03-01T08:00:00Z'), query)).toBe('past');
  });
});

describe('free slots, for any calendar', () => {
  const zone = fc.constantFrom(CPH, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC');
  const minuteOfDay = fc.integer({ min: 0, max: 24 * 4 }).map((quarter) => quarter * 15);
  /** Up to two intervals a weekday that never overlap: sorted cut points taken in pairs. */
  const openingHours = fc
    .array(fc.uniqueArray(minuteOfDay, { minLength: 0, maxLength: 4 }), { minLength: 7, maxLength: 7 })
    .map((days) =>
      days.flatMap((cuts, index) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const intervals: OpeningInterval[] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) {
          const [opens = 0, closes = 0] = [sorted[i], sorted[i + 1]];
          const hhmm = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          intervals.push({ weekday: index + 1, opens: hhmm(opens), closes: hhmm(closes) });
        }
        return intervals;
      }),
    );
  // Around both 2026 changes in Europe and the US, and Lord Howe's April change.
  const start = fc.constantFrom(
    Date.UTC(2026, 2, 5),
    Date.UTC(2026, 2, 25),
    Date.UTC(2026, 3, 1),
    Date.UTC(2026, 9, 22),
    Date.UTC(2026, 9, 30),
  );
  const scenario = fc
    .record({
      timeZone: zone,
      openingHours,
      slotMinutes: fc.constantFrom(15, 30, 45, 60, 90),
      capacity: fc.integer({ min: 1, max: 3 }),
      slotsLong: fc.integer({ min: 1, max: 3 }),
      start,
      days: fc.integer({ min: 1, max: 8 }),
      closedOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }),
      busyStarts: fc.array(fc.integer({ min: 0, max: 8 * 24 * 4 }), { maxLength: 25 }),
      busyLengths: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 25, maxLength: 25 }),
      notBeforeOffset: fc.integer({ min: 0, max: 3 * 24 * 4 }),
    })
    .map((s) => {
      const from = new Date(s.start);
      const firstDate = localDateOf(from, s.timeZone);
      const cal: BookingCalendar = {
        timeZone: s.timeZone,
        openingHours: s.openingHours,
        closedDates: new Set(s.closedOffsets.map((offset) => addDays(firstDate, offset))),
        slotMinutes: s.slotMinutes,
        capacity: s.capacity,
      };
      const busy = s.busyStarts.map((quarter, index) => {
        const begins = s.start + quarter * 15 * 60_000;
        return { start: new Date(begins), end: new Date(begins + (s.busyLengths[index] ?? 1) * 15 * 60_000) };
      });
      return {
        cal,
        query: {
          from,
          to: new Date(s.start + s.days * 24 * 60 * 60_000),
          notBefore: new Date(s.start + s.notBeforeOffset * 15 * 60_000),
          durationMinutes: s.slotsLong * s.slotMinutes,
          busy,
        },
      };
    });

  it('never offers a slot outside opening hours, on a closed date, or before now', () => {
    fc.assert(
      fc.property(scenario, ({ cal, query }) =>
        freeSlots(cal, query).every((slot) => {
          const date = localDateOf(slot.start, cal.timeZone);
          return (
            slot.start.getTime() >= Math.max(query.from.getTime(), query.notBefore.getTime()) &&
            slot.start < query.to &&
            slot.end.getTime() - slot.start.getTime() === query.durationMinutes * 60_000 &&
            !cal.closedDates.has(date) &&
            openingSpansOn(cal, date).some((open) => open.start <= slot.start && slot.end <= open.end)
          );
        }),
      ),
      { numRuns: 200 },
    );
  });

  it('never offers a slot that would put more bookings in the bays than there are bays', () => {
    fc.assert(
      fc.property(scenario, ({ cal, query }) => {
        const slots = freeSlots(cal, query);
        const withinCapacity = slots.every(
          (slot) => peakOccupancy([...query.busy, slot], slot.start, slot.end) <= cal.capacity,
        );
        // Starts strictly increase: no slot is offered twice.
        const isIncreasing = slots.every(
          (slot, i) => i === 0 || slot.start > (slots[i - 1]?.start ?? slot.start),
        );
        return withinCapacity && isIncreasing;
      }),
      { numRuns: 200 },
    );
  });

  it('keeps capacity when slots are booked one after another as they are offered', () => {
    fc.assert(
      fc.property(scenario, ({ cal, query }) => {
        const busy = [...query.busy];
        for (let round = 0; round < 10; round++) {
          const [first] = freeSlots(cal, { ...query, busy });
          if (!first) break;
          busy.push(first);
        }
        return busy
          .slice(query.busy.length)
          .every(
            (booked) =>
              peakOccupancy(busy, booked.start, booked.end) <=
              Math.max(cal.capacity, peakOccupancy(query.busy, booked.start, booked.end)),
          );
      }),
      { numRuns: 100 },
    );
  });
});
