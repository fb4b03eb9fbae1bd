import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findChargingKey } from '../features/charging/charging-keys.ts';
import { createSessionCache, resolveSession, SESSION_ABSOLUTE_MS } from '../features/identity/sessions.ts';
import { forbidden, unauthenticated } from '../lib/errors.ts';
import type { Actor } from '../policy/actor.ts';
import { authorize } from '../policy/authorize.ts';
import { ACCOUNT_MEMBER_PERMISSIONS } from '../policy/rules/account.ts';
import { VEHICLE_USER_PERMISSIONS } from '../policy/rules/vehicle.ts';

export const SESSION_COOKIE = 'keyfob_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, resolved once per request from the cookie or bearer token. */
    getActor(): Promise<Actor | null>;
    /** The session token the request carried, if any (for logout). */
    sessionToken(): string | undefined;
    /** On `device` routes: the vehicle whose device token the request carried. */
    deviceVehicleId: string | null;
    /** On `charging_backend` routes: the charging key (the back end) the request carried. */
    chargingKeyId: string | null;
  }
  interface FastifyInstance {
    /** Who a session token belongs to now (for live streams re-checking a long-open request). */
    resolveSessionToken(token: string): Promise<Actor | null>;
  }
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/**
 * A cookie rides along on any request the browser makes, including one a hostile page triggers.
 * Writes authenticated by cookie must therefore come from keyfob's own pages: the Origin header
 * (or Sec-Fetch-Site) must say same origin. Bearer tokens are never sent automatically.
 */
function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin) {
    if (origin === new URL(publicUrl).origin) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/**
 * Authenticates every request lazily (session cookie, or bearer token for other clients) and
 * enforces each route's declared access before its handler runs.
 */
export const authenticatePlugin = fp(
  async (app: FastifyInstance) => {
    const isSecure = app.config.publicUrl.startsWith('https:');
    const sessionCache = createSessionCache(app.changes);
    await app.register(cookie);

    app.decorate('resolveSessionToken', (token: string) =>
      resolveSession(app.database.db, token, app.clock.now(), sessionCache),
    );
    app.decorateRequest('deviceVehicleId', null);
    app.decorateRequest('chargingKeyId', null);
    app.decorateRequest('sessionToken', function (this: FastifyRequest) {
      return bearerToken(this) ?? this.cookies[SESSION_COOKIE];
    });
    app.decorateRequest('getActor', function (this: FastifyRequest) {
      const request = this as FastifyRequest & { actorPromise?: Promise<Actor | null> };
      request.actorPromise ??= (async () => {
        const bearer = bearerToken(request);
        const token = bearer ?? request.cookies[SESSION_COOKIE];
        if (!token) return null;
        // A WebSocket handshake is a GET, but browsers send cookies with it from any site.
        const isWrite =
          UNSAFE_METHODS.has(request.method) || request.headers.upgrade?.toLowerCase() === 'websocket';
        if (!bearer && isWrite && !isSameOrigin(request, app.config.publicUrl)) {
          throw forbidden('Cross-site request refused');
        }
        return resolveSession(app.database.db, token, app.clock.now(), sessionCache);
      })();
      return request.actorPromise;
    });
    app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
      return this.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure,
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
    });
    app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
      return this.clearCookie(SESSION_COOKIE, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure,
      });
    });

    // onRequest, before the body is parsed and validated: who may call comes before what they sent.
    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access;
      if (!access || access === 'public') return;
      if (access === 'device') {
        request.deviceVehicleId = (await app.devices.vehicleOf(bearerToken(request))) ?? null;
        if (!request.deviceVehicleId) throw unauthenticated();
        return;
      }
      if (access === 'charging_backend') {
        request.chargingKeyId = (await findChargingKey(app.database.db, bearerToken(request))) ?? null;
        if (!request.chargingKeyId) throw unauthenticated();
        return;
      }
      const actor = await request.getActor();
      if (!actor) throw unauthenticated();
      // Vehicle-user and account-member permissions depend on the vehicle or account, which the
      // handler loads and checks.
      if (
        access !== 'signed_in' &&
        !VEHICLE_USER_PERMISSIONS.has(access) &&
        !ACCOUNT_MEMBER_PERMISSIONS.has(access)
      )
        authorize(actor, access);
    });
  },
  { name: 'authenticate', dependencies: ['problems'] },
);

/** The signed-in actor of a route whose access is not `public` (the hook has already checked). */
export async function requireActor(request: FastifyRequest): Promise<Actor> {
  const actor = await request.getActor();
  if (!actor) throw unauthenticated();
  return actor;
}

/** The vehicle of a `device` route's caller (the hook has already checked the token). */
export function requireDevice(request: FastifyRequest): string {
  if (!request.deviceVehicleId) throw unauthenticated();
  return request.deviceVehicleId;
}

/** The charging key of a `charging_backend` route's caller (the hook has already checked it). */
export function requireChargingBackend(request: FastifyRequest): string {
  if (!request.chargingKeyId) throw unauthenticated();
  return request.chargingKeyId;
}
