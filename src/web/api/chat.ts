import { apiFetch } from './client.ts';
import { queryString } from './lists.ts';

/** How a participant takes part in a vehicle's conversation; every message carries its author's. */
export type ChatRole = 'primary' | 'secondary' | 'workshop';

/** SPEC §7: the longest message the API accepts, in characters (after trimming). */
export const MAX_MESSAGE_LENGTH = 2000;

/** A message as every participant sees it: its author's name and role as they were when written. */
export interface ChatMessage {
  id: string;
  vehicleId: string;
  body: string;
  /** `id` is null once the author's account is gone; the name stays. */
  author: { id: string | null; name: string };
  authorRole: ChatRole;
  /** ISO date-time. */
  createdAt: string;
}

/** `GET /vehicles/{vid}/messages`: newest first; `nextCursor` pages back in time. */
export interface MessagePage {
  items: ChatMessage[];
  nextCursor: string | null;
  myRole: ChatRole;
  /** Messages from others after what this person has read. */
  unreadCount: number;
}

/** One row of a workshop's inbox: a vehicle whose conversation has at least one message. */
export interface Conversation {
  vehicle: { id: string; registrationNumber: string; make: string; model: string };
  primaryUser: { id: string; name: string } | null;
  secondaryUsers: { id: string; name: string }[];
  lastMessage: {
    id: string;
    body: string;
    author: { name: string };
    authorRole: ChatRole;
    /** ISO date-time. */
    createdAt: string;
  };
  unreadCount: number;
}

/** `GET /workshops/{wid}/conversations`: unread first, then newest; one page only. */
export interface ConversationList {
  items: Conversation[];
  nextCursor: null;
}

/** Query keys start here; invalidating it reloads every chat read. */
export const CHAT_KEY = ['chat'] as const;

/** The pages of one vehicle's conversation. */
export const chatMessagesKey = (vehicleId: string) => [...CHAT_KEY, 'messages', vehicleId] as const;
/** How many messages of one vehicle's conversation this person has not read (the app's badge). */
export const chatUnreadKey = (vehicleId: string) => [...CHAT_KEY, 'unread', vehicleId] as const;
/** A workshop's inbox. */
export const workshopConversationsKey = (workshopId: string) => [...CHAT_KEY, 'inbox', workshopId] as const;

const messagesPath = (vehicleId: string) => `/api/v1/vehicles/${encodeURIComponent(vehicleId)}/messages`;

/** One page of a vehicle's conversation; rejects with 404 when the caller takes no part in it. */
export function fetchMessages(vehicleId: string, cursor?: string): Promise<MessagePage> {
  return apiFetch(`${messagesPath(vehicleId)}${queryString({ cursor })}`);
}

/** Writes to the conversation: 400 for an empty or too long body, 429 when writing too fast. */
export function sendMessage(vehicleId: string, body: string): Promise<ChatMessage> {
  return apiFetch(messagesPath(vehicleId), { method: 'POST', body: { body } });
}

/** Marks the conversation read up to now. */
export function markConversationRead(vehicleId: string): Promise<void> {
  return apiFetch(`${messagesPath(vehicleId)}/read`, { method: 'POST' });
}

export function fetchWorkshopConversations(workshopId: string): Promise<ConversationList> {
  return apiFetch(`/api/v1/workshops/${encodeURIComponent(workshopId)}/conversations`);
}
