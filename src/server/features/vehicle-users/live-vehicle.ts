import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Change } from '../../db/change-feed.ts';
import { Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { readVehicleView } from './vehicle-view.ts';

const HEARTBEAT_MS = 25_000;
const VEHICLE_TABLES = new Set(['telemetry_events', 'vehicles', 'vehicle_memberships']);
const PERSON_TABLES = new Set(['sessions', 'users', 'staff_memberships']);

/** Why a live stream ended, sent as its last event. */
type EndReason = 'access_removed' | 'signed_out' | 'server_closing';

/**
 * `GET /vehicles/{vid}/live`: server-sent events carrying the vehicle view (as `GET /vehicles/{vid}`
 * answers it) whenever something it shows changes, on any instance. Each change re-reads the view
 * for the person as they are now, so a new sharing level applies to the very next message, and a
 * removal or sign-out ends the stream with an `end` event saying why.
 */
export class LiveVehicleStreams {
  readonly #open = new Set<() => void>();

  constructor(private readonly app: FastifyInstance) {
    app.addHook('onClose', async () => {
      for (const close of [...this.#open]) close();
    });
  }

  async open(request: FastifyRequest, reply: FastifyReply, actor: Actor, vehicleId: string): Promise<void> {
    const { app } = this;
    const token = request.sessionToken();
    // Not a user of it: a plain 404 before any stream starts.
    const first = await readVehicleView(app.vehicleAccess, app.vehicleStatus, actor, vehicleId);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-request-id': request.id,
    });
    const send = (event: string, data: unknown) =>
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('vehicle', first);

    let unsubscribe: () => void = () => {};
    let isClosed = false;
    let isRefreshing = false;
    let isStale = false;
    const heartbeat = setInterval(() => raw.write(': still here\n\n'), HEARTBEAT_MS);
    const close = (reason?: EndReason) => {
      if (isClosed) return;
      isClosed = true;
      if (reason) send('end', { reason });
      clearInterval(heartbeat);
      unsubscribe();
      this.#open.delete(closeForShutdown);
      raw.end();
    };
    const closeForShutdown = () => close('server_closing');
    this.#open.add(closeForShutdown);
    request.raw.on('close', () => close());

    const refresh = async () => {
      if (isRefreshing) {
        isStale = true;
        return;
      }
      isRefreshing = true;
      try {
        do {
          isStale = false;
          const now = token ? await app.resolveSessionToken(token) : null;
          if (!now) return close('signed_out');
          try {
            send('vehicle', await readVehicleView(app.vehicleAccess, app.vehicleStatus, now, vehicleId));
          } catch (error) {
            if (error instanceof Problem && (error.status === 404 || error.status === 403)) {
              return close('access_removed');
            }
            throw error;
          }
        } while (isStale && !isClosed);
      } finally {
        isRefreshing = false;
      }
    };
    const concerns = (change: Change | 'everything') =>
      change === 'everything' ||
      change.table === 'organizations' ||
      (VEHICLE_TABLES.has(change.table) && change.key === vehicleId) ||
      (PERSON_TABLES.has(change.table) && change.key === actor.user.id);
    unsubscribe = app.changes.subscribe((change) => {
      if (isClosed || !concerns(change)) return;
      refresh().catch((error: unknown) => {
        request.log.error({ err: error }, 'live vehicle stream failed');
        close();
      });
    });
  }
}
