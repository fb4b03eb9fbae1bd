import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATIONS_KEY,
} from '../../api/notifications.ts';

/**
 * How many notices are unread, for the navigation's badge; null while unknown or when the
 * server has no notifications. Checked again every minute and when the window regains focus.
 */
export function useUnreadCount(): number | null {
  const query = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'first'],
    queryFn: () => fetchNotifications(),
    refetchInterval: 60_000,
  });
  return query.data?.unreadCount ?? null;
}

/** The notices page by page; a page is null when the server has no notifications. */
export function useNotificationList() {
  return useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list'],
    queryFn: ({ pageParam }) => fetchNotifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last?.nextCursor ?? undefined,
  });
}

/** "Mark as read" for one notice (by id) or for all of them (no id); then the badge and list reload. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | undefined) => (id ? markNotificationRead(id) : markAllNotificationsRead()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
