import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import {
  CHAT_KEY,
  type ChatMessage,
  chatMessagesKey,
  chatUnreadKey,
  fetchMessages,
  type MessagePage,
  markConversationRead,
  sendMessage,
} from '../api/chat.ts';
import { followConversation } from '../api/chat-live.ts';
import { ApiError } from '../api/client.ts';
import { ME_QUERY_KEY } from '../api/session.ts';
import { withMessage } from './chat-thread.ts';

type MessagePages = InfiniteData<MessagePage, string | undefined>;

// Conversations shown in this tab right now, by vehicle (a count: two views of one may overlap).
const conversationsOnScreen = new Map<string, number>();

/**
 * Whether this tab shows the vehicle's conversation to the person right now: its new messages
 * are then read as they arrive, and an unread count need not go up in between.
 */
export function isConversationInView(vehicleId: string): boolean {
  return (conversationsOnScreen.get(vehicleId) ?? 0) > 0 && document.visibilityState === 'visible';
}

/** After a read: the app's unread badge and the workshop inbox's counts are read again. */
function refreshUnreadCounts(queryClient: QueryClient, vehicleId: string) {
  void queryClient.invalidateQueries({ queryKey: chatUnreadKey(vehicleId) });
  void queryClient.invalidateQueries({ queryKey: [...CHAT_KEY, 'inbox'] });
}

interface ConversationOptions {
  myUserId: string;
  /** The person no longer takes part: removed from the car, or the API answers 404. */
  onAccessRemoved: () => void;
}

/**
 * One vehicle's conversation as a page shows it: the messages page by page, new ones live from
 * the tab's chat socket (each once), marked read while the page is visible, and `send`.
 */
export function useConversation(vehicleId: string, { myUserId, onAccessRemoved }: ConversationOptions) {
  const queryClient = useQueryClient();
  const key = chatMessagesKey(vehicleId);
  const messages = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchMessages(vehicleId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const markRead = useMutation({
    mutationFn: () => markConversationRead(vehicleId),
    onSettled: () => refreshUnreadCounts(queryClient, vehicleId),
  });
  const { mutate: mark } = markRead;
  // Whether messages from others may be unread: set by the API's count and by live arrivals.
  const hasUnseen = useRef(false);
  const markIfVisible = useCallback(() => {
    if (!hasUnseen.current || document.visibilityState !== 'visible') return;
    hasUnseen.current = false;
    mark();
  }, [mark]);

  const removed = useRef(onAccessRemoved);
  removed.current = onAccessRemoved;

  const unreadOnServer = messages.data?.pages[0]?.unreadCount ?? 0;
  useEffect(() => {
    if (unreadOnServer === 0) return;
    hasUnseen.current = true;
    markIfVisible();
  }, [unreadOnServer, markIfVisible]);

  useEffect(() => {
    conversationsOnScreen.set(vehicleId, (conversationsOnScreen.get(vehicleId) ?? 0) + 1);
    const onVisibility = () => markIfVisible();
    document.addEventListener('visibilitychange', onVisibility);
    const stop = followConversation(vehicleId, {
      onMessage: (message) => {
        queryClient.setQueryData<MessagePages>(chatMessagesKey(vehicleId), (data) =>
          withMessage(data, message),
        );
        if (message.author.id !== myUserId) {
          hasUnseen.current = true;
          markIfVisible();
        }
      },
      // Whatever was written before the subscription took hold is read from the API.
      onSubscribed: () => void queryClient.invalidateQueries({ queryKey: chatMessagesKey(vehicleId) }),
      onAccessRemoved: () => removed.current(),
      onSignedOut: () => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
    });
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      const count = (conversationsOnScreen.get(vehicleId) ?? 1) - 1;
      if (count > 0) conversationsOnScreen.set(vehicleId, count);
      else conversationsOnScreen.delete(vehicleId);
    };
  }, [vehicleId, myUserId, queryClient, markIfVisible]);

  const isGone = messages.isError && messages.error instanceof ApiError && messages.error.status === 404;
  useEffect(() => {
    if (isGone) removed.current();
  }, [isGone]);

  const send = useMutation({
    mutationFn: (body: string) => sendMessage(vehicleId, body),
    onSuccess: (message: ChatMessage) => {
      queryClient.setQueryData<MessagePages>(key, (data) => withMessage(data, message));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404) removed.current();
    },
  });

  return { messages, send, isGone };
}
