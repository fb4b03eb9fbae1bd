import type { OpeningInterval } from '../../db/schema/index.ts';
import { addDays, instantAt, type LocalDate, localDateOf, minutesOf, weekdayOf } from './zoned-time.ts';

const MINUTE_MS = 60_000;

/** What deciding free slots needs of a workshop: no database, no clock. */
export interface BookingCalendar {
  timeZone: string;
  openingHours: readonly OpeningInterval[];
  closedDates: ReadonlySet<LocalDate>;
  slotMinutes: number;
  /** How many bookings may overlap at any moment (parallel bays). */
  capacity: number;
}

/** A half-open span of time `[start, end)`. */
export interface TimeSpan {
  start: Date;
  end: Date;
}

/**
 * How long a booking holds a bay: its service types' durations added up, rounded up to whole
 * slots, and never less than one slot.
 */
export function bookingMinutes(serviceDurations: readonly number[], slotMinutes: number): number {
  const total = serviceDurations.reduce((sum, minutes) => sum + minutes, 0);
  return Math.max(1, Math.ceil(total / slotMinutes)) * slotMinutes;
}

/**
 * The most bookings that overlap at any moment of `[start, end)`. Occupancy only rises where a
 * booking begins, so it is enough to count at `start` and at each booking start inside the span.
 */
export function peakOccupancy(busy: readonly TimeSpan[], start: Date, end: Date): number {
  const from = start.getTime();
  const to = end.getTime();
  const overlapping = busy.filter((span) => span.start.getTime() < to && span.end.getTime() > from);
  const points = [from, ...overlapping.map((span) => span.start.getTime()).filter((at) => at > from)];
  let peak = 0;
  for (const point of points) {
    const here = overlapping.filter(
      (span) => span.start.getTime() <= point && span.end.getTime() > point,
    ).length;
    peak = Math.max(peak, here);
  }
  return peak;
}

/**
 * The opening intervals of one local date as instants. Each interval begins at its wall-clock
 * opening time and ends at its closing time, measured in real elapsed time: on the day clocks
 * change, an interval across the change is an hour shorter or longer.
 */
export function openingSpansOn(calendar: BookingCalendar, date: LocalDate): TimeSpan[] {
  if (calendar.closedDates.has(date)) return [];
  const weekday = weekdayOf(date);
  return calendar.openingHours
    .filter((interval) => interval.weekday === weekday)
    .map((interval) => ({
      start: instantAt(date, minutesOf(interval.opens), calendar.timeZone),
      end: instantAt(date, minutesOf(interval.closes), calendar.timeZone),
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

export interface SlotQuery {
  /** Slots starting at or after this… */
  from: Date;
  /** …and before this. */
  to: Date;
  /** Nothing starts before this (now). */
  notBefore: Date;
  /** How long the booking would hold a bay: a whole number of slots. */
  durationMinutes: number;
  /** What already holds a bay. */
  busy: readonly TimeSpan[];
}

/**
 * Every start at which a booking of the given length fits: it starts on the slot grid of an
 * opening interval (the interval's opening, then every `slotMinutes` of elapsed time), ends by
 * that interval's close, and at no moment would it make more bookings overlap than there are bays.
 */
export function freeSlots(calendar: BookingCalendar, query: SlotQuery): TimeSpan[] {
  const slots: TimeSpan[] = [];
  const earliest = Math.max(query.from.getTime(), query.notBefore.getTime());
  const latest = query.to.getTime();
  if (earliest >= latest) return slots;
  const durationMs = query.durationMinutes * MINUTE_MS;
  const stepMs = calendar.slotMinutes * MINUTE_MS;
  const lastDate = localDateOf(query.to, calendar.timeZone);
  for (
    let date = localDateOf(new Date(earliest), calendar.timeZone);
    date <= lastDate;
    date = addDays(date, 1)
  ) {
    for (const span of openingSpansOn(calendar, date)) {
      const closes = span.end.getTime();
      for (let at = span.start.getTime(); at + durationMs <= closes; at += stepMs) {
        if (at < earliest || at >= latest) continue;
        const start = new Date(at);
        const end = new Date(at + durationMs);
        if (peakOccupancy(query.busy, start, end) < calendar.capacity) slots.push({ start, end });
      }
    }
  }
  return slots;
}

/** Why a start is not bookable, or null when it is free. */
export function whyNotFree(
  calendar: BookingCalendar,
  start: Date,
  query: Omit<SlotQuery, 'from' | 'to'>,
): 'past' | 'not_a_slot' | 'full' | null {
  if (start < query.notBefore) return 'past';
  const window = { ...query, from: start, to: new Date(start.getTime() + 1) };
  if (freeSlots(calendar, window).length > 0) return null;
  const isSlot = freeSlots({ ...calendar, capacity: Number.POSITIVE_INFINITY }, window).length > 0;
  return isSlot ? 'full' : 'not_a_slot';
}
