import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { ChangeFeed } from './db/change-feed.ts';
import type { DatabaseHandle } from './db/client.ts';
import { accountRoutes } from './features/accounts/routes.ts';
import { adminRoutes } from './features/admin/routes.ts';
import { bookingRoutes } from './features/booking/routes.ts';
import { startStatementCloser } from './features/charging/close-month.ts';
import { chargingRoutes } from './features/charging/routes.ts';
import { startChatMailer } from './features/chat/chat-mail.ts';
import { chatRoutes } from './features/chat/routes.ts';
import { docsPlugin } from './features/docs/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { identityRoutes } from './features/identity/routes.ts';
import { invitationRoutes } from './features/invitations/routes.ts';
import { devMailboxRoutes } from './features/mail/dev-mailbox-routes.tsx';
import { type MailWorker, startMailWorker } from './features/mail/mail-worker.ts';
import type { MailTransport } from './features/mail/outbox.ts';
import { mailRoutes } from './features/mail/routes.ts';
import { createMailTransport } from './features/mail/transport.ts';
import { maintenanceRoutes } from './features/maintenance/routes.ts';
import { notificationRoutes } from './features/notifications/routes.ts';
import { DeviceDirectory } from './features/telemetry/devices.ts';
import { telemetryRoutes } from './features/telemetry/routes.ts';
import { VehicleStatusReader } from './features/telemetry/vehicle-status.ts';
import { tripRoutes } from './features/trips/routes.ts';
import { VehicleAccess } from './features/vehicle-users/member-vehicle.ts';
import { vehicleUserRoutes } from './features/vehicle-users/routes.ts';
import { workshopVehicleRoutes } from './features/vehicles/routes.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { loggerOptions } from './lib/log.ts';
import { responseSerializerCompiler } from './lib/response-serializer.ts';
import { authenticatePlugin } from './plugins/authenticate.ts';
import { problemsPlugin } from './plugins/problems.ts';
import { type RateLimits, rateLimitsPlugin } from './plugins/rate-limits.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { routeAccessPlugin } from './policy/route-access.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    clock: Clock;
    mailWorker: MailWorker;
    /** What changed in the database, from any instance: in-process caches listen to it. */
    changes: ChangeFeed;
    vehicleAccess: VehicleAccess;
    vehicleStatus: VehicleStatusReader;
    devices: DeviceDirectory;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Fastify's logger options; tests pass their own stream to read what was logged. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app (`dist/web`); without it only the API is served. */
  webRoot?: string;
  /** Defaults to SMTP when SMTP_URL is set, else the dev mailbox. */
  mailTransport?: MailTransport;
  rateLimits?: Partial<RateLimits>;
}

/** Builds the Fastify instance: external plugins, then app plugins, then features. No listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(options.config.logLevel),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    // Live streams and sockets never go idle; closing must not wait for them.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.decorate('config', options.config);
  app.decorate('database', options.database);
  app.decorate('clock', options.clock ?? systemClock);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const changes = await ChangeFeed.open(options.database, app.log);
  app.decorate('changes', changes);
  app.decorate('vehicleAccess', new VehicleAccess(options.database.db, changes));
  app.decorate('vehicleStatus', new VehicleStatusReader(options.database.db, changes));
  app.decorate('devices', new DeviceDirectory(options.database.db, changes));
  app.addHook('onClose', () => changes.close());
  // Read your writes: a write's answer leaves only once this instance's caches have heard of it.
  app.addHook('onSend', async (request) => {
    if (!WRITE_METHODS.has(request.method)) return;
    try {
      await changes.settle();
    } catch (error) {
      request.log.warn({ err: error }, 'could not settle the change feed');
    }
  });

  const transport =
    options.mailTransport ?? createMailTransport(options.config.smtpUrl, options.config.mailFrom);
  const mailWorker = startMailWorker(options.database.db, transport, app.clock, app.log);
  app.decorate('mailWorker', mailWorker);
  app.addHook('onClose', () => mailWorker.stop());
  const chatMailer = startChatMailer({
    db: options.database.db,
    clock: app.clock,
    log: app.log,
    publicUrl: options.config.publicUrl,
    onQueued: () => mailWorker.kick(),
  });
  app.addHook('onClose', () => chatMailer.stop());
  const statementCloser = startStatementCloser({ db: options.database.db, clock: app.clock, log: app.log });
  app.addHook('onClose', () => statementCloser.stop());

  await app.register(routeAccessPlugin);
  await app.register(problemsPlugin);
  await app.register(rateLimitsPlugin, { limits: options.rateLimits });
  await app.register(authenticatePlugin);
  await app.register(docsPlugin);
  await app.register(webAppPlugin, { webRoot: options.webRoot });

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(identityRoutes);
      await api.register(invitationRoutes);
      await api.register(adminRoutes);
      await api.register(accountRoutes);
      await api.register(mailRoutes);
      await api.register(workshopVehicleRoutes);
      await api.register(vehicleUserRoutes);
      await api.register(notificationRoutes);
      await api.register(telemetryRoutes);
      await api.register(tripRoutes);
      await api.register(chatRoutes);
      await api.register(bookingRoutes);
      await api.register(maintenanceRoutes);
      await api.register(chargingRoutes);
    },
    { prefix: '/api/v1' },
  );
  // Without an SMTP server, mail stays in the database and is read here.
  if (transport.kind === 'mailbox') await app.register(devMailboxRoutes);

  await app.ready();
  return app;
}
