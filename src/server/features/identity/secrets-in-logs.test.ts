import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearer, buildOperator, buildStaff, TEST_PASSWORD } from '../../test/factories.ts';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';

describe('secrets stay secret', () => {
  const t = useTestApp();

  it('never writes a token, password or hash to the log or into an API answer', async () => {
    const secrets: string[] = [TEST_PASSWORD];
    const answers: string[] = [];
    const call = async (options: InjectOptions) => {
      const response = await t.app.inject(options);
      answers.push(response.body);
      return response;
    };

    const operator = await buildOperator(t.database.db);
    const admin = await buildStaff(t.database.db, operator, ['admin']);
    const login = await call({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: TEST_PASSWORD },
    });
    const adminToken: string = login.json().token;
    secrets.push(adminToken, admin.passwordHash ?? 'no hash');

    const invited = await call({
      method: 'POST',
      url: '/api/v1/admin/system-users',
      headers: bearer(adminToken),
      payload: { email: 'secretive@example.test', organizationId: operator.id, roles: ['support'] },
    });
    await call({
      method: 'POST',
      url: `/api/v1/admin/invitations/${invited.json().invitationId}/resend`,
      headers: bearer(adminToken),
    });
    const link = linkToken((await lastMailTo(t.database.db, 'secretive@example.test')).text, 'activate');
    secrets.push(link);
    await call({ method: 'GET', url: `/api/v1/invitations/${link}` });
    const newPassword = 'the invitee chose this passphrase';
    secrets.push(newPassword);
    const accepted = await call({
      method: 'POST',
      url: `/api/v1/invitations/${link}/accept`,
      payload: { name: 'S', password: newPassword },
    });
    const inviteeToken: string = accepted.json().token;
    secrets.push(inviteeToken);
    await call({ method: 'GET', url: '/api/v1/me', headers: bearer(inviteeToken) });
    await call({ method: 'GET', url: '/api/v1/me', cookies: { keyfob_session: inviteeToken } });
    await call({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: 'a wrong password guess' },
    });
    secrets.push('a wrong password guess');
    await call({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: admin.email } });
    const resetLink = linkToken((await lastMailTo(t.database.db, admin.email)).text, 'reset-password');
    secrets.push(resetLink);
    await call({ method: 'GET', url: `/api/v1/auth/password-reset/${resetLink}` });
    await call({
      method: 'POST',
      url: `/api/v1/auth/password-reset/${resetLink}`,
      payload: { password: 'reset to this passphrase' },
    });
    secrets.push('reset to this passphrase');
    await call({ method: 'GET', url: '/api/v1/admin/mail', headers: bearer(adminToken) });
    await call({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(inviteeToken) });

    const log = t.logs.join('\n');
    expect(log).toContain('/api/v1/invitations/[token]/accept');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/\$argon2id\$/);
    expect(log.toLowerCase()).not.toContain('bearer ');

    // Login, accept and reset answer with the caller's own new session token (the contract);
    // no other answer carries a token, and none carries a hash.
    const sessionAnswers = new Set([login.body, accepted.body]);
    for (const body of answers) {
      expect(body).not.toMatch(/\$argon2id\$|passwordHash|tokenHash/);
      expect(body).not.toContain(link);
      expect(body).not.toContain(resetLink);
      if (!sessionAnswers.has(body) && !body.includes('"token"')) {
        for (const token of [adminToken, inviteeToken]) expect(body).not.toContain(token);
      }
    }
  });
});
