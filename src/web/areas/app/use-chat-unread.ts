import { useQueries, useQueryClient } from '@tanstack/react-query';
import { chatUnreadKey, fetchMessages } from '../../api/chat.ts';
import type { Me } from '../../api/session.ts';
import { isConversationInView } from '../../components/use-conversation.ts';
import { useLiveConversations } from '../../components/use-live-conversations.ts';

/** A safety net under the live updates, as for the notifications badge. */
const RECHECK_MS = 60_000;

/**
 * How many chat messages from others the person has not read, over all their cars, for the
 * navigation's badge; null while unknown. It follows every car's conversation live: a message
 * from someone else reads the count again, unless this tab shows that conversation right now
 * (it is then read as it arrives).
 */
export function useChatUnreadCount(me: Me): number | null {
  const queryClient = useQueryClient();
  const vehicleIds = me.vehicles.map((membership) => membership.vehicleId);
  const results = useQueries({
    queries: vehicleIds.map((vehicleId) => ({
      queryKey: chatUnreadKey(vehicleId),
      // The conversation's first page carries the count; the API has no lighter way to ask.
      queryFn: async () => (await fetchMessages(vehicleId)).unreadCount,
      refetchInterval: RECHECK_MS,
    })),
  });
  const recount = (vehicleId: string) =>
    void queryClient.invalidateQueries({ queryKey: chatUnreadKey(vehicleId) });
  useLiveConversations(vehicleIds, {
    onMessage: (message) => {
      if (message.author.id !== me.user.id && !isConversationInView(message.vehicleId)) {
        recount(message.vehicleId);
      }
    },
    onReconnected: recount,
  });

  const counts = results.flatMap((result) => (result.data === undefined ? [] : [result.data]));
  return counts.length === 0 ? null : counts.reduce((sum, count) => sum + count, 0);
}
