import { describe, expect, it } from 'vitest';
import { bearer, buildStaff, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';

let counter = 0;
const newEmail = (prefix = 'friend') => `${prefix}-${counter++}@example.test`;

describe('secondary users and data sharing', () => {
  const t = useTestApp();

  async function household(secondaryCount = 0) {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const secondaries = await Promise.all(
      Array.from({ length: secondaryCount }, (_, i) => buildUser(t.database.db, { name: `Sigurd ${i}` })),
    );
    const { vehicle, workshop } = await buildVehicle(t.database.db, { primary, secondaries });
    const as = async (user: { id: string }) => bearer(await signIn(t.database.db, user, t.clock.now()));
    return { vehicle, workshop, primary, secondaries, primaryHeaders: await as(primary), as };
  }
  const invite = (vid: string, headers: Record<string, string>, email = newEmail(), extra: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/${vid}/invitations`,
      headers,
      payload: { email, ...extra },
    });

  it('lets the primary invite; the friend registers from the mail and sees the vehicle and its users', async () => {
    const { vehicle, primaryHeaders, primary } = await household();
    const email = newEmail();
    const invited = await invite(vehicle.id, primaryHeaders, email, { sharingLevel: 'limited' });
    expect(invited.statusCode, invited.body).toBe(201);
    const mail = await lastMailTo(t.database.db, email);
    expect(mail.subject).toBe('Pia Primary invited you to keyfob');
    expect(mail.text).toContain('as a secondary user, with limited location');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${linkToken(mail.text, 'activate')}/accept`,
      payload: { name: 'Frida Friend', password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const friend = bearer(accepted.json().token);

    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/v1/vehicles/${vehicle.id}`,
      headers: friend,
    });
    expect(seen.json()).toMatchObject({ myRole: 'secondary', sharing: { level: 'limited', isChosen: true } });
    const users = (
      await t.app.inject({ method: 'GET', url: `/api/v1/vehicles/${vehicle.id}/users`, headers: friend })
    ).json();
    expect(users.items.map((u: { name: string; role: string }) => `${u.role} ${u.name}`)).toEqual([
      'primary Pia Primary',
      'secondary Frida Friend',
    ]);
    // Emails of other users are the primary's alone; the field is absent, not empty.
    expect(users.items.every((u: object) => !('email' in u))).toBe(true);
    expect(users).not.toHaveProperty('pendingInvitations');
    const forPrimary = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/vehicles/${vehicle.id}/users`,
        headers: primaryHeaders,
      })
    ).json();
    expect(forPrimary.items.map((u: { email: string }) => u.email)).toEqual([primary.email, email]);
    expect(forPrimary.pendingInvitations).toEqual([]);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: friend });
    expect(me.json().vehicles).toEqual([
      {
        vehicleId: vehicle.id,
        role: 'secondary',
        registrationNumber: vehicle.registrationNumber,
        make: vehicle.make,
        model: vehicle.model,
      },
    ]);
  });

  it('refuses the sixth secondary user, pending invitations included', async () => {
    const { vehicle, primaryHeaders } = await household(3);
    expect((await invite(vehicle.id, primaryHeaders)).statusCode).toBe(201);
    expect((await invite(vehicle.id, primaryHeaders)).statusCode).toBe(201);
    const sixth = await invite(vehicle.id, primaryHeaders);
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().code).toBe('secondary_user_limit');
  });

  it('holds the limit under 20 simultaneous invitations', async () => {
    const { vehicle, primaryHeaders } = await household();
    for (let i = 0; i < 4; i++) expect((await invite(vehicle.id, primaryHeaders)).statusCode).toBe(201);
    const answers = await Promise.all(Array.from({ length: 20 }, () => invite(vehicle.id, primaryHeaders)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(new Set(answers.filter((a) => a.statusCode !== 201).map((a) => a.json().code))).toEqual(
      new Set(['secondary_user_limit']),
    );
    const users = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/vehicles/${vehicle.id}/users`,
        headers: primaryHeaders,
      })
    ).json();
    expect(users.pendingInvitations).toHaveLength(5);
  }, 60_000);

  it('refuses duplicates: already invited, already a user', async () => {
    const { vehicle, primaryHeaders, secondaries } = await household(1);
    const email = newEmail();
    expect((await invite(vehicle.id, primaryHeaders, email)).statusCode).toBe(201);
    expect((await invite(vehicle.id, primaryHeaders, email.toUpperCase())).json().code).toBe(
      'already_invited',
    );
    expect((await invite(vehicle.id, primaryHeaders, secondaries[0]?.email)).json().code).toBe(
      'already_a_user',
    );
  });

  it('keeps inviting, removing and sharing to the primary', async () => {
    const { vehicle, secondaries, as } = await household(2);
    const [first, second] = secondaries;
    if (!first || !second) throw new Error('two secondaries expected');
    const secondary = await as(first);
    expect((await invite(vehicle.id, secondary)).statusCode).toBe(403);
    const removeOther = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/vehicles/${vehicle.id}/users/${second.id}`,
      headers: secondary,
    });
    expect(removeOther.statusCode).toBe(403);
    const removeSelf = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/vehicles/${vehicle.id}/users/${first.id}`,
      headers: secondary,
    });
    expect(removeSelf.statusCode).toBe(403);
    expect(removeSelf.json().code).toBe('ask_the_primary');
    const level = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/vehicles/${vehicle.id}/sharing`,
      headers: secondary,
      payload: { level: 'limited' },
    });
    expect(level.statusCode).toBe(403);
  });

  it('cuts a removed user off at their very next request', async () => {
    const { vehicle, primaryHeaders, secondaries, as } = await household(1);
    const [friend] = secondaries;
    if (!friend) throw new Error('a secondary expected');
    const headers = await as(friend);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/vehicles/${vehicle.id}`, headers })).statusCode,
    ).toBe(200);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/vehicles/${vehicle.id}/users/${friend.id}`,
      headers: primaryHeaders,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/vehicles/${vehicle.id}`, headers })).statusCode,
    ).toBe(404);
  });

  it('hides the live position from everyone, the primary included, under limited sharing', async () => {
    const { vehicle, primaryHeaders } = await household();
    const shared = await t.app.inject({
      method: 'GET',
      url: `/api/v1/vehicles/${vehicle.id}`,
      headers: primaryHeaders,
    });
    expect(shared.json().status).not.toHaveProperty('positionHidden');
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/vehicles/${vehicle.id}/sharing`,
      headers: primaryHeaders,
      payload: { level: 'limited' },
    });
    expect(changed.json()).toEqual({ level: 'limited' });
    const limited = await t.app.inject({
      method: 'GET',
      url: `/api/v1/vehicles/${vehicle.id}`,
      headers: primaryHeaders,
    });
    expect(limited.json().status).toEqual({ positionHidden: 'limited_sharing' });
  });

  it('lets the primary revoke and resend invitations; the workshop cannot invite secondary users', async () => {
    const { vehicle, workshop, primaryHeaders } = await household();
    const { invitationId } = (await invite(vehicle.id, primaryHeaders)).json();
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/${vehicle.id}/invitations/${invitationId}/resend`,
      headers: primaryHeaders,
    });
    expect(resent.statusCode).toBe(200);
    const viaAdmin = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invitations/${invitationId}/resend`,
      headers: primaryHeaders,
    });
    expect(viaAdmin.statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/vehicles/${vehicle.id}/invitations/${invitationId}`,
      headers: primaryHeaders,
    });
    expect(revoked.statusCode).toBe(204);

    const advisor = await buildStaff(t.database.db, workshop, ['workshop_admin']);
    const staffHeaders = bearer(await signIn(t.database.db, advisor));
    expect((await invite(vehicle.id, staffHeaders)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/vehicles/${vehicle.id}`, headers: staffHeaders }))
        .statusCode,
    ).toBe(404);
  });
});
