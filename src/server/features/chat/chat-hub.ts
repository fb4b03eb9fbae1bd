import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Change } from '../../db/change-feed.ts';
import { messages } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { loadConversation } from './conversation.ts';
import { type MessageView, presentMessage } from './messages.ts';

const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), vehicleId: z.uuid() }),
  z.object({ type: z.literal('unsubscribe'), vehicleId: z.uuid() }),
]);

/** Close codes in the private range: the client knows why and need not retry. */
export const CLOSE_SIGNED_OUT = 4401;
const CLOSE_SERVER_CLOSING = 1001;
const PERSON_TABLES = new Set(['sessions', 'users', 'staff_memberships']);

interface Participant {
  socket: WebSocket;
  token: string | undefined;
  actor: Actor;
  vehicles: Set<string>;
}

/**
 * Open chat sockets of this instance, by conversation. A new message goes to every socket
 * subscribed to its vehicle: at once when written here, through the change feed when written by
 * another instance. A change to the vehicle's users or to a person re-checks their subscriptions
 * at once: a removed user's socket stops receiving that conversation (`access_removed`), a
 * signed-out one is closed.
 */
export class ChatHub {
  readonly #participants = new Set<Participant>();
  readonly #byVehicle = new Map<string, Set<Participant>>();

  constructor(private readonly app: FastifyInstance) {
    app.changes.subscribe((change) => {
      this.#onChange(change).catch((error: unknown) =>
        app.log.error({ err: error }, 'chat hub change failed'),
      );
    });
    app.addHook('onClose', async () => {
      for (const participant of this.#participants)
        participant.socket.close(CLOSE_SERVER_CLOSING, 'server closing');
    });
  }

  /** Sockets open on this instance (for tests and metrics). */
  get size(): number {
    return this.#participants.size;
  }

  /**
   * Sends a new message to this instance's sockets that follow its vehicle. The instance that
   * writes a message calls this itself, without waiting for the change feed; every other instance
   * hears of it there.
   */
  deliver(message: MessageView): void {
    const listeners = this.#byVehicle.get(message.vehicleId);
    if (!listeners?.size) return;
    const payload = JSON.stringify({ type: 'message', message });
    for (const participant of listeners) {
      if (participant.socket.readyState === participant.socket.OPEN) participant.socket.send(payload);
    }
  }

  attach(socket: WebSocket, request: FastifyRequest, actor: Actor): void {
    const participant: Participant = { socket, token: request.sessionToken(), actor, vehicles: new Set() };
    this.#participants.add(participant);
    socket.on('close', () => {
      this.#participants.delete(participant);
      for (const vehicleId of participant.vehicles) this.#leave(participant, vehicleId);
    });
    socket.on('message', (data) => {
      this.#onClientMessage(participant, String(data)).catch((error: unknown) => {
        request.log.error({ err: error }, 'chat socket message failed');
        send(participant, { type: 'error', code: 'internal_error' });
      });
    });
  }

  async #onClientMessage(participant: Participant, text: string) {
    let parsed: z.infer<typeof ClientMessage>;
    try {
      parsed = ClientMessage.parse(JSON.parse(text));
    } catch {
      return send(participant, { type: 'error', code: 'validation_failed' });
    }
    if (parsed.type === 'unsubscribe') return this.#leave(participant, parsed.vehicleId);
    try {
      const conversation = await loadConversation(
        this.app.vehicleAccess,
        participant.actor,
        parsed.vehicleId,
      );
      participant.vehicles.add(parsed.vehicleId);
      const listeners = this.#byVehicle.get(parsed.vehicleId) ?? new Set();
      listeners.add(participant);
      this.#byVehicle.set(parsed.vehicleId, listeners);
      send(participant, { type: 'subscribed', vehicleId: parsed.vehicleId, myRole: conversation.myRole });
    } catch {
      send(participant, { type: 'error', code: 'not_found', vehicleId: parsed.vehicleId });
    }
  }

  #leave(participant: Participant, vehicleId: string) {
    participant.vehicles.delete(vehicleId);
    const listeners = this.#byVehicle.get(vehicleId);
    listeners?.delete(participant);
    if (listeners?.size === 0) this.#byVehicle.delete(vehicleId);
  }

  async #onChange(change: Change | 'everything') {
    if (change === 'everything') {
      for (const participant of this.#participants) await this.#recheck(participant);
      return;
    }
    if (change.table === 'messages') {
      const [vehicleId, messageId, origin] = change.key.split('/');
      // Written through this instance: `deliver` has sent it already.
      if (origin === this.app.database.origin) return;
      const listeners = vehicleId ? this.#byVehicle.get(vehicleId) : undefined;
      if (!listeners?.size || !messageId) return;
      const [message] = await this.app.database.db.select().from(messages).where(eq(messages.id, messageId));
      if (message) this.deliver(presentMessage(message));
      return;
    }
    if (change.table === 'vehicles' || change.table === 'vehicle_memberships') {
      for (const participant of [...(this.#byVehicle.get(change.key) ?? [])])
        await this.#recheck(participant);
      return;
    }
    if (PERSON_TABLES.has(change.table) || change.table === 'organizations') {
      for (const participant of this.#participants) {
        if (change.table === 'organizations' || participant.actor.user.id === change.key)
          await this.#recheck(participant);
      }
    }
  }

  /** The person as they are now: still signed in, and still in each conversation they follow. */
  async #recheck(participant: Participant) {
    const actor = participant.token ? await this.app.resolveSessionToken(participant.token) : null;
    if (!actor) {
      participant.socket.close(CLOSE_SIGNED_OUT, 'signed out');
      return;
    }
    participant.actor = actor;
    for (const vehicleId of [...participant.vehicles]) {
      try {
        await loadConversation(this.app.vehicleAccess, actor, vehicleId);
      } catch {
        this.#leave(participant, vehicleId);
        send(participant, { type: 'access_removed', vehicleId });
      }
    }
  }
}

function send(participant: Participant, message: object) {
  if (participant.socket.readyState === participant.socket.OPEN)
    participant.socket.send(JSON.stringify(message));
}
