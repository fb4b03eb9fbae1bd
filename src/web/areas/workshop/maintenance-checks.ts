import { MAX_DUE_MILEAGE_KM } from '../../api/maintenance-notices.ts';

/**
 * A due mileage as typed, in whole kilometres: "15000", "15 000", "15,000" or "15.000" (as Danes
 * group thousands) all read 15000. Undefined for anything else, such as a decimal or a negative.
 */
export function parseMileage(text: string): number | undefined {
  const digits = text.trim().replace(/[\s.,\u00a0]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  const km = Number(digits);
  return km <= MAX_DUE_MILEAGE_KM ? km : undefined;
}

/** A date as `<input type="date">` gives it: `YYYY-MM-DD`, a real day. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
