import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from './permissions.ts';

/**
 * Who may call a route, declared on every route as `config.access`: `public` routes answer
 * anyone, `signed_in` anyone with a session, `device` a vehicle's device by its device token
 * (Bearer), `charging_backend` a charging back end by its key (Bearer), and a permission name
 * anyone who holds that permission somewhere (the handler then checks it against the loaded
 * target).
 */
export type RouteAccess = 'public' | 'signed_in' | 'device' | 'charging_backend' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access, for the route-access snapshot. */
    routeCatalogue: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

// Routes added by third-party plugins (the API reference and built web assets) cannot carry
// our config; they serve public, static material only.
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs', '/assets/'];

/** Refuses to start when a route does not say who may call it. */
export const routeAccessPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate('routeCatalogue', []);
    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      const declared = route.config?.access;
      const access =
        declared ??
        (PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix)) ? 'public' : undefined);
      if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} does not declare config.access`);
      for (const method of methods) {
        if (method === 'HEAD') continue;
        app.routeCatalogue.push({ method, url: route.url, access });
      }
    });
  },
  { name: 'route-access' },
);
