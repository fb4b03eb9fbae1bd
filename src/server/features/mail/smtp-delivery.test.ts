import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOperator, buildStaff, signIn } from '../../test/factories.ts';
import { linkToken } from '../../test/mail.ts';
import { startTestApp, type TestApp } from '../../test/server.ts';
import { MAX_SEND_ATTEMPTS, retryDelayMs } from './outbox.ts';

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on loopback; `refuse` makes it answer every mail with a temporary error. */
async function startSmtpServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (state.refuse) {
            callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 }));
            return;
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, port, received, state };
}

describe('mail over real SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'keyfob <hello@keyfob.test>' },
    });
  }, 60_000);

  afterAll(async () => {
    await t.app.close();
    await t.database.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  async function inviteAs(email: string) {
    const operator = await buildOperator(t.database.db);
    const admin = await buildStaff(t.database.db, operator, ['admin'], { name: 'Ada Admin', language: 'da' });
    const token = await signIn(t.database.db, admin, t.clock.now());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/system-users',
      headers: bearer(token),
      payload: { email, organizationId: operator.id, roles: ['finance'] },
    });
    expect(response.statusCode, response.body).toBe(201);
    return token;
  }

  it('sends the invitation over SMTP; the link in the received mail accepts it', async () => {
    await inviteAs('smtp-invitee@example.test');
    await t.app.mailWorker.drain();
    const mail = smtp.received.find((m) => m.to.includes('smtp-invitee@example.test'));
    if (!mail) throw new Error('no mail arrived at the SMTP server');
    expect(mail.from).toBe('hello@keyfob.test');
    // The inviter writes Danish, so the mail is in Danish.
    expect(mail.subject).toBe('Ada Admin har inviteret dig til keyfob');
    expect(mail.text).toContain('keyfob operator som Økonomi');
    expect(mail.html).toContain('lang="da"');

    const link = linkToken(mail.text, 'activate');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${link}/accept`,
      payload: { name: 'Sofie SMTP', password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user.email).toBe('smtp-invitee@example.test');
  });

  it('has no dev mailbox when SMTP is configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/dev/mail' })).statusCode).toBe(404);
  });

  it('retries a refused mail with backoff, shows the failure to operators, then delivers', async () => {
    smtp.state.refuse = true;
    const adminToken = await inviteAs('retry-me@example.test');
    await t.app.mailWorker.drain();
    const pending = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/mail?status=pending',
      headers: bearer(adminToken),
    });
    const item = pending.json().items.find((m: { to: string }) => m.to === 'retry-me@example.test');
    expect(item).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/451|unavailable/),
    });
    expect(new Date(item.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(30_000);

    // Not due yet: a round now sends nothing.
    t.app.mailWorker.kick();
    await t.app.mailWorker.drain();
    expect(smtp.received.some((m) => m.to.includes('retry-me@example.test'))).toBe(false);

    smtp.state.refuse = false;
    t.clock.advance(30_000);
    t.app.mailWorker.kick();
    await t.app.mailWorker.drain();
    expect(smtp.received.some((m) => m.to.includes('retry-me@example.test'))).toBe(true);
    const sent = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/mail?status=sent',
      headers: bearer(adminToken),
    });
    expect(sent.json().items.find((m: { to: string }) => m.to === 'retry-me@example.test')).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('gives up after the last attempt and lists the mail as failed', async () => {
    smtp.state.refuse = true;
    const adminToken = await inviteAs('never-arrives@example.test');
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      t.app.mailWorker.kick();
      await t.app.mailWorker.drain();
      t.clock.advance(retryDelayMs(attempt));
    }
    smtp.state.refuse = false;
    const failed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/mail?status=failed',
      headers: bearer(adminToken),
    });
    expect(failed.json().items).toEqual([
      expect.objectContaining({
        to: 'never-arrives@example.test',
        status: 'failed',
        attempts: MAX_SEND_ATTEMPTS,
      }),
    ]);
    expect(JSON.stringify(failed.json())).not.toContain('/activate/');
  });
});
