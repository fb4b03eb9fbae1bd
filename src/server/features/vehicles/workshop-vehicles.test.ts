import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, invitations, vehicleMemberships } from '../../db/schema/index.ts';
import {
  bearer,
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  signIn,
  uniqueVin,
} from '../../test/factories.ts';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';

let counter = 0;
const newEmail = (prefix = 'owner') => `${prefix}-${counter++}@example.test`;

describe('workshop vehicles and the primary user', () => {
  const t = useTestApp();

  async function workshopWithStaff(
    roles: ('workshop_admin' | 'service_advisor' | 'technician')[] = ['service_advisor'],
  ) {
    const workshop = await buildOrganization(t.database.db, { name: `Nørre Auto ${counter++}` });
    const staff = await buildStaff(t.database.db, workshop, roles);
    return { workshop, staff, headers: bearer(await signIn(t.database.db, staff, t.clock.now())) };
  }
  const addVehicle = (wid: string, headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/workshops/${wid}/vehicles`, headers, payload });
  const details = (wid: string, vid: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/v1/workshops/${wid}/vehicles/${vid}`, headers });
  const invitePrimary = (wid: string, vid: string, headers: Record<string, string>, email: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workshops/${wid}/vehicles/${vid}/primary-user/invitation`,
      headers,
      payload: { email, name: 'Olga Owner' },
    });

  it('adds a vehicle with a device token shown once, and checks the VIN', async () => {
    const { workshop, headers } = await workshopWithStaff();
    const vin = uniqueVin();
    const created = await addVehicle(workshop.id, headers, {
      vin: vin.toLowerCase(),
      registrationNumber: 'ab 12 345',
      make: 'Volvo',
      model: 'XC40',
      year: 2023,
      fuelType: 'electric',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const shown = await details(workshop.id, created.json().id, headers);
    expect(shown.json()).toMatchObject({
      vin,
      registrationNumber: 'AB 12 345',
      primaryUser: null,
      sharing: { level: 'shared' },
    });
    expect(shown.body).not.toContain(created.json().deviceToken);

    const fieldsOf = async (payload: object) =>
      (await addVehicle(workshop.id, headers, payload)).json().errors?.map((e: { field: string }) => e.field);
    const ok = { vin: uniqueVin(), registrationNumber: 'CD 1', make: 'Kia', model: 'Niro' };
    expect(await fieldsOf({ ...ok, vin: 'WVWZZZ1JZ3W38614' })).toEqual(['vin']);
    expect(await fieldsOf({ ...ok, vin: 'WVWZZZ1JZ3W38614I' })).toEqual(['vin']);
    expect(await fieldsOf({ ...ok, vin: 'OVWZZZ1JZ3W386145' })).toEqual(['vin']);
    expect(await fieldsOf({ ...ok, year: 1800 })).toEqual(['year']);
    expect(await fieldsOf({ ...ok, fuelType: 'coal' })).toEqual(['fuelType']);
    const duplicate = await addVehicle(workshop.id, headers, { ...ok, vin });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('vin_taken');

    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workshops/${workshop.id}/vehicles/${created.json().id}/device-token`,
      headers,
    });
    expect(rotated.json().deviceToken).not.toBe(created.json().deviceToken);
  });

  it('lets technicians read but not add vehicles', async () => {
    const { workshop, headers } = await workshopWithStaff(['technician']);
    const denied = await addVehicle(workshop.id, headers, {
      vin: uniqueVin(),
      registrationNumber: 'X 1',
      make: 'A',
      model: 'B',
    });
    expect(denied.statusCode).toBe(403);
    const { vehicle } = await buildVehicle(t.database.db, { workshop });
    expect((await details(workshop.id, vehicle.id, headers)).statusCode).toBe(200);
    const invite = await invitePrimary(workshop.id, vehicle.id, headers, newEmail());
    expect(invite.statusCode).toBe(403);
  });

  it('invites the primary user once; after acceptance the details show them', async () => {
    const { workshop, headers } = await workshopWithStaff();
    const { vehicle } = await buildVehicle(t.database.db, { workshop });
    const email = newEmail();
    const invited = await invitePrimary(workshop.id, vehicle.id, headers, email);
    expect(invited.statusCode, invited.body).toBe(201);
    const second = await invitePrimary(workshop.id, vehicle.id, headers, newEmail());
    expect(second.json().code).toBe('primary_user_exists');
    const pending = (await details(workshop.id, vehicle.id, headers)).json();
    expect(pending.pendingPrimaryInvitation).toMatchObject({ email, invitationStatus: 'pending' });

    const mail = await lastMailTo(t.database.db, email);
    expect(mail.text).toContain(
      `the Volvo XC40 (${vehicle.registrationNumber}) at ${workshop.name} as its primary user`,
    );
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${linkToken(mail.text, 'activate')}/accept`,
      payload: { name: 'Olga Owner', password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const shown = (await details(workshop.id, vehicle.id, headers)).json();
    expect(shown.primaryUser).toMatchObject({
      name: 'Olga Owner',
      email,
      since: t.clock.now().toISOString(),
    });
    expect(shown.pendingPrimaryInvitation).toBeNull();
    const again = await invitePrimary(workshop.id, vehicle.id, headers, newEmail());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('primary_user_exists');
  });

  it('resends and revokes the pending primary invitation', async () => {
    const { workshop, headers } = await workshopWithStaff(['workshop_admin']);
    const { vehicle } = await buildVehicle(t.database.db, { workshop });
    const { invitationId } = (await invitePrimary(workshop.id, vehicle.id, headers, newEmail())).json();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/admin/invitations/${invitationId}/resend`,
          headers,
        })
      ).statusCode,
    ).toBe(200);
    const other = await workshopWithStaff(['workshop_admin']);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/admin/invitations/${invitationId}`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/invitations/${invitationId}`, headers }))
        .statusCode,
    ).toBe(204);
    expect((await invitePrimary(workshop.id, vehicle.id, headers, newEmail())).statusCode).toBe(201);
  });

  it('removes the primary and five secondary users only when confirmed, and tells each of them', async () => {
    const { workshop, headers } = await workshopWithStaff();
    const primary = await buildUser(t.database.db, { name: 'Peter Primary' });
    const secondaries = await Promise.all(
      Array.from({ length: 5 }, (_, i) => buildUser(t.database.db, { name: `Sam Secondary ${i}` })),
    );
    const { vehicle } = await buildVehicle(t.database.db, { workshop, primary, secondaries });
    await t.database.db.insert(invitations).values({
      kind: 'vehicle_secondary',
      email: 'pending-secondary@example.test',
      scope: `vehicle:${vehicle.id}:secondary`,
      grant: { vehicleId: vehicle.id },
      language: 'en',
      expiresAt: new Date(t.clock.now().getTime() + 1000),
      createdAt: t.clock.now(),
    });
    const url = `/api/v1/workshops/${workshop.id}/vehicles/${vehicle.id}/primary-user`;

    const warning = await t.app.inject({ method: 'DELETE', url, headers });
    expect(warning.statusCode).toBe(409);
    expect(warning.json().code).toBe('confirmation_required');
    expect(
      warning.json().affectedUsers.map((u: { name: string; role: string }) => `${u.role} ${u.name}`),
    ).toEqual(['primary Peter Primary', ...secondaries.map((s) => `secondary ${s.name}`)]);
    expect(await memberCount(vehicle.id)).toBe(6);

    const removed = await t.app.inject({ method: 'DELETE', url: `${url}?confirm=true`, headers });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().removedUsers).toHaveLength(6);
    expect(await memberCount(vehicle.id)).toBe(0);
    const [pending] = await t.database.db
      .execute<{ count: number }>(
        sql`select count(*)::int as count from ${invitations} where scope like ${`vehicle:${vehicle.id}:%`} and status = 'pending'`,
      )
      .then((r) => (r as unknown as { rows: { count: number }[] }).rows);
    expect(pending?.count).toBe(0);
    for (const user of [primary, ...secondaries]) {
      expect((await lastMailTo(t.database.db, user.email)).subject).toBe(
        'Your access to a car in keyfob has ended',
      );
    }
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.subjectId} = ${vehicle.id}`);
    expect(audit.map((event) => event.action)).toContain('vehicle.primary_removed');
    expect((await details(workshop.id, vehicle.id, headers)).json()).toMatchObject({
      primaryUser: null,
      secondaryUserCount: 0,
    });
  });

  async function memberCount(vehicleId: string) {
    const rows = await t.database.db
      .select()
      .from(vehicleMemberships)
      .where(sql`${vehicleMemberships.vehicleId} = ${vehicleId}`);
    return rows.length;
  }

  it('leaves everything as it was when the removal fails half-way', async () => {
    const { workshop, headers } = await workshopWithStaff();
    const primary = await buildUser(t.database.db);
    const doomed = await buildUser(t.database.db, { email: 'mail-breaks-here@example.test' });
    const { vehicle } = await buildVehicle(t.database.db, { workshop, primary, secondaries: [doomed] });
    // A real failure inside the transaction: the database refuses the second person's mail.
    await t.database.db.execute(
      sql.raw(`create function refuse_this_mail() returns trigger language plpgsql as $$
        begin
          if new."to" = 'mail-breaks-here@example.test' then raise exception 'forced failure'; end if;
          return new;
        end $$`),
    );
    await t.database.db.execute(
      sql.raw(
        'create trigger refuse_this_mail before insert on mail_outbox for each row execute function refuse_this_mail()',
      ),
    );
    try {
      const failed = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/workshops/${workshop.id}/vehicles/${vehicle.id}/primary-user?confirm=true`,
        headers,
      });
      expect(failed.statusCode).toBe(500);
      expect(failed.json().code).toBe('internal_error');
      expect(failed.body).not.toContain('forced failure');
      expect(await memberCount(vehicle.id)).toBe(2);
      await expect(lastMailTo(t.database.db, primary.email)).rejects.toThrow(/no mail/);
    } finally {
      await t.database.db.execute(sql.raw('drop trigger refuse_this_mail on mail_outbox'));
      await t.database.db.execute(sql.raw('drop function refuse_this_mail()'));
    }
  });

  it("answers 404 on every vehicle route for another workshop's vehicle", async () => {
    const mine = await workshopWithStaff(['workshop_admin']);
    const theirs = await workshopWithStaff(['workshop_admin']);
    const { vehicle } = await buildVehicle(t.database.db, {
      workshop: theirs.workshop,
      primary: await buildUser(t.database.db),
    });
    const routes = [
      ['GET', `/api/v1/workshops/${theirs.workshop.id}/vehicles/${vehicle.id}`],
      ['GET', `/api/v1/workshops/${mine.workshop.id}/vehicles/${vehicle.id}`],
      ['GET', `/api/v1/workshops/${theirs.workshop.id}/vehicles`],
      ['POST', `/api/v1/workshops/${theirs.workshop.id}/vehicles/${vehicle.id}/device-token`],
      ['POST', `/api/v1/workshops/${mine.workshop.id}/vehicles/${vehicle.id}/device-token`],
      ['POST', `/api/v1/workshops/${theirs.workshop.id}/vehicles/${vehicle.id}/primary-user/invitation`],
      ['DELETE', `/api/v1/workshops/${theirs.workshop.id}/vehicles/${vehicle.id}/primary-user?confirm=true`],
      ['DELETE', `/api/v1/workshops/${mine.workshop.id}/vehicles/${vehicle.id}/primary-user?confirm=true`],
      ['POST', `/api/v1/workshops/${theirs.workshop.id}/vehicles`],
    ] as const;
    for (const [method, url] of routes) {
      const payload = url.endsWith('/invitation')
        ? { email: newEmail() }
        : url.endsWith('/vehicles') && method === 'POST'
          ? { vin: uniqueVin(), registrationNumber: 'ZZ 1', make: 'A', model: 'B' }
          : undefined;
      const response = await t.app.inject({
        method,
        url,
        headers: mine.headers,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await memberCount(vehicle.id)).toBe(1);
  });

  it('lists vehicles by plate, VIN or primary user name', async () => {
    const { workshop, headers } = await workshopWithStaff();
    const owner = await buildUser(t.database.db, { name: 'Zelda Zorn' });
    const { vehicle } = await buildVehicle(t.database.db, { workshop, primary: owner });
    await buildVehicle(t.database.db, { workshop });
    const list = (q: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/workshops/${workshop.id}/vehicles?q=${encodeURIComponent(q)}`,
        headers,
      });
    expect((await list('')).json().items).toHaveLength(2);
    expect((await list('zel')).json().items).toEqual([
      expect.objectContaining({
        id: vehicle.id,
        primaryUser: { id: owner.id, name: 'Zelda Zorn' },
        userCount: 1,
      }),
    ]);
    expect((await list(vehicle.vin.slice(0, 10))).json().items.map((v: { id: string }) => v.id)).toContain(
      vehicle.id,
    );
    expect(
      (await list(vehicle.registrationNumber.toLowerCase())).json().items.map((v: { id: string }) => v.id),
    ).toEqual([vehicle.id]);
  });
});
