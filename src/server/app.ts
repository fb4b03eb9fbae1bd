import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { docsPlugin } from './features/docs/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { problemsPlugin } from './plugins/problems.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { routeAccessPlugin } from './policy/route-access.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    clock: Clock;
  }
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Fastify's logger options; tests pass their own stream to read what was logged. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app (`dist/web`); without it only the API is served. */
  webRoot?: string;
}

/** Secrets never reach the log, whatever logs a request. */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
];

/** Builds the Fastify instance: external plugins, then app plugins, then features. No listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: options.config.logLevel, redact: LOG_REDACTIONS },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', options.config);
  app.decorate('database', options.database);
  app.decorate('clock', options.clock ?? systemClock);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(routeAccessPlugin);
  await app.register(problemsPlugin);
  await app.register(docsPlugin);
  await app.register(webAppPlugin, { webRoot: options.webRoot });

  await app.register(healthRoutes);

  await app.ready();
  return app;
}
