import { inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Change } from '../../db/change-feed.ts';
import { messages } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { loadConversation } from './conversation.ts';
import { type MessageRow, presentMessage } from './messages.ts';

const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), vehicleId: z.uuid() }),
  z.object({ type: z.literal('unsubscribe'), vehicleId: z.uuid() }),
]);

/** Close codes in the private range: the client knows why and need not retry. */
export const CLOSE_SIGNED_OUT = 4401;
const CLOSE_SERVER_CLOSING = 1001;
const PERSON_TABLES = new Set(['sessions', 'users', 'staff_memberships']);
/** New messages read from the database in one query at most. */
const MAX_READ_BATCH = 500;

/** A committed message announced by the change feed, not yet delivered. */
interface Announced {
  vehicleId: string;
  messageId: string;
}

interface Participant {
  socket: WebSocket;
  token: string | undefined;
  actor: Actor;
  vehicles: Set<string>;
}

/**
 * Open chat sockets of this instance, by conversation. New messages, from any instance, arrive
 * through the change feed and go to every socket subscribed to their vehicle. A change to the
 * vehicle's users or to a person re-checks their subscriptions at once: a removed user's socket
 * stops receiving that conversation (`access_removed`), a signed-out one is closed.
 */
export class ChatHub {
  readonly #participants = new Set<Participant>();
  readonly #byVehicle = new Map<string, Set<Participant>>();
  /** Announced messages in commit order, waiting for the read in flight (if any) to finish. */
  readonly #announced: Announced[] = [];
  #isReading = false;

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
      const [vehicleId, messageId] = change.key.split('/');
      if (!vehicleId || !messageId || !this.#byVehicle.get(vehicleId)?.size) return;
      this.#announced.push({ vehicleId, messageId });
      if (!this.#isReading) await this.#deliverAnnounced();
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

  /**
   * Reads announced messages and sends each to its conversation's open sockets, in the order they
   * were committed (the order the feed announces them). One read runs at a time, and whatever is
   * announced meanwhile goes into the next, so a busy instance reads many messages per query
   * rather than one, and a later message never overtakes an earlier one. Each message is
   * serialised once and the same bytes go to every socket.
   */
  async #deliverAnnounced() {
    this.#isReading = true;
    try {
      while (this.#announced.length > 0) {
        const batch = this.#announced.splice(0, MAX_READ_BATCH);
        let rows: MessageRow[];
        try {
          rows = await this.app.database.db
            .select()
            .from(messages)
            .where(
              inArray(
                messages.id,
                batch.map((announced) => announced.messageId),
              ),
            );
        } catch (error) {
          // Those messages stay in the database (history shows them); the next ones still go out.
          this.app.log.error({ err: error, messages: batch.length }, 'chat hub could not read new messages');
          continue;
        }
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const { vehicleId, messageId } of batch) {
          const message = byId.get(messageId);
          const listeners = this.#byVehicle.get(vehicleId);
          if (!message || !listeners?.size) continue;
          const payload = Buffer.from(JSON.stringify({ type: 'message', message: presentMessage(message) }));
          for (const participant of listeners) {
            if (participant.socket.readyState === participant.socket.OPEN)
              participant.socket.send(payload, { binary: false });
          }
        }
      }
    } finally {
      this.#isReading = false;
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
