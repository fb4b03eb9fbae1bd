import { apiFetch } from './client.ts';

/** A reading with the moment (ISO date-time) the car's device took it. */
interface Reading {
  at: string;
}

/**
 * A vehicle's latest readings (SPEC §8), as the API lets this reader see them. Each part is
 * absent until the car's device has reported it; the position also when the policy hides it.
 */
export interface VehicleStatus {
  position?: Reading & { lat: number; lon: number; speedKmh?: number; heading?: number };
  /** Why `position` is absent: the primary chose limited sharing, or the reader is a workshop. */
  positionHidden?: 'limited_sharing' | 'workshop';
  ignition?: Reading & { on: boolean };
  odometer?: Reading & { km: number };
  fuel?: Reading & { percent: number };
  battery?: Reading & { percent: number };
}

/** A warning light on now; `since` is an ISO date-time. */
export interface Alarm {
  code: string;
  since: string;
  description?: string;
}

/** A warning light on now in one of a workshop's vehicles. */
export interface WorkshopAlarm extends Alarm {
  vehicle: { id: string; registrationNumber: string; make: string; model: string };
}

export const WORKSHOP_ALARMS_KEY = ['workshop-alarms'] as const;

export const workshopAlarmsKey = (workshopId: string) => [...WORKSHOP_ALARMS_KEY, workshopId] as const;

/** Every warning light on now across the workshop's vehicles, most recent first (at most 500). */
export function fetchWorkshopAlarms(
  workshopId: string,
): Promise<{ items: WorkshopAlarm[]; nextCursor: null }> {
  return apiFetch(`/api/v1/workshops/${encodeURIComponent(workshopId)}/alarms`);
}
