import type { InfiniteData } from '@tanstack/react-query';
import type { ChatMessage, MessagePage } from '../api/chat.ts';

/** The order the API pages in, newest first: by time, then by id, as the server breaks ties. */
function isNewer(a: ChatMessage, b: ChatMessage): boolean {
  return a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;
}

/**
 * The conversation's pages with one more message, which arrived live or was just sent. A message
 * already on any page (the socket and the POST answer both bring one's own) is not added twice.
 */
export function withMessage(
  data: InfiniteData<MessagePage, string | undefined> | undefined,
  message: ChatMessage,
): InfiniteData<MessagePage, string | undefined> | undefined {
  const [first, ...rest] = data?.pages ?? [];
  if (!data || !first) return data;
  if (data.pages.some((page) => page.items.some((item) => item.id === message.id))) return data;
  const at = first.items.findIndex((item) => isNewer(message, item));
  const items =
    at === -1 ? [...first.items, message] : [...first.items.slice(0, at), message, ...first.items.slice(at)];
  return { ...data, pages: [{ ...first, items }, ...rest] };
}

/**
 * Every loaded message once, oldest first, as a conversation reads. Pages overlap when a message
 * arrives between reading one page and the next, so each id is kept once.
 */
export function oldestFirst(pages: MessagePage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const page of pages) for (const message of page.items) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => (isNewer(a, b) ? 1 : isNewer(b, a) ? -1 : 0));
}

/** How many characters a message counts, as the server does: surrounding spaces are trimmed. */
export function messageLength(text: string): number {
  return text.trim().length;
}
