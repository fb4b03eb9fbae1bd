import { ApiError, apiFetch } from './client.ts';
import { queryString } from './lists.ts';
import type { SharingLevel } from './vehicles.ts';

/** A notice to one person; `sharing_level_changed` is the only kind so far. */
export interface AppNotification {
  id: string;
  kind: 'sharing_level_changed';
  /** Null when the vehicle is gone. */
  vehicle: { id: string; registrationNumber: string } | null;
  data: { level: SharingLevel; changedBy: { id: string; name: string } };
  /** ISO date-time. */
  createdAt: string;
  /** ISO date-time; null while unread. */
  readAt: string | null;
}

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
