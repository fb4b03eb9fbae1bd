import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../lib/errors.ts';

const Liveness = z.object({ status: z.literal('ok') });
const Readiness = z.object({ status: z.literal('ready'), database: z.enum(['embedded', 'postgres']) });

/** Liveness and readiness, outside `/api/v1` so load balancers need no API knowledge. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Liveness } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'The database answers', response: { 200: Readiness } },
    },
    async (request) => {
      try {
        await app.database.ping();
      } catch (error) {
        request.log.warn({ err: error }, 'database did not answer the readiness check');
        throw new Problem(503, 'not_ready', 'The database does not answer');
      }
      return { status: 'ready' as const, database: app.database.kind };
    },
  );
};
