import type { BookingAction, BookingSide, BookingStatus } from '../../shared/booking.ts';
import { ApiError, apiFetch } from './client.ts';
import { queryString } from './lists.ts';
import type { SharingLevel } from './vehicles.ts';

/** What each kind of notice says, as it was when it was made. */
export interface NotificationData {
  sharing_level_changed: { level: SharingLevel; changedBy: { id: string; name: string } };
  /** A warning light came on; `since` is an ISO date-time, `code` as in the car's alarms. */
  warning_light_on: { code: string; since: string; description?: string | null };
  /** The workshop says service is due by a date (`YYYY-MM-DD`), a mileage, or both. */
  maintenance_due: {
    dueDate: string | null;
    dueMileageKm: number | null;
    note: string | null;
    workshop: { id: string; name: string };
    sentBy: { id: string | null; name: string };
  };
  /**
   * A service booking changed: told to the booker and the primary. `start`/`end` are the time the
   * change concerned (the proposal's for `proposed`), with the workshop's UTC offset.
   */
  booking_changed: {
    bookingId: string;
    action: BookingAction;
    status: BookingStatus;
    start: string;
    end: string;
    reason: string | null;
    workshop: { id: string; name: string };
    changedBy: { id: string; name: string; side: BookingSide };
  };
}

export type KnownNotificationKind = keyof NotificationData;

export interface NotificationBase {
  id: string;
  /** Null when the vehicle is gone. */
  vehicle: { id: string; registrationNumber: string } | null;
  /** ISO date-time. */
  createdAt: string;
  /** ISO date-time; null while unread. */
  readAt: string | null;
}

/**
 * A notice to one person. The server may know kinds this app does not yet (a newer server's);
 * the page then says only that something happened.
 */
export type AppNotification = {
  [Kind in KnownNotificationKind]: NotificationBase & { kind: Kind; data: NotificationData[Kind] };
}[KnownNotificationKind];

export interface NotificationPage {
  items: AppNotification[];
  nextCursor: string | null;
  unreadCount: number;
}

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/**
 * One page of the signed-in person's notices, or null when this server has no notifications
 * (an older server answers 404): the app then simply offers none instead of failing.
 */
export async function fetchNotifications(cursor?: string): Promise<NotificationPage | null> {
  try {
    return await apiFetch<NotificationPage>(`/api/v1/notifications${queryString({ cursor })}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function markNotificationRead(id: string): Promise<void> {
  return apiFetch(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<void> {
  return apiFetch('/api/v1/notifications/read-all', { method: 'POST' });
}

/** The mails a person can turn off, one per kind; all are on until turned off. */
export const EMAIL_KINDS = [
  'warning_light_on',
  'maintenance_due',
  'booking_changed',
  'chat_messages',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** `GET /me/notification-preferences`: which mails the person gets. */
export interface NotificationPreferences {
  email: Record<EmailKind, boolean>;
}

export const NOTIFICATION_PREFERENCES_KEY = ['notification-preferences'] as const;

export function fetchNotificationPreferences(): Promise<NotificationPreferences> {
  return apiFetch('/api/v1/me/notification-preferences');
}

/** Turns the given mails on or off; the answer holds every kind as it now is. */
export function updateNotificationPreferences(
  email: Partial<Record<EmailKind, boolean>>,
): Promise<NotificationPreferences> {
  return apiFetch('/api/v1/me/notification-preferences', { method: 'PUT', body: { email } });
}
