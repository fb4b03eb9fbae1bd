import { describe, expect, it } from 'vitest';
import {
  bearer,
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  signIn,
} from '../../test/factories.ts';
import { mailsTo } from '../../test/mail.ts';
import { operatorStaff } from '../../test/people.ts';
import { useTestApp } from '../../test/server.ts';

describe('maintenance notices', () => {
  const t = useTestApp();

  async function workshopCar() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend', language: 'da' });
    const workshop = await buildOrganization(t.database.db);
    const built = {
      ...(await buildVehicle(t.database.db, { workshop, primary, secondaries: [friend] })),
      workshop,
    };
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    const staffHeaders = async (roles: Parameters<typeof buildStaff>[2], name = 'Tom Technician') =>
      headersOf(await buildStaff(t.database.db, built.workshop, roles, { name }));
    const path = `/api/v1/workshops/${built.workshop.id}/vehicles/${built.vehicle.id}/maintenance-notices`;
    return { ...built, primary, friend, headersOf, staffHeaders, path };
  }
  const send = (path: string, headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'POST', url: path, headers, payload: payload as object });
  const notices = async (headers: Record<string, string>) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers })).json().items;

  it('tells every user of the car, in the app and by mail, and keeps the notice for the workshop', async () => {
    const { vehicle, workshop, primary, friend, headersOf, staffHeaders, path } = await workshopCar();
    const technician = await staffHeaders(['technician']);
    const sent = await send(path, technician, {
      dueDate: '2026-04-15',
      dueMileageKm: 30_000,
      note: ' Oil and filters ',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ id: expect.any(String), recipients: 2 });

    for (const person of [primary, friend]) {
      const [notice] = await notices(await headersOf(person));
      expect(notice).toMatchObject({
        kind: 'maintenance_due',
        vehicle: { id: vehicle.id, registrationNumber: vehicle.registrationNumber },
        data: {
          dueDate: '2026-04-15',
          dueMileageKm: 30_000,
          note: 'Oil and filters',
          workshop: { id: workshop.id, name: workshop.name },
          sentBy: { name: 'Tom Technician' },
        },
        readAt: null,
      });
    }
    const [english] = (await mailsTo(t.database.db, primary.email)).filter(
      (m) => m.topic === 'notice:maintenance_due',
    );
    expect(english?.subject).toBe(`Service due for ${vehicle.registrationNumber} (Volvo XC40)`);
    expect(english?.text).toContain('Due by 15 April 2026.');
    expect(english?.text).toContain('Due at 30,000 km.');
    expect(english?.text).toContain('Note from the workshop: Oil and filters');
    const [danish] = (await mailsTo(t.database.db, friend.email)).filter(
      (m) => m.topic === 'notice:maintenance_due',
    );
    expect(danish?.text).toContain('Senest 15. april 2026.');
    expect(danish?.text).toContain('Ved 30.000 km.');

    const listed = await t.app.inject({
      method: 'GET',
      url: path,
      headers: await staffHeaders(['service_advisor']),
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({
      items: [
        {
          id: sent.json().id,
          dueDate: '2026-04-15',
          dueMileageKm: 30_000,
          note: 'Oil and filters',
          sentAt: t.clock.now().toISOString(),
          sentBy: { id: expect.any(String), name: 'Tom Technician' },
          recipients: 2,
        },
      ],
      nextCursor: null,
    });
  });

  it('needs a due date or a due mileage, and answers bad input with 400', async () => {
    const { staffHeaders, path } = await workshopCar();
    const headers = await staffHeaders(['workshop_admin']);
    for (const payload of [
      {},
      { note: 'just a note' },
      { dueDate: '15-04-2026' },
      { dueDate: '2026-02-30' },
      { dueMileageKm: -1 },
      { dueMileageKm: 12.5 },
      { dueMileageKm: '30000' },
      { dueDate: '2026-04-15', note: 'x'.repeat(1001) },
      [],
      null,
    ]) {
      const answer = await send(path, headers, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().code).toBe('validation_failed');
    }
    expect((await send(path, headers, { dueMileageKm: 45_000 })).statusCode).toBe(201);
  });

  it('refuses a car with no users yet, and stores nothing', async () => {
    const { workshop } = await workshopCar();
    const { vehicle: empty } = await buildVehicle(t.database.db, { workshop });
    const advisor = bearer(
      await signIn(
        t.database.db,
        await buildStaff(t.database.db, workshop, ['service_advisor']),
        t.clock.now(),
      ),
    );
    const path = `/api/v1/workshops/${workshop.id}/vehicles/${empty.id}/maintenance-notices`;
    const answer = await send(path, advisor, { dueDate: '2026-05-01' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('no_vehicle_users');
    expect((await t.app.inject({ method: 'GET', url: path, headers: advisor })).json().items).toEqual([]);
  });

  it("is for the car's own workshop staff: not its users, not operator staff, not another workshop", async () => {
    const { primary, headersOf, path } = await workshopCar();
    const other = await workshopCar();
    const otherAdvisor = await other.staffHeaders(['service_advisor']);
    const payload = { dueDate: '2026-05-01' };
    expect((await send(path, otherAdvisor, payload)).statusCode).toBe(404);
    // A driver holds the permission nowhere: the route itself refuses them.
    expect((await send(path, await headersOf(primary), payload)).statusCode).toBe(403);
    const { headers: operatorAdmin } = await operatorStaff(t, ['admin']);
    // Operator staff see workshop vehicles, but the workshop is the one that tells its customers.
    expect((await send(path, operatorAdmin, payload)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: path, headers: operatorAdmin })).statusCode).toBe(403);
  });
});
