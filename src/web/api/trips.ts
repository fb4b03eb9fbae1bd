import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';
import { DRIVER_VEHICLES_KEY } from './vehicle-users.ts';

export interface TripPoint {
  lat: number;
  lon: number;
}

/** Someone a trip is assigned to, and who assigned it (null when that account is gone). */
export interface TripAssignee {
  userId: string;
  name: string;
  /** ISO date-time. */
  assignedAt: string;
  assignedBy: { id: string; name: string } | null;
}

/** A trip from ignition on to off; where it went only when SPEC §6 lets this reader see it. */
export interface TripSummary {
  id: string;
  /** ISO date-time. */
  startedAt: string;
  /** ISO date-time; null while the ignition is still on. */
  endedAt: string | null;
  durationS: number | null;
  distanceKm: number;
  assignees: TripAssignee[];
  start?: TripPoint;
  end?: TripPoint;
  /** Why `start`, `end` and the route are absent. */
  locationHidden?: 'limited_sharing';
}

/** A trip with its route (positions in time order), absent when the location is hidden. */
export interface TripDetails extends TripSummary {
  route?: (TripPoint & { at: string })[];
}

export const tripsKey = (vehicleId: string) => [...DRIVER_VEHICLES_KEY, vehicleId, 'trips'] as const;
export const tripListKey = (vehicleId: string) => [...tripsKey(vehicleId), 'list'] as const;
export const tripKey = (vehicleId: string, tripId: string) => [...tripsKey(vehicleId), tripId] as const;

const tripsPath = (vehicleId: string) => `/api/v1/vehicles/${encodeURIComponent(vehicleId)}/trips`;
const tripPath = (vehicleId: string, tripId: string) =>
  `${tripsPath(vehicleId)}/${encodeURIComponent(tripId)}`;

/** One page of the vehicle's trips, newest first. */
export function fetchTrips(vehicleId: string, cursor?: string): Promise<ListPage<TripSummary>> {
  return apiFetch(`${tripsPath(vehicleId)}${queryString({ cursor })}`);
}

export function fetchTrip(vehicleId: string, tripId: string): Promise<TripDetails> {
  return apiFetch(tripPath(vehicleId, tripId));
}

/**
 * Sets who the trip is assigned to: anyone takes an unassigned trip with their own id; the
 * primary sets any users of the vehicle, or none to undo. Answers the trip without its route.
 */
export function assignTrip(vehicleId: string, tripId: string, userIds: string[]): Promise<TripSummary> {
  return apiFetch(`${tripPath(vehicleId, tripId)}/assignees`, { method: 'PUT', body: { userIds } });
}
