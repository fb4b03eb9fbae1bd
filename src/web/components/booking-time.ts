import type { Language } from '../../shared/roles.ts';

/**
 * Booking times are the workshop's wall clock (docs/decisions.md): the API writes them with the
 * workshop's offset (`2026-03-30T08:00:00+02:00`), so their digits are what the workshop's clock
 * reads, wherever the reader is. These helpers show those digits, never the browser's zone, and
 * turn a wall-clock time the workshop picks back into an instant, with the zone data `Intl` has
 * (no date library, as on the server).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** The wall clock of a zoned time: its date, minutes since midnight, and as if it were UTC (ms). */
export function wallClockOf(zoned: string): { date: LocalDate; minuteOfDay: number; wallMs: number } {
  const match = ZONED.exec(zoned);
  if (!match) throw new Error(`not an RFC 3339 time: ${zoned}`);
  const [, year, month, day, hour, minute] = match.map(Number);
  const wallMs = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  return { date: zoned.slice(0, 10), minuteOfDay: (hour ?? 0) * 60 + (minute ?? 0), wallMs };
}

function wallFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // The wall clock is held as if it were UTC, so formatting in UTC shows its digits unchanged.
  return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'UTC' });
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "09:00" as the workshop's clock reads it. */
export function formatWallTime(zoned: string, language: Language): string {
  return wallFormat(language, TIME).format(wallClockOf(zoned).wallMs);
}

/** "Monday 2 March 2026" (or "mandag den 2. marts 2026") for a calendar date. */
export function formatDay(date: LocalDate, language: Language): string {
  return wallFormat(language, { dateStyle: 'full' }).format(new Date(`${date}T00:00:00Z`));
}

/** "Mon 2 Mar", a day's short name for a calendar column. */
export function formatShortDay(date: LocalDate, language: Language): string {
  return wallFormat(language, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A weekday's name, 1 Monday to 7 Sunday: "Monday", "mandag". */
export function weekdayName(weekday: number, language: Language): string {
  // 5 January 2026 is a Monday.
  return wallFormat(language, { weekday: 'long' }).format(Date.UTC(2026, 0, 4 + weekday));
}

/**
 * An appointment at the workshop: "Monday 2 March 2026, 10:00–11:00"; both dates when it runs
 * past midnight.
 */
export function formatAppointment(start: string, end: string, language: Language): string {
  const from = wallClockOf(start);
  const to = wallClockOf(end);
  const time = wallFormat(language, TIME);
  const endsOnDay = to.minuteOfDay === 0 && to.wallMs - from.wallMs <= DAY_MS ? from.date : to.date;
  if (endsOnDay === from.date) {
    return `${formatDay(from.date, language)}, ${time.format(from.wallMs)}–${time.format(to.wallMs)}`;
  }
  const dateTime = wallFormat(language, { dateStyle: 'long', timeStyle: 'short' });
  return `${dateTime.format(from.wallMs)} – ${dateTime.format(to.wallMs)}`;
}

/** A moment (any ISO date-time) as the workshop's clock reads it: "1 March 2026 at 10:00". */
export function formatInZone(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** A zone's name for people: "Europe/Copenhagen" reads "Europe/Copenhagen", "America/New_York" "America/New York". */
export function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockMs(instantMs: number, timeZone: string): number {
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
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

const dateMs = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

/** The calendar date at the workshop at an instant. */
export function localDateIn(instant: Date, timeZone: string): LocalDate {
  return dateOf(wallClockMs(instant.getTime(), timeZone));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOf(dateMs(date) + days * DAY_MS);
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday. */
export function weekdayOf(date: LocalDate): number {
  const day = new Date(dateMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the date's week (weeks start on Monday, as in Denmark and ISO 8601). */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Whole days from one date to another. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** Whether text is a real `YYYY-MM-DD` date, as `<input type="date">` gives it. */
export function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dateOf(dateMs(text)) === text;
}

/** `HH:MM` (up to `24:00`) → minutes since midnight; undefined for anything else. */
export function minutesOf(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/** Minutes since midnight → `HH:MM`. */
export function timeOfDay(minutes: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The instant a wall-clock time on a date reads at the workshop. As the server decides it: a
 * time that occurs twice (clocks going back) is the earlier; a time skipped by clocks going
 * forward moves on by the gap.
 */
export function instantAt(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = dateMs(date) + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetMsAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(wall + DAY_MS, timeZone);
  const readsAsWall = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetMsAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(readsAsWall[0] ?? wall - offsetBefore);
}
