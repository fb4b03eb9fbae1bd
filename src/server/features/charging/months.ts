import { z } from 'zod';

/**
 * Accounts have no time zone of their own: every account's month is a month in this zone
 * (keyfob serves Danish customers). A session belongs to the month it ended in, here.
 */
export const STATEMENT_TIME_ZONE = 'Europe/Copenhagen';

/** A calendar month, `YYYY-MM`. */
export type Month = string;

export const MonthText = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .refine((month) => month >= '2000-01' && month <= '2999-12', 'a month from 2000-01');

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at an instant: year, month (1–12) and that wall time read as UTC. */
function wallClock(instantMs: number, timeZone: string): { year: number; month: number; asUtcMs: number } {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return { year, month, asUtcMs: Date.UTC(year, month - 1, day, hour, minute, second) };
}

function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClock(wholeSecond, timeZone).asUtcMs - wholeSecond;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The month an instant falls in, on the zone's calendar. */
export function monthOf(instant: Date, timeZone = STATEMENT_TIME_ZONE): Month {
  const { year, month } = wallClock(instant.getTime(), timeZone);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

function parseMonth(month: Month): { year: number; month: number } {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) throw new Error(`not a month: ${month}`);
  return { year, month: monthNumber };
}

/** The month after this one. */
export function nextMonth(month: Month): Month {
  const parsed = parseMonth(month);
  return parsed.month === 12
    ? `${pad(parsed.year + 1, 4)}-01`
    : `${pad(parsed.year, 4)}-${pad(parsed.month + 1, 2)}`;
}

/** The month before this one. */
export function previousMonth(month: Month): Month {
  const parsed = parseMonth(month);
  return parsed.month === 1
    ? `${pad(parsed.year - 1, 4)}-12`
    : `${pad(parsed.year, 4)}-${pad(parsed.month - 1, 2)}`;
}

/** The instant the month begins: midnight of its first day on the zone's wall clock. */
export function monthStart(month: Month, timeZone = STATEMENT_TIME_ZONE): Date {
  const parsed = parseMonth(month);
  const wallMs = Date.UTC(parsed.year, parsed.month - 1, 1);
  // The offset at the guess may differ from the one at the answer across a DST change; a second
  // look settles it (no zone changes its clocks twice within a few hours).
  let instant = wallMs - offsetMsAt(wallMs, timeZone);
  instant = wallMs - offsetMsAt(instant, timeZone);
  return new Date(instant);
}

/** The month as a half-open span of instants: `start <= t < end`. */
export function monthSpan(month: Month, timeZone = STATEMENT_TIME_ZONE): { start: Date; end: Date } {
  return { start: monthStart(month, timeZone), end: monthStart(nextMonth(month), timeZone) };
}
