import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, normaliseTime, type SettingsDraft } from './booking-settings-draft.ts';

const saved = {
  workshopId: 'w',
  timeZone: 'Europe/Copenhagen',
  openingHours: [
    { weekday: 1, opens: '13:00', closes: '16:00' },
    { weekday: 1, opens: '08:00', closes: '12:00' },
  ],
  closedDates: [{ date: '2026-04-03', note: null }],
  slotMinutes: 60,
  capacity: 2,
  cancellationCutoffHours: 24,
  updatedAt: null,
};

describe('the booking settings form', () => {
  it('reads times as people type them', () => {
    expect(normaliseTime('8:00')).toBe('08:00');
    expect(normaliseTime('08.30')).toBe('08:30');
    expect(normaliseTime('0830')).toBe('08:30');
    expect(normaliseTime('24:00')).toBe('24:00');
    expect(normaliseTime('25:00')).toBeUndefined();
    expect(normaliseTime('8')).toBeUndefined();
  });

  it('gives back what was saved, sorted', () => {
    const draft = draftOf(saved);
    expect(draft.hours[1]?.map((row) => row.opens)).toEqual(['08:00', '13:00']);
    expect(draft.hours[2]).toEqual([]);
    expect(checkDraft(draft).body).toEqual({
      openingHours: [
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '13:00', closes: '16:00' },
      ],
      closedDates: [{ date: '2026-04-03', note: null }],
      slotMinutes: 60,
      capacity: 2,
      cancellationCutoffHours: 24,
    });
  });

  it('marks what the server would refuse, where it is', () => {
    const draft: SettingsDraft = {
      hours: {
        1: [
          { key: 1, opens: '08:00', closes: '12:00' },
          { key: 2, opens: '11:00', closes: '14:00' },
        ],
        2: [{ key: 3, opens: '12:00', closes: '09:00' }],
        3: [{ key: 4, opens: 'noon', closes: '14:00' }],
      },
      closedDates: [
        { date: '2026-04-03', note: '' },
        { date: '2026-04-03', note: 'again' },
      ],
      slotMinutes: '2',
      capacity: '1.5',
      cutoffHours: '24',
    };
    const { errors, body } = checkDraft(draft);
    expect(body).toBeUndefined();
    expect(Object.fromEntries(Object.entries(errors).map(([where, error]) => [where, error.key]))).toEqual({
      'hours.1.2': 'settings.overlap',
      'hours.2.3': 'settings.intervalInvalid',
      'hours.3.4': 'settings.timeInvalid',
      'closedDates.1': 'settings.closedDateTwice',
      slotMinutes: 'settings.numberInvalid',
      capacity: 'settings.numberInvalid',
    });
  });
});
