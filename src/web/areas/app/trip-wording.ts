import type { TripAssignee, TripSummary } from '../../api/trips.ts';
import {
  formatDate,
  formatDuration,
  formatKilometres,
  formatList,
  formatTime,
  formatTimeRange,
} from '../../components/format.ts';
import type { Language } from '../../i18n/index.ts';
import type { AppT } from './use-app-texts.ts';

/** When a trip ran: "09:00–09:25", or "from 09:00" while it is still going. */
export function tripTimes(trip: TripSummary, at: AppT, language: Language): string {
  return trip.endedAt
    ? formatTimeRange(trip.startedAt, trip.endedAt, language)
    : at('trips.startedAt', { time: formatTime(trip.startedAt, language) });
}

/** A trip's name in a list: its date and times, "Sunday, 1 March 2026, 09:00–09:25". */
export function tripWhen(trip: TripSummary, at: AppT, language: Language): string {
  return at('trips.when', {
    date: formatDate(trip.startedAt, language),
    time: tripTimes(trip, at, language),
  });
}

/** How long a trip took, or that it is still going. */
export function tripDuration(trip: TripSummary, at: AppT, language: Language): string {
  return trip.durationS === null ? at('trips.stillDriving') : formatDuration(trip.durationS, language);
}

/** "25 mins · 12.3 km". */
export function tripDurationAndDistance(trip: TripSummary, at: AppT, language: Language): string {
  return at('trips.durationDistance', {
    duration: tripDuration(trip, at, language),
    distance: formatKilometres(trip.distanceKm, language),
  });
}

/** Who a trip is assigned to, each with who assigned it (SPEC §6), or that no one is. */
export function tripAssignees(assignees: TripAssignee[], at: AppT, language: Language): string {
  if (assignees.length === 0) return at('trips.notAssigned');
  const names = assignees.map((assignee) =>
    assignee.assignedBy
      ? at('trips.assignee', { name: assignee.name, by: assignee.assignedBy.name })
      : at('trips.assigneeByGone', { name: assignee.name }),
  );
  return at('trips.assignedTo', { names: formatList(names, language) });
}
