import type { BookingSettings, BookingSettingsBody } from '../../api/workshop-bookings.ts';
import { SETTINGS_LIMITS } from '../../api/workshop-bookings.ts';
import { minutesOf, timeOfDay } from '../../components/booking-time.ts';
import type { BookingTextKey, TextValues } from '../../components/use-booking-texts.ts';

/** One opening period as typed; `key` tells rows apart while they are added and removed. */
export interface HoursRow {
  key: number;
  opens: string;
  closes: string;
}

/** The settings form as typed, before it is checked. */
export interface SettingsDraft {
  /** ISO weekday (1 Monday … 7 Sunday) → its periods. */
  hours: Record<number, HoursRow[]>;
  closedDates: { date: string; note: string }[];
  slotMinutes: string;
  capacity: string;
  cutoffHours: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

let nextKey = 0;
/** A new row key, unique for the page's life. */
export const newRowKey = () => nextKey++;

/** The saved settings as a draft to edit. */
export function draftOf(settings: BookingSettings): SettingsDraft {
  const hours: Record<number, HoursRow[]> = {};
  for (const weekday of WEEKDAYS) {
    hours[weekday] = settings.openingHours
      .filter((interval) => interval.weekday === weekday)
      .sort((a, b) => (minutesOf(a.opens) ?? 0) - (minutesOf(b.opens) ?? 0))
      .map((interval) => ({ key: newRowKey(), opens: interval.opens, closes: interval.closes }));
  }
  return {
    hours,
    closedDates: settings.closedDates
      .map((closed) => ({ date: closed.date, note: closed.note ?? '' }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    slotMinutes: String(settings.slotMinutes),
    capacity: String(settings.capacity),
    cutoffHours: String(settings.cancellationCutoffHours),
  };
}

/**
 * A time of day as people type it: "8:00", "08:00", "08.00" (as Danes write it) or "0800" all
 * read 08:00; "24:00" is the end of the day. Undefined for anything else.
 */
export function normaliseTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const time = `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
  const minutes = minutesOf(time);
  return minutes === undefined ? undefined : timeOfDay(minutes);
}

/** A message for one field: a booking text and its values. */
export interface DraftError {
  key: BookingTextKey;
  values?: TextValues;
}

/** Where each error belongs: `hours.<weekday>.<row key>`, `closedDates.<index>`, or a field's name. */
export type DraftErrors = Record<string, DraftError>;

function wholeNumber(text: string, limits: { min: number; max: number }): number | undefined {
  if (!/^\d{1,6}$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value >= limits.min && value <= limits.max ? value : undefined;
}

/**
 * Checks the draft as the server will (times, closing after opening, no overlaps on a day, one
 * row per closed date, whole numbers in range) and gives the body to save when all is well.
 */
export function checkDraft(draft: SettingsDraft): { errors: DraftErrors; body?: BookingSettingsBody } {
  const errors: DraftErrors = {};
  const openingHours: BookingSettingsBody['openingHours'] = [];
  for (const weekday of WEEKDAYS) {
    const periods: { key: number; from: number; to: number }[] = [];
    for (const row of draft.hours[weekday] ?? []) {
      const where = `hours.${weekday}.${row.key}`;
      const opens = normaliseTime(row.opens);
      const closes = normaliseTime(row.closes);
      if (opens === undefined || closes === undefined || opens === '24:00') {
        errors[where] = { key: 'settings.timeInvalid' };
        continue;
      }
      const from = minutesOf(opens) ?? 0;
      const to = minutesOf(closes) ?? 0;
      if (to <= from) {
        errors[where] = { key: 'settings.intervalInvalid' };
        continue;
      }
      periods.push({ key: row.key, from, to });
      openingHours.push({ weekday, opens, closes });
    }
    periods.sort((a, b) => a.from - b.from);
    for (let index = 1; index < periods.length; index++) {
      const previous = periods[index - 1];
      const current = periods[index];
      if (previous && current && current.from < previous.to) {
        errors[`hours.${weekday}.${current.key}`] = { key: 'settings.overlap' };
      }
    }
  }
  const seen = new Set<string>();
  draft.closedDates.forEach((closed, index) => {
    if (seen.has(closed.date)) errors[`closedDates.${index}`] = { key: 'settings.closedDateTwice' };
    seen.add(closed.date);
  });
  const slotMinutes = wholeNumber(draft.slotMinutes, SETTINGS_LIMITS.slotMinutes);
  const capacity = wholeNumber(draft.capacity, SETTINGS_LIMITS.capacity);
  const cutoff = wholeNumber(draft.cutoffHours, SETTINGS_LIMITS.cancellationCutoffHours);
  if (slotMinutes === undefined)
    errors.slotMinutes = { key: 'settings.numberInvalid', values: SETTINGS_LIMITS.slotMinutes };
  if (capacity === undefined)
    errors.capacity = { key: 'settings.numberInvalid', values: SETTINGS_LIMITS.capacity };
  if (cutoff === undefined) {
    errors.cutoffHours = { key: 'settings.numberInvalid', values: SETTINGS_LIMITS.cancellationCutoffHours };
  }
  if (
    Object.keys(errors).length > 0 ||
    slotMinutes === undefined ||
    capacity === undefined ||
    cutoff === undefined
  ) {
    return { errors };
  }
  return {
    errors,
    body: {
      openingHours,
      closedDates: draft.closedDates.map((closed) => ({
        date: closed.date,
        note: closed.note.trim() || null,
      })),
      slotMinutes,
      capacity,
      cancellationCutoffHours: cutoff,
    },
  };
}
