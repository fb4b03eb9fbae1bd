import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderToStaticMarkup } from 'react-dom/server';
import { z } from 'zod';
import { mailOutbox } from '../../db/schema/index.ts';

const LINK = /(https?:\/\/[^\s]+)/g;

type Mail = typeof mailOutbox.$inferSelect;

function MailText({ text }: { text: string }) {
  return (
    <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text never reorder
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

function Mailbox({ mails }: { mails: Mail[] }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Dev mailbox · keyfob</title>
      </head>
      <body
        style={{
          fontFamily: 'system-ui, sans-serif',
          maxWidth: 760,
          margin: '0 auto',
          padding: 16,
          color: '#1a1a1a',
        }}
      >
        <main>
          <h1>Dev mailbox</h1>
          <p>SMTP_URL is not set, so keyfob keeps its mail here instead of sending it. Newest first.</p>
          {mails.length === 0 ? <p>No mail yet.</p> : null}
          {mails.map((mail) => (
            <article
              key={mail.id}
              aria-label={`${mail.subject} to ${mail.to}`}
              style={{ borderTop: '1px solid #ccc', paddingTop: 8 }}
            >
              <h2 style={{ fontSize: 18 }}>{mail.subject}</h2>
              <p>
                To <strong>{mail.to}</strong> · {mail.createdAt.toISOString()} · {mail.status}
              </p>
              <MailText text={mail.text} />
            </article>
          ))}
        </main>
      </body>
    </html>
  );
}

const MailItem = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  topic: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  createdAt: z.date(),
});

/**
 * The dev mailbox: without SMTP_URL every mail keyfob would send is shown at /dev/mail (and as
 * JSON at /dev/mail/messages). Registered only when there is no SMTP server.
 */
export const devMailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const latest = (limit: number, to?: string) =>
    app.database.db
      .select()
      .from(mailOutbox)
      .where(to ? eq(mailOutbox.to, to) : undefined)
      .orderBy(desc(mailOutbox.seq))
      .limit(limit);

  app.get('/dev/mail', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const html = `<!doctype html>${renderToStaticMarkup(<Mailbox mails={await latest(100)} />)}`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get(
    '/dev/mail/messages',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'The dev mailbox as JSON (only without SMTP_URL)',
        querystring: z.object({ to: z.string().optional() }),
        response: { 200: z.object({ items: z.array(MailItem), nextCursor: z.null() }) },
      },
    },
    async (request) => {
      return { items: await latest(200, request.query.to?.trim().toLowerCase()), nextCursor: null };
    },
  );
};
