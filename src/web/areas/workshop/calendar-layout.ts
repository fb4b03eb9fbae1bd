import type { BookingSettings } from '../../api/workshop-bookings.ts';
import { type LocalDate, minutesOf, wallClockOf, weekdayOf } from '../../components/booking-time.ts';

const DAY_MINUTES = 24 * 60;
const MINUTE_MS = 60_000;

/** A booking's part on one day of the calendar, in minutes of that day, with its lane. */
export interface PlacedItem<T> {
  item: T;
  startMinute: number;
  endMinute: number;
  /** Which of the side-by-side columns it takes where bookings overlap (0 first). */
  lane: number;
  /** How many side-by-side columns its group of overlapping bookings needs. */
  lanes: number;
}

/**
 * Places bookings on one day at the workshop: each cut to the day (one running past midnight
 * shows on both days), and overlapping ones side by side, in as few lanes as they need.
 */
export function placeOnDay<T>(
  items: T[],
  date: LocalDate,
  timeOf: (item: T) => { start: string; end: string },
): PlacedItem<T>[] {
  const dayStart = Date.parse(`${date}T00:00:00Z`);
  const dayEnd = dayStart + DAY_MINUTES * MINUTE_MS;
  const parts = items
    .flatMap((item) => {
      const time = timeOf(item);
      const start = wallClockOf(time.start).wallMs;
      const end = wallClockOf(time.end).wallMs;
      if (end <= dayStart || start >= dayEnd) return [];
      return [
        {
          item,
          startMinute: (Math.max(start, dayStart) - dayStart) / MINUTE_MS,
          endMinute: (Math.min(end, dayEnd) - dayStart) / MINUTE_MS,
          lane: 0,
          lanes: 1,
        },
      ];
    })
    .sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);

  let group: PlacedItem<T>[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const closeGroup = () => {
    for (const part of group) part.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const part of parts) {
    if (part.startMinute >= groupEnd) closeGroup();
    const free = laneEnds.findIndex((end) => end <= part.startMinute);
    part.lane = free >= 0 ? free : laneEnds.length;
    laneEnds[part.lane] = part.endMinute;
    groupEnd = Math.max(groupEnd, part.endMinute);
    group.push(part);
  }
  closeGroup();
  return parts;
}

/** A day at the workshop: closed (a closed date, or no hours that weekday) or its open periods. */
export interface DayHours {
  isClosed: boolean;
  /** The closed date's note, if it has one. */
  note: string | null;
  /** Open periods in minutes of the day. */
  open: { from: number; to: number }[];
}

export function hoursOn(
  date: LocalDate,
  settings: Pick<BookingSettings, 'openingHours' | 'closedDates'>,
): DayHours {
  const closed = settings.closedDates.find((closedDate) => closedDate.date === date);
  if (closed) return { isClosed: true, note: closed.note, open: [] };
  const weekday = weekdayOf(date);
  const open = settings.openingHours
    .filter((interval) => interval.weekday === weekday)
    .map((interval) => ({ from: minutesOf(interval.opens) ?? 0, to: minutesOf(interval.closes) ?? 0 }))
    .sort((a, b) => a.from - b.from);
  return { isClosed: open.length === 0, note: null, open };
}

/**
 * The part of the day the calendar draws: from the earliest opening to the latest closing of
 * the days shown, stretched to any booking outside them (the workshop may propose any time), in
 * whole hours; 08:00 to 17:00 when there is nothing to go by.
 */
export function visibleMinutes(
  days: DayHours[],
  placed: { startMinute: number; endMinute: number }[],
): { from: number; to: number } {
  const starts = [
    ...days.flatMap((day) => day.open.map((open) => open.from)),
    ...placed.map((p) => p.startMinute),
  ];
  const ends = [...days.flatMap((day) => day.open.map((open) => open.to)), ...placed.map((p) => p.endMinute)];
  if (starts.length === 0) return { from: 8 * 60, to: 17 * 60 };
  const from = Math.floor(Math.min(...starts) / 60) * 60;
  const to = Math.ceil(Math.max(...ends) / 60) * 60;
  return { from, to: Math.max(to, from + 60) };
}
