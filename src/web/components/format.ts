import type { Language } from '../../shared/roles.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

/** A date and time as people of the language write it, e.g. "2 March 2026 at 10:00". */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A list of names joined the way the language does it, e.g. "Admin, Finance and Support". */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}

/** A date with its weekday, e.g. "Sunday, 1 March 2026". */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full' }).format(new Date(iso));
}

/**
 * A calendar day given as `YYYY-MM-DD`, e.g. "15 March 2026". It is a day, not a moment: it reads
 * the same in every time zone.
 */
export function formatCalendarDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** From one time to another, e.g. "09:00–09:25"; dates are added when they differ. */
export function formatTimeRange(startIso: string, endIso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }).formatRange(
    new Date(startIso),
    new Date(endIso),
  );
}

/** A time of day, e.g. "09:00". */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** A share of 0–100 as the language writes it: "62%", "62 %". */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
}

/** A distance in kilometres, e.g. "12,345 km" or "4.2 km": tenths only below 100 km. */
export function formatKilometres(km: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 100 ? 1 : 0,
  }).format(km);
}

/** How long something took, to the minute ("1 hr 5 mins", "1 t. 5 min."); seconds under a minute. */
export function formatDuration(seconds: number, language: Language): string {
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    );
  if (seconds < 60) return unit(Math.max(0, Math.round(seconds)), 'second');
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}
