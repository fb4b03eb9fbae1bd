import { describe, expect, it } from 'vitest';
import type { TripSummary } from '../../api/trips.ts';
import { en } from './app-texts.ts';
import { tripAssignees, tripDurationAndDistance, tripTimes } from './trip-wording.ts';
import type { AppT } from './use-app-texts.ts';

/** The English texts with their placeholders filled, as i18next does it. */
const at: AppT = (key, values = {}) => {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const trip: TripSummary = {
  id: 'c9b1a7c2-1111-4a4a-8888-000000000001',
  startedAt: '2026-03-01T08:00:00Z',
  endedAt: '2026-03-01T09:05:00Z',
  durationS: 65 * 60,
  distanceKm: 42.26,
  assignees: [],
};

describe('trip wording', () => {
  it('says how long and how far', () => {
    expect(tripDurationAndDistance(trip, at, 'en')).toBe('1 hr 5 mins · 42.3 km');
  });

  it('says a trip without an end is still going', () => {
    const ongoing = { ...trip, endedAt: null, durationS: null };
    expect(tripDurationAndDistance(ongoing, at, 'en')).toBe('Still driving · 42.3 km');
    expect(tripTimes(ongoing, at, 'en')).toMatch(/^from \d\d:\d\d$/);
  });

  it('names each assignee with who assigned them, or says no one is', () => {
    expect(tripAssignees([], at, 'en')).toBe('Not assigned');
    expect(
      tripAssignees(
        [
          {
            userId: 'a',
            name: 'Sam',
            assignedAt: '2026-03-01T10:00:00Z',
            assignedBy: { id: 'p', name: 'Pia' },
          },
          { userId: 'b', name: 'Bo', assignedAt: '2026-03-01T10:00:00Z', assignedBy: null },
        ],
        at,
        'en',
      ),
    ).toBe('Assigned to Sam (assigned by Pia) and Bo');
  });
});
