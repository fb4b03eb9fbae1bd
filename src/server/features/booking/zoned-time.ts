/**
 * Wall-clock time in an IANA time zone, from the runtime's own zone data (Intl): the local date
 * of an instant, the instant of a local date and time, and RFC 3339 text with the zone's offset.
 * Node 20 has no Temporal, and keyfob adds no date library for these few functions.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of an instant in the zone, as if that wall clock were UTC (milliseconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/** Whether the runtime knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DD` → milliseconds of that date's midnight as if it were UTC. */
function dateMs(date: LocalDate): number {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function formatDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return formatDate(wallClockMs(instant.getTime(), timeZone));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return formatDate(dateMs(date) + days * DAY_MS);
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday. */
export function weekdayOf(date: LocalDate): number {
  const day = new Date(dateMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The instant a wall-clock time on a date reads in the zone; `minuteOfDay` may be 1440 (the next
 * midnight). As Temporal's `compatible` choice: a time that occurs twice (clocks going back)
 * is the earlier; a time skipped by clocks going forward moves forward by the gap.
 */
export function instantAt(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = dateMs(date) + minuteOfDay * MINUTE_MS;
  // The offsets in force a day either side cover any one transition near this wall time.
  const offsetBefore = offsetMsAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(wall + DAY_MS, timeZone);
  const readsAsWall = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetMsAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  const [earliest] = readsAsWall;
  return new Date(earliest ?? wall - offsetBefore);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** RFC 3339 text of an instant with the zone's offset there, e.g. `2026-03-30T08:00:00+02:00`. */
export function formatInZone(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offsetMinutes = Math.round(offsetMsAt(ms, timeZone) / MINUTE_MS);
  const wall = new Date(ms + offsetMinutes * MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** `HH:MM` (up to `24:00`) → minutes since midnight. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
