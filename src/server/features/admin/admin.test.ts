import { describe, expect, it } from 'vitest';
import { bearer, buildOrganization, buildStaff, signIn, TEST_PASSWORD } from '../../test/factories.ts';
import { operatorStaff } from '../../test/people.ts';
import { useTestApp } from '../../test/server.ts';

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;

describe('system users and workshops', () => {
  const t = useTestApp();
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  it('lists system users with their state: pending, expired, active and deactivated', async () => {
    const { headers, operator } = await operatorStaff(t, ['admin']);
    const prefix = `state-${counter++}`;
    const invite = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/system-users',
        headers,
        payload: { email, organizationId: operator.id, roles: ['support', 'finance'] },
      });
    await invite(`${prefix}-a-expired@example.test`);
    t.clock.advance(DAY);
    await invite(`${prefix}-b-pending@example.test`);
    await buildStaff(t.database.db, operator, ['support'], {
      email: `${prefix}-c-active@example.test`,
      name: 'Cat Active',
    });
    await buildStaff(t.database.db, operator, ['finance'], {
      email: `${prefix}-d-gone@example.test`,
      status: 'deactivated',
    });

    const list = await get(`/api/v1/admin/system-users?q=${prefix}`, headers);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((item: { email: string; invitationStatus: string }) => [
          item.email.split('-')[2],
          item.invitationStatus,
        ]),
    ).toEqual([
      ['a', 'expired'],
      ['b', 'pending'],
      ['c', 'active'],
      ['d', 'deactivated'],
    ]);
    expect(list.json().items[1]).toMatchObject({
      roles: ['support', 'finance'],
      organization: { id: operator.id, kind: 'operator' },
      invitationId: expect.any(String),
      userId: null,
    });
    const byName = await get('/api/v1/admin/system-users?q=cat act', headers);
    expect(byName.json().items.map((item: { name: string }) => item.name)).toEqual(['Cat Active']);
  });

  it("shows a workshop admin only their own workshop's staff", async () => {
    const mine = await buildOrganization(t.database.db);
    const theirs = await buildOrganization(t.database.db);
    const boss = await buildStaff(t.database.db, mine, ['workshop_admin']);
    const colleague = await buildStaff(t.database.db, mine, ['technician']);
    const stranger = await buildStaff(t.database.db, theirs, ['technician']);
    const headers = bearer(await signIn(t.database.db, boss));
    const emails = (await get('/api/v1/admin/system-users', headers))
      .json()
      .items.map((item: { email: string }) => item.email);
    expect(emails).toEqual(expect.arrayContaining([boss.email, colleague.email]));
    expect(emails).not.toContain(stranger.email);
    const technician = bearer(await signIn(t.database.db, colleague));
    expect((await get('/api/v1/admin/system-users', technician)).statusCode).toBe(403);
  });

  it('changes roles within the organisation kind, and only where the actor manages staff', async () => {
    const workshop = await buildOrganization(t.database.db);
    const boss = await buildStaff(t.database.db, workshop, ['workshop_admin']);
    const tech = await buildStaff(t.database.db, workshop, ['technician']);
    const headers = bearer(await signIn(t.database.db, boss));
    const put = (roles: string[], organizationId = workshop.id, h = headers) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/admin/system-users/${tech.id}/roles`,
        headers: h,
        payload: { organizationId, roles },
      });
    const changed = await put(['technician', 'service_advisor']);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().roles).toEqual(['technician', 'service_advisor']);
    expect((await put(['finance'])).statusCode).toBe(400);
    expect((await put([])).statusCode).toBe(400);
    const other = await buildOrganization(t.database.db);
    expect((await put(['technician'], other.id)).statusCode).toBe(403);
    const techToken = await signIn(t.database.db, tech);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(techToken) });
    expect(me.json().staff[0].roles).toEqual(['technician', 'service_advisor']);
  });

  it('deactivating ends every session and stops sign-in', async () => {
    const { headers, operator } = await operatorStaff(t, ['admin']);
    const victim = await buildStaff(t.database.db, operator, ['support']);
    const session = await signIn(t.database.db, victim, t.clock.now());
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/system-users/${victim.id}/deactivate`,
      headers,
    });
    expect(off.statusCode, off.body).toBe(204);
    expect((await get('/api/v1/me', bearer(session))).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: victim.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe('invalid_credentials');

    const support = await operatorStaff(t, ['support']);
    const target = await buildStaff(t.database.db, operator, ['finance']);
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/system-users/${target.id}/deactivate`,
      headers: support.headers,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('creates, lists and edits workshops (operator admins only)', async () => {
    const { headers } = await operatorStaff(t, ['admin']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/workshops',
      headers,
      payload: { name: 'Vestergade Auto', address: 'Vestergade 3, Aarhus', phone: '+45 12 34 56 78' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: expect.any(String), timeZone: 'Europe/Copenhagen' });
    const { id } = created.json();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/workshops/${id}`,
      headers,
      payload: { timeZone: 'Europe/Oslo' },
    });
    expect(edited.json()).toMatchObject({ name: 'Vestergade Auto', timeZone: 'Europe/Oslo' });
    const badZone = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/workshops/${id}`,
      headers,
      payload: { timeZone: 'Mars/Olympus' },
    });
    expect(badZone.json().errors[0].field).toBe('timeZone');
    const listed = await get('/api/v1/admin/workshops?q=vester', headers);
    expect(listed.json().items.map((w: { id: string }) => w.id)).toEqual([id]);

    const manager = await operatorStaff(t, ['customer_manager']);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/admin/workshops',
          headers: manager.headers,
          payload: { name: 'No' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await get('/api/v1/admin/workshops', manager.headers)).statusCode).toBe(200);
  });
});
