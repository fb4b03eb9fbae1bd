import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireDevice } from '../../plugins/authenticate.ts';
import { ingestTelemetry } from './ingest.ts';
import { IngestAnswer, TelemetryBatch } from './schemas.ts';
import { announceWarningLights } from './warning-light-alerts.ts';

/** Devices post their events here with their vehicle's device token (SPEC §8, §11). */
export const telemetryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/ingest/telemetry',
    {
      config: { access: 'device' },
      schema: {
        tags: ['telemetry'],
        summary: "A device's batch of events (Bearer device token); re-sent events are ignored",
        body: TelemetryBatch,
        response: { 202: IngestAnswer },
      },
    },
    async (request, reply) => {
      const vehicleId = requireDevice(request);
      const now = app.clock.now();
      const result = await ingestTelemetry(app.database.db, vehicleId, request.body.events, now);
      const told = await announceWarningLights(app.database.db, vehicleId, request.body.events, {
        now,
        publicUrl: app.config.publicUrl,
      });
      if (told > 0) app.mailWorker.kick();
      return reply.code(202).send(result);
    },
  );
};
