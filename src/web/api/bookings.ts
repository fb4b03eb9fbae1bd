import type { BookingAction, BookingSide, BookingStatus } from '../../shared/booking.ts';
import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';
import { DRIVER_VEHICLES_KEY } from './vehicle-users.ts';

export type { BookingAction, BookingSide, BookingStatus };

/**
 * A time at the workshop: RFC 3339 with the workshop's UTC offset at that moment, e.g.
 * `2026-03-30T08:00:00+02:00`. Its digits are the workshop's wall clock (see booking-time.ts).
 */
export type ZonedTime = string;

/** A service type as a booking keeps it: the name and duration it was booked with. */
export interface BookedServiceType {
  id: string;
  name: string;
  durationMinutes: number;
}

/** One change of a booking: who made it, from which side, and the time it concerned. */
export interface BookingHistoryEntry {
  action: BookingAction;
  status: BookingStatus;
  side: BookingSide;
  /** `id` is null once that person's account is gone; the name stays as it was. */
  by: { id: string | null; name: string };
  start: ZonedTime;
  end: ZonedTime;
  reason: string | null;
  /** ISO date-time. */
  at: string;
}

/** A service booking as either side sees it (SPEC §7). */
export interface Booking {
  id: string;
  status: BookingStatus;
  /** The time asked for or agreed. */
  start: ZonedTime;
  end: ZonedTime;
  /** The workshop's other time, while `status` is `proposed`. */
  proposedStart: ZonedTime | null;
  proposedEnd: ZonedTime | null;
  serviceTypes: BookedServiceType[];
  note: string | null;
  mileageKm: number | null;
  declineReason: string | null;
  booker: { id: string | null; name: string };
  vehicle: { id: string; registrationNumber: string; make: string; model: string };
  workshop: { id: string; name: string; timeZone: string };
  /** ISO date-time. */
  createdAt: string;
  updatedAt: string;
  /** For vehicle users: whether they may accept or reject the proposal now. */
  canAnswer?: boolean;
  /** For vehicle users: whether they may cancel now. */
  canCancel?: boolean;
  /** For vehicle users: until when the booking can be cancelled in the app. */
  cancellableUntil?: ZonedTime | null;
  /** Oldest first; only on a single booking. */
  history?: BookingHistoryEntry[];
}

/** `GET /vehicles/{vid}/booking-slots`: the free times, and what the booking form needs. */
export interface BookingSlots {
  items: { start: ZonedTime; end: ZonedTime }[];
  nextCursor: null;
  workshop: { id: string; name: string };
  timeZone: string;
  slotMinutes: number;
  /** How long the chosen service types hold a bay, in whole slots. */
  durationMinutes: number;
  /** The active service types, to choose from. */
  serviceTypes: BookedServiceType[];
  /** The odometer's latest reading, to prefill the mileage. */
  currentMileageKm: number | null;
  /** The range the slots cover. */
  from: ZonedTime;
  to: ZonedTime;
}

/** What a booking request carries. */
export interface NewBooking {
  /** One of the free slots' `start`. */
  start: ZonedTime;
  serviceTypes?: string[];
  note?: string;
  mileageKm?: number;
}

/** The longest note a booking takes, in characters. */
export const MAX_BOOKING_NOTE_LENGTH = 2000;
/** The highest mileage the API takes, in kilometres. */
export const MAX_BOOKING_MILEAGE_KM = 5_000_000;

/** Why a time could not be booked (409 `slot_unavailable`, its `reason`). */
export type SlotUnavailableReason = 'full' | 'not_a_slot' | 'past' | 'no_hours';

/** What the booker (or the primary) can do to a booking. */
export type BookerChange = 'accept' | 'reject' | 'cancel';

export const vehicleBookingsKey = (vehicleId: string) =>
  [...DRIVER_VEHICLES_KEY, vehicleId, 'bookings'] as const;
export const vehicleBookingListKey = (vehicleId: string) =>
  [...vehicleBookingsKey(vehicleId), 'list'] as const;
export const vehicleBookingKey = (vehicleId: string, bookingId: string) =>
  [...vehicleBookingsKey(vehicleId), 'one', bookingId] as const;
export const bookingSlotsKey = (vehicleId: string, serviceTypeIds: string[], from: string | undefined) =>
  [...vehicleBookingsKey(vehicleId), 'slots', [...serviceTypeIds].sort().join(','), from ?? ''] as const;

const bookingsPath = (vehicleId: string) => `/api/v1/vehicles/${encodeURIComponent(vehicleId)}/bookings`;
const bookingPath = (vehicleId: string, bookingId: string) =>
  `${bookingsPath(vehicleId)}/${encodeURIComponent(bookingId)}`;

/** The free slots at the vehicle's workshop for the chosen service types: 14 days from `from` (now). */
export function fetchBookingSlots(
  vehicleId: string,
  options: { serviceTypeIds: string[]; from?: string },
): Promise<BookingSlots> {
  const query = queryString({
    serviceTypes: options.serviceTypeIds.join(',') || undefined,
    from: options.from,
  });
  return apiFetch(`/api/v1/vehicles/${encodeURIComponent(vehicleId)}/booking-slots${query}`);
}

/** One page of the vehicle's bookings, the latest appointment first. */
export function fetchVehicleBookings(vehicleId: string, cursor?: string): Promise<ListPage<Booking>> {
  return apiFetch(`${bookingsPath(vehicleId)}${queryString({ cursor })}`);
}

/** One booking of the vehicle with its history. */
export function fetchVehicleBooking(vehicleId: string, bookingId: string): Promise<Booking> {
  return apiFetch(bookingPath(vehicleId, bookingId));
}

/** Asks for a free slot; 409 `slot_unavailable` (with `reason`) when it is not, or no longer, free. */
export function requestBooking(vehicleId: string, body: NewBooking): Promise<Booking> {
  return apiFetch(bookingsPath(vehicleId), { method: 'POST', body });
}

/** Accepts or rejects the workshop's other time, or cancels; answers the booking as it now is. */
export function changeVehicleBooking(
  vehicleId: string,
  bookingId: string,
  change: BookerChange,
): Promise<Booking> {
  return apiFetch(`${bookingPath(vehicleId, bookingId)}/${change}`, { method: 'POST' });
}
