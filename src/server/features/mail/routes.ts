import { and, desc, eq, lt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mailOutbox } from '../../db/schema/index.ts';

const PAGE_SIZE = 50;

const OutboxItem = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  topic: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  nextAttemptAt: z.date(),
});

/** Operators watch outgoing mail: what is waiting, what went, and what failed and why. */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/mail',
    {
      config: { access: 'mail.read' },
      schema: {
        tags: ['admin'],
        summary: 'Outgoing mail, newest first; ?status=failed shows what could not be sent',
        querystring: z.object({
          status: z.enum(['pending', 'sent', 'failed']).optional(),
          cursor: z.coerce.number().int().positive().optional(),
        }),
        // The body and its links stay out: an activation link is a password until it is used.
        response: { 200: z.object({ items: z.array(OutboxItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { status, cursor } = request.query;
      const rows = await app.database.db
        .select()
        .from(mailOutbox)
        .where(
          and(
            status ? eq(mailOutbox.status, status) : undefined,
            cursor ? lt(mailOutbox.seq, cursor) : undefined,
          ),
        )
        .orderBy(desc(mailOutbox.seq))
        .limit(PAGE_SIZE + 1);
      const page = rows.slice(0, PAGE_SIZE);
      const last = page.at(-1);
      return { items: page, nextCursor: rows.length > PAGE_SIZE && last ? String(last.seq) : null };
    },
  );
};
