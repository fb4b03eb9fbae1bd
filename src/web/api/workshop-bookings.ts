import type { Booking, BookingStatus } from './bookings.ts';
import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';

/** Hours on one ISO weekday (1 is Monday, 7 Sunday), `HH:MM` wall clock at the workshop. */
export interface OpeningInterval {
  weekday: number;
  opens: string;
  closes: string;
}

export interface ClosedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  note: string | null;
}

/** What a workshop admin sets: when bookings can be made, and how many at once. */
export interface BookingSettingsBody {
  openingHours: OpeningInterval[];
  closedDates: { date: string; note?: string | null }[];
  slotMinutes: number;
  /** Bays: how many bookings may overlap at any moment. */
  capacity: number;
  cancellationCutoffHours: number;
}

/** `GET /workshops/{wid}/booking-settings`. */
export interface BookingSettings extends BookingSettingsBody {
  workshopId: string;
  closedDates: ClosedDate[];
  /** The workshop's own zone (set with its details); hours are wall clock there. */
  timeZone: string;
  /** ISO date-time; null until first saved: the workshop takes no bookings until then. */
  updatedAt: string | null;
}

export interface ServiceType {
  id: string;
  name: string;
  durationMinutes: number;
  /** Offered in the driver app. */
  isActive: boolean;
}

export type ServiceTypeBody = Pick<ServiceType, 'name' | 'durationMinutes' | 'isActive'>;

/** What the workshop does with a booking. */
export type WorkshopBookingChange =
  | { action: 'confirm' }
  | { action: 'decline'; reason: string }
  | { action: 'propose'; start: string };

/** Limits the API holds the settings to. */
export const SETTINGS_LIMITS = {
  slotMinutes: { min: 5, max: 480 },
  capacity: { min: 1, max: 100 },
  cancellationCutoffHours: { min: 0, max: 336 },
  serviceMinutes: { min: 5, max: 1440 },
  serviceNameLength: 100,
  declineReasonLength: 1000,
  closedDateNoteLength: 200,
} as const;

export const WORKSHOP_BOOKINGS_KEY = ['workshop-bookings'] as const;
export const workshopBookingListKey = (
  workshopId: string,
  range: { from: string; to: string },
  statuses: readonly BookingStatus[],
) => [...WORKSHOP_BOOKINGS_KEY, workshopId, 'list', range.from, range.to, statuses.join(',')] as const;
export const workshopBookingKey = (workshopId: string, bookingId: string) =>
  [...WORKSHOP_BOOKINGS_KEY, workshopId, 'one', bookingId] as const;
export const bookingSettingsKey = (workshopId: string) =>
  [...WORKSHOP_BOOKINGS_KEY, workshopId, 'settings'] as const;
export const serviceTypesKey = (workshopId: string) =>
  [...WORKSHOP_BOOKINGS_KEY, workshopId, 'service-types'] as const;

const workshopPath = (workshopId: string) => `/api/v1/workshops/${encodeURIComponent(workshopId)}`;
const bookingPath = (workshopId: string, bookingId: string) =>
  `${workshopPath(workshopId)}/bookings/${encodeURIComponent(bookingId)}`;

/**
 * One page of the workshop's bookings that overlap the days `from` to `to` (plain dates, whole
 * days at the workshop, at most 62 days), in time order; all statuses when none are given.
 */
export function fetchWorkshopBookings(
  workshopId: string,
  options: { from: string; to: string; statuses?: readonly BookingStatus[]; cursor?: string },
): Promise<ListPage<Booking>> {
  const query = queryString({
    from: options.from,
    to: options.to,
    status: options.statuses?.join(','),
    cursor: options.cursor,
  });
  return apiFetch(`${workshopPath(workshopId)}/bookings${query}`);
}

/** One booking of the workshop with its history. */
export function fetchWorkshopBooking(workshopId: string, bookingId: string): Promise<Booking> {
  return apiFetch(bookingPath(workshopId, bookingId));
}

/** Confirms, declines (with a reason) or proposes another start; answers the booking. */
export function changeWorkshopBooking(
  workshopId: string,
  bookingId: string,
  change: WorkshopBookingChange,
): Promise<Booking> {
  return apiFetch(bookingPath(workshopId, bookingId), { method: 'PATCH', body: change });
}

export function fetchBookingSettings(workshopId: string): Promise<BookingSettings> {
  return apiFetch(`${workshopPath(workshopId)}/booking-settings`);
}

/** Replaces the settings (workshop admins); existing bookings keep their times. */
export function saveBookingSettings(workshopId: string, body: BookingSettingsBody): Promise<BookingSettings> {
  return apiFetch(`${workshopPath(workshopId)}/booking-settings`, { method: 'PUT', body });
}

/** Every service type of the workshop, inactive ones included. */
export function fetchServiceTypes(workshopId: string): Promise<{ items: ServiceType[]; nextCursor: null }> {
  return apiFetch(`${workshopPath(workshopId)}/service-types`);
}

/** 409 `service_type_exists` for a name the workshop has (case does not count). */
export function createServiceType(workshopId: string, body: ServiceTypeBody): Promise<ServiceType> {
  return apiFetch(`${workshopPath(workshopId)}/service-types`, { method: 'POST', body });
}

export function updateServiceType(
  workshopId: string,
  serviceTypeId: string,
  body: Partial<ServiceTypeBody>,
): Promise<ServiceType> {
  return apiFetch(`${workshopPath(workshopId)}/service-types/${encodeURIComponent(serviceTypeId)}`, {
    method: 'PATCH',
    body,
  });
}

/** Bookings made with it keep its name and duration. */
export function deleteServiceType(workshopId: string, serviceTypeId: string): Promise<void> {
  return apiFetch(`${workshopPath(workshopId)}/service-types/${encodeURIComponent(serviceTypeId)}`, {
    method: 'DELETE',
  });
}
