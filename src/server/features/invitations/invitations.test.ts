import { describe, expect, it } from 'vitest';
import {
  bearer,
  buildOperator,
  buildOrganization,
  buildStaff,
  buildUser,
  signIn,
} from '../../test/factories.ts';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;
const newEmail = () => `invitee-${Date.now()}-${counter++}@example.test`;

describe('the invitation engine (system users)', () => {
  const t = useTestApp();

  async function operatorAdmin() {
    const operator = await buildOperator(t.database.db);
    const admin = await buildStaff(t.database.db, operator, ['admin'], { name: 'Ada Admin' });
    return { operator, admin, token: await signIn(t.database.db, admin, t.clock.now()) };
  }

  async function invite(email = newEmail(), roles = ['support']) {
    const { operator, token } = await operatorAdmin();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/system-users',
      headers: bearer(token),
      payload: { email, organizationId: operator.id, roles },
    });

    expect(response.statusCode, response.body).toBe(201);
    const mail = await lastMailTo(t.database.db, email.trim().toLowerCase());
    return {
      email: email.trim().toLowerCase(),
      invitationId: response.json().invitationId as string,
      adminToken: token,
      link: linkToken(mail.text, 'activate'),
      mail,
      operator,
    };
  }

  const accept = (link: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/invitations/${link}/accept`, payload, headers });

  it('mails an activation link that says who invited whom to what, and when it expires', async () => {
    const { mail, email } = await invite('  New.Person@Example.TEST ');
    expect(mail.to).toBe('new.person@example.test');
    expect(mail.subject).toBe('Ada Admin invited you to keyfob');
    expect(mail.text).toContain('join keyfob operator as Support');
    expect(mail.text).toContain('http://keyfob.test/activate/');
    expect(mail.html).toContain('href="http://keyfob.test/activate/');
    expect(mail.text).toMatch(/until \d+ \w+ 2026/);
    expect(email).toBe('new.person@example.test');
  });

  it('shows an invitation without using it up, then accepts it as a new person', async () => {
    const { link, email } = await invite();
    for (let i = 0; i < 3; i++) {
      const view = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` });
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({
        kind: 'system_user',
        email,
        existingUser: false,
        needsCompanyDetails: false,
        invitedBy: { name: 'Ada Admin' },
        description: { en: 'join keyfob operator as Support', da: 'keyfob operator som Support' },
      });
    }
    const accepted = await accept(link, { name: 'Nina New', password: 'a long enough passphrase' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, name: 'Nina New' });
    expect(accepted.headers['set-cookie']).toMatch(/keyfob_session=.*HttpOnly/i);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(accepted.json().token),
    });
    expect(me.json().staff).toEqual([
      expect.objectContaining({ organizationKind: 'operator', roles: ['support'] }),
    ]);
    const again = await accept(link, { name: 'Nina New', password: 'a long enough passphrase' });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('invitation_used');
  });

  it('asks a new person for a name and a password that is long and not common', async () => {
    const { link } = await invite();
    const missing = await accept(link, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { code: string }) => e.code)).toEqual(['required', 'required']);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['name', 'password']);
    const short = await accept(link, { name: 'N', password: 'short' });
    expect(short.json().errors).toEqual([
      expect.objectContaining({ field: 'password', message: expect.stringMatching(/12/) }),
    ]);
    const common = await accept(link, { name: 'N', password: '1QAZ2wsx3edc' });
    expect(common.json().errors).toEqual([
      expect.objectContaining({ field: 'password', message: expect.stringMatching(/common/) }),
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` })).statusCode).toBe(200);
  });

  it('expires a link at 24 hours, to the millisecond', async () => {
    const start = t.clock.now();
    const { link } = await invite();
    t.clock.set(new Date(start.getTime() + DAY - 1));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` })).statusCode).toBe(200);
    t.clock.set(new Date(start.getTime() + DAY));
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` });
    expect(view.statusCode).toBe(410);
    expect(view.json()).toMatchObject({ code: 'invitation_expired', invitedBy: { name: 'Ada Admin' } });
    const accepted = await accept(link, { name: 'Late', password: 'a long enough passphrase' });
    expect(accepted.json().code).toBe('invitation_expired');
    t.clock.set(start);
  });

  it('gives exactly one success to 50 simultaneous accepts of one link', async () => {
    const { link } = await invite();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        accept(link, { name: `Racer ${i}`, password: 'a long enough passphrase' }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    const losers = answers.filter((answer) => answer.statusCode !== 200);
    expect(losers).toHaveLength(49);
    expect(new Set(losers.map((answer) => `${answer.statusCode} ${answer.json().code}`))).toEqual(
      new Set(['410 invitation_used']),
    );
  }, 120_000);

  it('resend makes a new link and kills the old one at once', async () => {
    const { link: oldLink, invitationId, adminToken, email } = await invite();
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invitations/${invitationId}/resend`,
      headers: bearer(adminToken),
    });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(new Date(resent.json().expiresAt).getTime()).toBe(t.clock.now().getTime() + DAY);
    const old = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${oldLink}` });
    expect(old.statusCode).toBe(410);
    expect(old.json().code).toBe('invitation_revoked');
    const newLink = linkToken((await lastMailTo(t.database.db, email)).text, 'activate');
    expect(newLink).not.toBe(oldLink);
    expect((await accept(oldLink, { name: 'Old', password: 'a long enough passphrase' })).json().code).toBe(
      'invitation_revoked',
    );
    expect((await accept(newLink, { name: 'New', password: 'a long enough passphrase' })).statusCode).toBe(
      200,
    );
  });

  it('revokes a pending invitation; its link answers invitation_revoked', async () => {
    const { link, invitationId, adminToken } = await invite();
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/invitations/${invitationId}`,
      headers: bearer(adminToken),
    });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` })).json().code).toBe(
      'invitation_revoked',
    );
    const twice = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/invitations/${invitationId}`,
      headers: bearer(adminToken),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invitation_not_pending');
  });

  it('lets an existing person accept only while signed in as that email', async () => {
    const workshop = await buildOrganization(t.database.db);
    const existing = await buildStaff(t.database.db, workshop, ['technician']);
    const other = await buildUser(t.database.db);
    const { link } = await invite(existing.email);
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` });
    expect(view.json().existingUser).toBe(true);

    const anonymous = await accept(link, { name: 'Ignored', password: 'a long enough passphrase' });
    expect(anonymous.statusCode).toBe(409);
    expect(anonymous.json().code).toBe('login_required');
    const asOther = await accept(link, {}, bearer(await signIn(t.database.db, other)));
    expect(asOther.json().code).toBe('login_required');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` })).statusCode).toBe(200);

    const ownToken = await signIn(t.database.db, existing, t.clock.now());
    const accepted = await accept(link, {}, bearer(ownToken));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().token).toBe(ownToken);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(ownToken) });
    expect(
      me
        .json()
        .staff.map((m: { organizationKind: string }) => m.organizationKind)
        .sort(),
    ).toEqual(['operator', 'workshop']);
  });

  it('refuses a new invitee while signed in as someone else, and the invitation stays pending', async () => {
    const { link } = await invite();
    const someone = await buildUser(t.database.db);
    const answer = await accept(
      link,
      { name: 'X', password: 'a long enough passphrase' },
      bearer(await signIn(t.database.db, someone)),
    );
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('email_mismatch');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` })).statusCode).toBe(200);
  });

  it('refuses a second pending invitation and a member, even when sent at the same moment', async () => {
    const { operator, token } = await operatorAdmin();
    const email = newEmail();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/admin/system-users',
          headers: bearer(token),
          payload: { email, organizationId: operator.id, roles: ['finance'] },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe('already_invited');

    const member = await buildStaff(t.database.db, operator, ['support']);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/system-users',
      headers: bearer(token),
      payload: { email: member.email.toUpperCase(), organizationId: operator.id, roles: ['finance'] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_a_member');
  });

  it('names the field of bad input', async () => {
    const { operator, token } = await operatorAdmin();
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/admin/system-users', headers: bearer(token), payload });
    const fields = async (payload: object) => {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      return response.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await fields({ email: 'not-an-email', organizationId: operator.id, roles: ['support'] })).toEqual([
      'email',
    ]);
    expect(await fields({ email: newEmail(), organizationId: operator.id, roles: [] })).toEqual(['roles']);
    expect(await fields({ email: newEmail(), organizationId: operator.id, roles: ['pilot'] })).toEqual([
      'roles.0',
    ]);
    expect(await fields({ email: newEmail(), organizationId: operator.id, roles: ['technician'] })).toEqual([
      'roles',
    ]);
    expect(await fields({ email: newEmail(), organizationId: 'nope', roles: ['support'] })).toEqual([
      'organizationId',
    ]);
    expect(
      await fields({ email: newEmail(), organizationId: crypto.randomUUID(), roles: ['support'] }),
    ).toEqual(['organizationId']);
  });

  it("lets a workshop admin invite to their own workshop only, and hides other workshops' invitations", async () => {
    const mine = await buildOrganization(t.database.db);
    const theirs = await buildOrganization(t.database.db);
    const boss = await buildStaff(t.database.db, mine, ['workshop_admin']);
    const token = await signIn(t.database.db, boss);
    const post = (organizationId: string, roles: string[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/system-users',
        headers: bearer(token),
        payload: { email: newEmail(), organizationId, roles },
      });
    expect((await post(mine.id, ['technician', 'service_advisor'])).statusCode).toBe(201);
    expect((await post(theirs.id, ['technician'])).statusCode).toBe(403);
    expect((await post(mine.id, ['admin'])).statusCode).toBe(400);

    const { invitationId } = await invite();
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invitations/${invitationId}/resend`,
      headers: bearer(token),
    });
    expect(resend.statusCode).toBe(404);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/invitations/${invitationId}`,
      headers: bearer(token),
    });
    expect(revoke.statusCode).toBe(404);

    const technician = await buildStaff(t.database.db, mine, ['technician']);
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/system-users',
      headers: bearer(await signIn(t.database.db, technician)),
      payload: { email: newEmail(), organizationId: mine.id, roles: ['technician'] },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('writes every invitation event to the audit log', async () => {
    const { invitationId, adminToken, email } = await invite();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invitations/${invitationId}/resend`,
      headers: bearer(adminToken),
    });
    const link = linkToken((await lastMailTo(t.database.db, email)).text, 'activate');
    await accept(link, { name: 'Audited', password: 'a long enough passphrase' });
    const { auditEvents } = await import('../../db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, invitationId));
    expect(events.map((event) => event.action).sort()).toEqual([
      'invitation.accepted',
      'invitation.created',
      'invitation.resent',
    ]);
  });
});
