import type { Duplex } from 'node:stream';
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
  /** The connection under the socket, corked while a batch of messages is written to it. */
  connection: Duplex | undefined;
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
  /** Messages announced in this turn of the event loop, read together once it ends. */
  #announced: Announced[] = [];
  /** Settles once every batch read so far has been delivered: batches go out in commit order. */
  #delivered: Promise<void> = Promise.resolve();

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
    const participant: Participant = {
      socket,
      connection: request.raw.socket,
      token: request.sessionToken(),
      actor,
      vehicles: new Set(),
    };
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
      if (this.#announced.length === 0) queueMicrotask(() => this.#readAnnounced());
      this.#announced.push({ vehicleId, messageId });
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
   * Reads the messages announced in one turn of the event loop with one query (when the instance
   * is busy, the feed hands over many at once), at once, and queues their delivery behind the
   * batches before it, so sockets get messages in the order they were committed (the order the
   * feed announces them) even when a later read returns first.
   */
  #readAnnounced() {
    const batch = this.#announced;
    this.#announced = [];
    const read = this.#read(batch);
    // Handled below, once the batches before it are out; until then a failed read must not count as unhandled.
    read.catch(() => {});
    this.#delivered = this.#delivered.then(async () => {
      try {
        this.#deliver(batch, await read);
      } catch (error) {
        // Those messages stay in the database (history shows them); the next ones still go out.
        this.app.log.error({ err: error, messages: batch.length }, 'chat hub could not deliver new messages');
      }
    });
  }

  async #read(batch: readonly Announced[]): Promise<Map<string, MessageRow>> {
    const byId = new Map<string, MessageRow>();
    for (let start = 0; start < batch.length; start += MAX_READ_BATCH) {
      const ids = batch.slice(start, start + MAX_READ_BATCH).map((announced) => announced.messageId);
      const rows = await this.app.database.db.select().from(messages).where(inArray(messages.id, ids));
      for (const row of rows) byId.set(row.id, row);
    }
    return byId;
  }

  /**
   * Sends each message, serialised once, to its conversation's open sockets. With several
   * messages in the batch, each connection is corked until all are written, so a socket that
   * follows several of the conversations gets them in one write rather than one write each.
   */
  #deliver(batch: readonly Announced[], found: ReadonlyMap<string, MessageRow>) {
    const corked = new Set<Duplex>();
    try {
      for (const { vehicleId, messageId } of batch) {
        const message = found.get(messageId);
        const listeners = this.#byVehicle.get(vehicleId);
        if (!message || !listeners?.size) continue;
        const payload = Buffer.from(JSON.stringify({ type: 'message', message: presentMessage(message) }));
        for (const participant of listeners) {
          if (participant.socket.readyState !== participant.socket.OPEN) continue;
          const { connection } = participant;
          if (batch.length > 1 && connection && !corked.has(connection)) {
            connection.cork();
            corked.add(connection);
          }
          participant.socket.send(payload, { binary: false });
        }
      }
    } finally {
      for (const connection of corked) connection.uncork();
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
