import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../plugins/rate-limits.ts';
import { bearer, buildOperator, buildStaff, buildUser, signIn, TEST_PASSWORD } from '../../test/factories.ts';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions.ts';

const login = (t: ReturnType<typeof useTestApp>, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

/** The parts of a problem answer that may differ between two requests. */
const withoutRequest = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('sign-in and sessions', () => {
  const t = useTestApp();

  it('signs in with email (any case) and password, by bearer token and by cookie', async () => {
    const operator = await buildOperator(t.database.db);
    const user = await buildStaff(t.database.db, operator, ['support', 'finance']);
    const response = await login(t, `  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    const { token } = response.json();
    expect(response.json().user).toEqual({ id: user.id, email: user.email, name: user.name, language: 'en' });
    expect(response.json().user).not.toHaveProperty('passwordHash');
    expect(response.headers['set-cookie']).toMatch(/keyfob_session=[^;]+;.*HttpOnly.*SameSite=Lax/i);

    const byBearer = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(byBearer.json()).toMatchObject({
      user: { id: user.id },
      staff: [{ organizationId: operator.id, organizationKind: 'operator', roles: ['support', 'finance'] }],
      accounts: [],
      vehicles: [],
    });
    expect(byBearer.json().permissions).toContain('staff.read');
    expect(byBearer.json().permissions).not.toContain('staff.invite');
    const byCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { keyfob_session: token },
    });
    expect(byCookie.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown email alike, in about the same time', async () => {
    const user = await buildUser(t.database.db);
    const wrong = await login(t, user.email, 'not the password at all');
    const unknown = await login(t, 'nobody-here@example.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(withoutRequest(wrong.json())).toEqual(withoutRequest(unknown.json()));
    expect(wrong.json().code).toBe('invalid_credentials');

    const time = async (email: string) => {
      const started = performance.now();
      await login(t, email, 'not the password at all');
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const known: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(user.email));
      unknownTimes.push(await time(`nobody-${i}@example.test`));
    }
    // Both run one argon2id verification; without the decoy the unknown email would be ~100x faster.
    const ratio = median(unknownTimes) / median(known);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('ends the session on logout', async () => {
    const user = await buildUser(t.database.db);
    const { token } = (await login(t, user.email, TEST_PASSWORD)).json();
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) });
    expect(out.statusCode).toBe(204);
    expect(out.headers['set-cookie']).toMatch(/keyfob_session=;/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('unauthenticated');
  });

  it('expires an idle session, and any session at its absolute limit', async () => {
    const start = t.clock.now();
    const user = await buildUser(t.database.db);
    const idle = await signIn(t.database.db, user, start);
    t.clock.set(new Date(start.getTime() + SESSION_IDLE_MS - 1000));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(idle) })).statusCode).toBe(
      200,
    );
    // That use slid the idle expiry forward; a full idle period after it, the session is gone.
    t.clock.set(new Date(start.getTime() + 2 * SESSION_IDLE_MS));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(idle) })).statusCode).toBe(
      401,
    );

    const busy = await signIn(t.database.db, user, start);
    for (let at = start.getTime(); at < start.getTime() + SESSION_ABSOLUTE_MS; at += SESSION_IDLE_MS / 2) {
      t.clock.set(new Date(at));
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(busy) })).statusCode,
      ).toBe(200);
    }
    t.clock.set(new Date(start.getTime() + SESSION_ABSOLUTE_MS));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(busy) })).statusCode).toBe(
      401,
    );
    t.clock.set(start);
  });

  it('refuses cookie-authenticated writes from another site', async () => {
    const user = await buildUser(t.database.db);
    const token = await signIn(t.database.db, user, t.clock.now());
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        cookies: { keyfob_session: token },
        headers: { host: 'keyfob.test', ...headers },
        payload: { language: 'da' },
      });
    expect((await patch({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await patch({})).statusCode).toBe(403);
    expect((await patch({ origin: 'http://keyfob.test' })).statusCode).toBe(200);
    expect((await patch({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    // A bearer token is never sent by a browser on its own, so it needs no Origin.
    const byBearer = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(token),
      payload: { name: 'Renamed' },
    });
    expect(byBearer.json()).toMatchObject({ name: 'Renamed', language: 'da' });
  });

  it('resets a password by mail: once, 24 hours, newest link only, and ends old sessions', async () => {
    const user = await buildUser(t.database.db);
    const oldSession = await signIn(t.database.db, user, t.clock.now());
    const request = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    expect((await request()).statusCode).toBe(202);
    const first = linkToken((await lastMailTo(t.database.db, user.email)).text, 'reset-password');
    await request();
    const second = linkToken((await lastMailTo(t.database.db, user.email)).text, 'reset-password');
    const firstNow = await t.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${first}` });
    expect(firstNow.json().code).toBe('link_revoked');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${second}` })).json(),
    ).toMatchObject({
      email: user.email,
    });

    const reset = (token: string, password: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/auth/password-reset/${token}`, payload: { password } });
    expect((await reset(second, 'password')).json().errors[0].field).toBe('password');
    const done = await reset(second, 'my brand new passphrase');
    expect(done.statusCode, done.body).toBe(200);
    expect((await reset(second, 'another new passphrase')).json().code).toBe('link_used');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(oldSession) })).statusCode,
    ).toBe(401);
    expect((await login(t, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(t, user.email, 'my brand new passphrase')).statusCode).toBe(200);
  });

  it('answers a reset request for an unknown email the same way, and mails nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'ghost@example.test' },
    });
    expect(response.statusCode).toBe(202);
    await expect(lastMailTo(t.database.db, 'ghost@example.test')).rejects.toThrow(/no mail/);
  });

  it('expires a reset link at 24 hours', async () => {
    const start = t.clock.now();
    const user = await buildUser(t.database.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
    });
    const token = linkToken((await lastMailTo(t.database.db, user.email)).text, 'reset-password');
    t.clock.set(new Date(start.getTime() + 24 * 60 * 60 * 1000));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${token}` })).json().code,
    ).toBe('link_expired');
    t.clock.set(start);
  });
});

describe('rate limits', () => {
  const t = useTestApp({ rateLimits: RATE_LIMITS });

  it('limits login attempts per email, whatever the address', async () => {
    const user = await buildUser(t.database.db);
    const answers = await Promise.all(
      Array.from({ length: RATE_LIMITS.loginPerEmail.max + 3 }, () =>
        login(t, user.email, 'wrong password here'),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(RATE_LIMITS.loginPerEmail.max);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    const limited = answers.find((answer) => answer.statusCode === 429);
    expect(limited?.json().code).toBe('rate_limited');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits now: the limit is on trying, not on failing.
    expect((await login(t, user.email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('limits login attempts per address across emails', async () => {
    const max = RATE_LIMITS.loginPerAddress.max;
    const answers = [];
    for (let i = 0; i < max + 1; i++) {
      answers.push(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '203.0.113.7',
          payload: { email: `spray-${i}@example.test`, password: 'wrong password here' },
        }),
      );
    }
    expect(answers.slice(0, max).every((answer) => answer.statusCode === 401)).toBe(true);
    expect(answers[max]?.statusCode).toBe(429);
  }, 60_000);

  it('limits resends per invitation and password-reset requests per email', async () => {
    const operator = await buildOperator(t.database.db);
    const admin = await buildStaff(t.database.db, operator, ['admin']);
    const token = await signIn(t.database.db, admin, t.clock.now());
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/system-users',
      headers: bearer(token),
      payload: { email: 'resend-limit@example.test', organizationId: operator.id, roles: ['support'] },
    });
    const { invitationId } = invited.json();
    const resends = await Promise.all(
      Array.from({ length: RATE_LIMITS.resendPerInvitation.max + 2 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/admin/invitations/${invitationId}/resend`,
          headers: bearer(token),
        }),
      ),
    );
    expect(resends.filter((answer) => answer.statusCode === 429)).toHaveLength(2);

    const resets = await Promise.all(
      Array.from({ length: RATE_LIMITS.passwordResetPerEmail.max + 1 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: admin.email } }),
      ),
    );
    expect(resets.filter((answer) => answer.statusCode === 429)).toHaveLength(1);
  });

  it('limits accepts per address', async () => {
    const max = RATE_LIMITS.acceptPerAddress.max;
    const answers = await Promise.all(
      Array.from({ length: max + 1 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${'B'.repeat(43)}/accept`,
          remoteAddress: '198.51.100.9',
          payload: {},
        }),
      ),
    );
    expect(answers.filter((answer) => answer.statusCode === 404)).toHaveLength(max);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(1);
  });
});
