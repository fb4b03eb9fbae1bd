import { MAX_BOOKING_MILEAGE_KM } from '../../api/bookings.ts';

/**
 * A mileage as typed, in whole kilometres: "42000", "42 000", "42,000" or "42.000" (as Danes group
 * thousands) all read 42000. Undefined for anything else, such as a decimal or a negative.
 */
export function parseKilometres(text: string): number | undefined {
  const digits = text.trim().replace(/[\s.,\u00a0]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  const km = Number(digits);
  return km <= MAX_BOOKING_MILEAGE_KM ? km : undefined;
}

/** Free slots grouped by the workshop's calendar day, in the order given (time order). */
export function slotsByDay<Slot extends { start: string }>(slots: Slot[]): { date: string; slots: Slot[] }[] {
  const days: { date: string; slots: Slot[] }[] = [];
  for (const slot of slots) {
    // The zoned time's first ten characters are the workshop's date.
    const date = slot.start.slice(0, 10);
    const last = days.at(-1);
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}
