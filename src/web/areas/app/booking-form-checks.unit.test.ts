import { describe, expect, it } from 'vitest';
import { parseKilometres, slotsByDay } from './booking-form-checks.ts';

describe('the booking form', () => {
  it('reads a mileage as people type it', () => {
    expect(parseKilometres('42000')).toBe(42000);
    expect(parseKilometres(' 42 000 ')).toBe(42000);
    expect(parseKilometres('42.000')).toBe(42000);
    expect(parseKilometres('42,000')).toBe(42000);
    expect(parseKilometres('-5')).toBeUndefined();
    expect(parseKilometres('4.2e4')).toBeUndefined();
    expect(parseKilometres('')).toBeUndefined();
    expect(parseKilometres('9000000')).toBeUndefined();
  });

  it("groups free slots by the workshop's day, not the browser's", () => {
    const days = slotsByDay([
      { start: '2026-03-02T08:00:00+01:00' },
      { start: '2026-03-02T23:00:00+01:00' },
      { start: '2026-03-03T00:00:00+01:00' },
    ]);
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-03', 1],
    ]);
  });
});
