import type { Language } from '../../../shared/roles.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far a moment is from now, as people say it: "in 23 hours", "3 days ago", "om 5 minutter".
 * Rounded to the largest unit that fits, since an expiry needs no more precision than that; hours
 * up to two days, because links last 24 hours and "tomorrow" would blur exactly that.
 */
export function formatRelativeTime(iso: string, now: Date, language: Language): string {
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'always' });
  const difference = new Date(iso).getTime() - now.getTime();
  const size = Math.abs(difference);
  if (size >= 2 * DAY) return format.format(Math.round(difference / DAY), 'day');
  if (size >= HOUR) return format.format(Math.round(difference / HOUR), 'hour');
  if (size >= MINUTE) return format.format(Math.round(difference / MINUTE), 'minute');
  return format.format(Math.round(difference / 1000), 'second');
}
