import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../api/chat.ts';
import { followConversation } from '../api/chat-live.ts';

export interface LiveConversationHandlers {
  /** A new message in one of the conversations. */
  onMessage?: (message: ChatMessage) => void;
  /** The connection came back: what was written meanwhile has to be read from the API. */
  onReconnected?: (vehicleId: string) => void;
  /** The person no longer takes part in this conversation. */
  onAccessRemoved?: (vehicleId: string) => void;
}

/**
 * Follows several conversations live for a list or a badge. Only the difference is subscribed
 * when the list changes (a list re-sorted by its newest message follows the same ones), and the
 * handlers may change on every render.
 */
export function useLiveConversations(vehicleIds: string[], handlers: LiveConversationHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const following = useRef(new Map<string, () => void>());
  const wantedKey = [...new Set(vehicleIds)].sort().join(' ');

  useEffect(() => {
    const wanted = new Set(wantedKey.split(' ').filter(Boolean));
    for (const [vehicleId, stop] of following.current) {
      if (wanted.has(vehicleId)) continue;
      stop();
      following.current.delete(vehicleId);
    }
    for (const vehicleId of wanted) {
      if (following.current.has(vehicleId)) continue;
      let isFirstSubscription = true;
      const stop = followConversation(vehicleId, {
        onMessage: (message) => latest.current.onMessage?.(message),
        onSubscribed: () => {
          if (!isFirstSubscription) latest.current.onReconnected?.(vehicleId);
          isFirstSubscription = false;
        },
        onAccessRemoved: () => latest.current.onAccessRemoved?.(vehicleId),
      });
      following.current.set(vehicleId, stop);
    }
  }, [wantedKey]);

  useEffect(() => {
    const current = following.current;
    return () => {
      for (const stop of current.values()) stop();
      current.clear();
    };
  }, []);
}
