import type { ChatMessage } from './chat.ts';

/** What a page that follows a conversation hears about it. */
export interface ConversationHandlers {
  /** A new message in the conversation, whoever wrote it (this person included). */
  onMessage?: (message: ChatMessage) => void;
  /**
   * The subscription is in place, for the first time or again after a lost connection: anything
   * written while it was not has to be read from the API.
   */
  onSubscribed?: () => void;
  /** This person no longer takes part in the conversation (removed from the car, or never did). */
  onAccessRemoved?: () => void;
  /** The session ended; the connection is closed for good. */
  onSignedOut?: () => void;
}

/** What the server sends on `/api/v1/chat/live`. */
type ServerEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'subscribed'; vehicleId: string }
  | { type: 'access_removed'; vehicleId: string }
  | { type: 'error'; code: string; vehicleId?: string };

/** The server closes a signed-out person's socket with this code: reconnecting would only fail. */
const CLOSE_SIGNED_OUT = 4401;
/** How long an unused connection stays open, so moving between pages does not reconnect. */
const IDLE_CLOSE_MS = 10_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * How long to wait before the n-th reconnection attempt (0 first): doubling from one second up to
 * thirty, each spread over its upper half so that tabs dropped together do not return together.
 */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random / 2));
}

function parseEvent(data: unknown): ServerEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && 'type' in value
      ? (value as ServerEvent)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tab's one chat socket: every conversation any mounted component follows is subscribed on
 * it. It opens on the first follower, reconnects with backoff (subscribing everything again)
 * while anyone follows, and closes a while after the last one leaves.
 */
class ChatConnection {
  readonly #followers = new Map<string, Set<ConversationHandlers>>();
  #socket: WebSocket | undefined;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #isListening = false;

  follow(vehicleId: string, handlers: ConversationHandlers): () => void {
    clearTimeout(this.#idleTimer);
    let handlersOfVehicle = this.#followers.get(vehicleId);
    if (!handlersOfVehicle) {
      handlersOfVehicle = new Set();
      this.#followers.set(vehicleId, handlersOfVehicle);
      this.#send({ type: 'subscribe', vehicleId });
    }
    handlersOfVehicle.add(handlers);
    this.#listenForComebacks();
    if (!this.#socket && this.#retryTimer === undefined) this.#connect();
    return () => this.#unfollow(vehicleId, handlers);
  }

  #unfollow(vehicleId: string, handlers: ConversationHandlers) {
    const handlersOfVehicle = this.#followers.get(vehicleId);
    if (!handlersOfVehicle?.delete(handlers) || handlersOfVehicle.size > 0) return;
    this.#followers.delete(vehicleId);
    this.#send({ type: 'unsubscribe', vehicleId });
    if (this.#followers.size === 0) {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = setTimeout(() => this.#closeIdle(), IDLE_CLOSE_MS);
    }
  }

  #closeIdle() {
    if (this.#followers.size > 0) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.close(1000, 'no conversation followed');
  }

  #send(message: object) {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  #connect() {
    this.#retryTimer = undefined;
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${window.location.host}/api/v1/chat/live`);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#attempt = 0;
      for (const vehicleId of this.#followers.keys()) this.#send({ type: 'subscribe', vehicleId });
    });
    socket.addEventListener('message', (event) => this.#receive(parseEvent(event.data)));
    socket.addEventListener('close', (event) => {
      // A socket replaced or closed on purpose is no longer this connection's business.
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (event.code === CLOSE_SIGNED_OUT) {
        for (const handlers of this.#allHandlers()) handlers.onSignedOut?.();
        return;
      }
      if (this.#followers.size > 0) this.#scheduleReconnect();
    });
  }

  #scheduleReconnect() {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), reconnectDelay(this.#attempt));
    this.#attempt += 1;
  }

  /** Back online, or back in a tab whose timers the browser slowed down: try again at once. */
  #listenForComebacks() {
    if (this.#isListening) return;
    this.#isListening = true;
    const retryNow = () => {
      if (this.#socket || this.#retryTimer === undefined || this.#followers.size === 0) return;
      clearTimeout(this.#retryTimer);
      this.#connect();
    };
    window.addEventListener('online', retryNow);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') retryNow();
    });
  }

  #receive(event: ServerEvent | undefined) {
    if (!event) return;
    if (event.type === 'message') {
      for (const handlers of this.#handlersOf(event.message.vehicleId)) handlers.onMessage?.(event.message);
    } else if (event.type === 'subscribed') {
      for (const handlers of this.#handlersOf(event.vehicleId)) handlers.onSubscribed?.();
    } else if (
      event.type === 'access_removed' ||
      (event.type === 'error' && event.code === 'not_found' && event.vehicleId)
    ) {
      // A refused subscription means the same as a removal: this person does not take part.
      for (const handlers of this.#handlersOf(event.vehicleId ?? '')) handlers.onAccessRemoved?.();
    }
  }

  #handlersOf(vehicleId: string): ConversationHandlers[] {
    return [...(this.#followers.get(vehicleId) ?? [])];
  }

  #allHandlers(): ConversationHandlers[] {
    return [...this.#followers.values()].flatMap((handlers) => [...handlers]);
  }
}

let connection: ChatConnection | undefined;

/**
 * Follows a vehicle's conversation live over the tab's chat socket (`/api/v1/chat/live`, the
 * session cookie authenticates) and returns the function that stops following it.
 */
export function followConversation(vehicleId: string, handlers: ConversationHandlers): () => void {
  connection ??= new ChatConnection();
  return connection.follow(vehicleId, handlers);
}
