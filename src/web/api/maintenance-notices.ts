import { apiFetch } from './client.ts';

/** SPEC §7: the longest note a maintenance notice carries, in characters. */
export const MAX_NOTICE_NOTE_LENGTH = 1000;
/** The highest due mileage the API accepts, in kilometres. */
export const MAX_DUE_MILEAGE_KM = 2_000_000;

/** What a workshop tells a vehicle's users: service due by a date, a mileage, or both. */
export interface MaintenanceNoticeBody {
  /** `YYYY-MM-DD`. */
  dueDate?: string;
  dueMileageKm?: number;
  note?: string;
}

/** A notice sent, as the workshop's list shows it. */
export interface MaintenanceNotice {
  id: string;
  /** `YYYY-MM-DD`, or null when only a mileage was given. */
  dueDate: string | null;
  dueMileageKm: number | null;
  note: string | null;
  /** ISO date-time. */
  sentAt: string;
  /** `id` is null once the sender's account is gone. */
  sentBy: { id: string | null; name: string };
  /** How many of the vehicle's users were told. */
  recipients: number;
}

export const maintenanceNoticesKey = (workshopId: string, vehicleId: string) =>
  ['maintenance-notices', workshopId, vehicleId] as const;

const noticesPath = (workshopId: string, vehicleId: string) =>
  `/api/v1/workshops/${encodeURIComponent(workshopId)}/vehicles/${encodeURIComponent(vehicleId)}/maintenance-notices`;

/** The notices sent about a vehicle, newest first; 403 for staff whose roles may not send them. */
export function fetchMaintenanceNotices(
  workshopId: string,
  vehicleId: string,
): Promise<{ items: MaintenanceNotice[]; nextCursor: null }> {
  return apiFetch(noticesPath(workshopId, vehicleId));
}

/** Tells every user of the vehicle, in the app and by mail; 409 `no_vehicle_users` when it has none. */
export function sendMaintenanceNotice(
  workshopId: string,
  vehicleId: string,
  body: MaintenanceNoticeBody,
): Promise<{ id: string; recipients: number }> {
  return apiFetch(noticesPath(workshopId, vehicleId), { method: 'POST', body });
}
