import { describe, expect, it } from 'vitest';
import { bearer, buildStaff, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { useTestApp } from '../../test/server.ts';

const minutesBefore = (now: Date, minutes: number) =>
  new Date(now.getTime() - minutes * 60_000).toISOString();

describe('telemetry ingest, status and alarms', () => {
  const t = useTestApp();
  let eventCounter = 0;
  const nextId = () => `ev-${eventCounter++}`;

  async function fleetCar() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend' });
    const built = await buildVehicle(t.database.db, { primary, secondaries: [friend] });
    const advisor = await buildStaff(t.database.db, built.workshop, ['service_advisor']);
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return {
      ...built,
      primaryHeaders: await headersOf(primary),
      friendHeaders: await headersOf(friend),
      advisorHeaders: await headersOf(advisor),
    };
  }
  const ingest = (deviceToken: string, events: object[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/telemetry',
      headers: bearer(deviceToken),
      payload: { events },
    });
  const driverView = async (vid: string, headers: Record<string, string>) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/vehicles/${vid}`, headers })).json();
  const workshopView = async (wid: string, vid: string, headers: Record<string, string>) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/workshops/${wid}/vehicles/${vid}`, headers })).json();

  it('answers 202 with what it kept, and ignores re-sent events', async () => {
    const { deviceToken } = await fleetCar();
    const now = t.clock.now();
    const events = [
      { id: nextId(), type: 'fuel', ts: minutesBefore(now, 3), percent: 61.5 },
      { id: nextId(), type: 'odometer', ts: minutesBefore(now, 3), km: 12_345.6 },
      { id: nextId(), type: 'position', ts: minutesBefore(now, 2), lat: 55.6761, lon: 12.5683, speedKmh: 42 },
    ];
    const first = await ingest(deviceToken, events);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    // The same batch again, and one event twice in a batch, change nothing.
    const again = await ingest(deviceToken, [...events, events[0] as object]);
    expect(again.json()).toEqual({ accepted: 0, duplicates: 4, rejected: [] });
  });

  it('refuses implausible events with a reason and keeps the rest of the batch', async () => {
    const { deviceToken } = await fleetCar();
    const now = t.clock.now();
    const ts = minutesBefore(now, 1);
    const answer = await ingest(deviceToken, [
      { id: 'bad-lat', type: 'position', ts, lat: 91, lon: 10 },
      { id: 'bad-lon', type: 'position', ts, lat: 55, lon: -180.5 },
      { id: 'bad-speed', type: 'position', ts, lat: 55, lon: 12, speedKmh: -3 },
      { id: 'bad-fuel', type: 'fuel', ts, percent: 140 },
      { id: 'bad-km', type: 'odometer', ts, km: -1 },
      { id: 'future', type: 'fuel', ts: new Date(now.getTime() + 60 * 60_000).toISOString(), percent: 50 },
      { id: 'ancient', type: 'fuel', ts: '2020-01-01T00:00:00Z', percent: 50 },
      { id: 'fine', type: 'fuel', ts, percent: 50 },
      // A clock a minute fast is a device clock, not a broken one.
      {
        id: 'slightly-ahead',
        type: 'battery',
        ts: new Date(now.getTime() + 60_000).toISOString(),
        percent: 80,
      },
    ]);
    expect(answer.statusCode).toBe(202);
    expect(answer.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { id: 'bad-lat', reason: 'position_out_of_range' },
        { id: 'bad-lon', reason: 'position_out_of_range' },
        { id: 'bad-speed', reason: 'speed_out_of_range' },
        { id: 'bad-fuel', reason: 'percent_out_of_range' },
        { id: 'bad-km', reason: 'odometer_out_of_range' },
        { id: 'future', reason: 'in_the_future' },
        { id: 'ancient', reason: 'too_old' },
      ],
    });
  });

  it('answers a malformed batch 400 naming the field, and an unknown device 401', async () => {
    const { deviceToken } = await fleetCar();
    const ts = t.clock.now().toISOString();
    const malformed = [
      { events: [] },
      { events: [{ id: 'x', type: 'teleport', ts }] },
      { events: [{ id: 'x', type: 'fuel', ts: 'yesterday', percent: 5 }] },
      { events: [{ id: 'x', type: 'position', ts, lat: '55' }] },
      { events: [{ id: '', type: 'ignition', ts, on: true }] },
      { events: [{ id: 'x', type: 'warning_light', ts, on: true, code: 'DROP TABLE' }] },
      { nothing: true },
    ];
    for (const payload of malformed) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/ingest/telemetry',
        headers: bearer(deviceToken),
        payload,
      });
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().code).toBe('validation_failed');
    }
    const unknown = await ingest('B'.repeat(43), [{ id: 'x', type: 'fuel', ts, percent: 5 }]);
    expect(unknown.statusCode).toBe(401);
  });

  it('stops accepting a rotated-out device token at once', async () => {
    const { deviceToken, vehicle, workshop } = await fleetCar();
    const admin = await buildStaff(t.database.db, workshop, ['workshop_admin']);
    const ts = t.clock.now().toISOString();
    expect((await ingest(deviceToken, [{ id: nextId(), type: 'fuel', ts, percent: 5 }])).statusCode).toBe(
      202,
    );
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workshops/${workshop.id}/vehicles/${vehicle.id}/device-token`,
      headers: bearer(await signIn(t.database.db, admin, t.clock.now())),
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect((await ingest(deviceToken, [{ id: nextId(), type: 'fuel', ts, percent: 5 }])).statusCode).toBe(
      401,
    );
    const fresh = await ingest(rotated.json().deviceToken, [{ id: nextId(), type: 'fuel', ts, percent: 5 }]);
    expect(fresh.statusCode).toBe(202);
  });

  it('keeps the latest value of each kind by event time, however late events arrive', async () => {
    const { deviceToken, vehicle, primaryHeaders } = await fleetCar();
    const now = t.clock.now();
    // The newest readings first, then older ones delivered late.
    await ingest(deviceToken, [
      { id: nextId(), type: 'fuel', ts: minutesBefore(now, 5), percent: 40 },
      { id: nextId(), type: 'position', ts: minutesBefore(now, 5), lat: 56.1629, lon: 10.2039, heading: 90 },
      { id: nextId(), type: 'ignition', ts: minutesBefore(now, 5), on: false },
    ]);
    expect((await driverView(vehicle.id, primaryHeaders)).status.fuel.percent).toBe(40);
    await ingest(deviceToken, [
      { id: nextId(), type: 'fuel', ts: minutesBefore(now, 50), percent: 55 },
      { id: nextId(), type: 'position', ts: minutesBefore(now, 50), lat: 55.6761, lon: 12.5683 },
      { id: nextId(), type: 'ignition', ts: minutesBefore(now, 50), on: true },
      { id: nextId(), type: 'odometer', ts: minutesBefore(now, 50), km: 20_000 },
    ]);
    const { status } = await driverView(vehicle.id, primaryHeaders);
    expect(status).toEqual({
      fuel: { percent: 40, at: minutesBefore(now, 5) },
      position: { lat: 56.1629, lon: 10.2039, heading: 90, at: minutesBefore(now, 5) },
      ignition: { on: false, at: minutesBefore(now, 5) },
      odometer: { km: 20_000, at: minutesBefore(now, 50) },
    });
  });

  it('shows warning lights on now, since when, whatever order their events came in', async () => {
    const { deviceToken, vehicle, friendHeaders } = await fleetCar();
    const now = t.clock.now();
    const light = (minutes: number, code: string, on: boolean, description?: string) => ({
      id: nextId(),
      type: 'warning_light',
      ts: minutesBefore(now, minutes),
      code,
      on,
      ...(description ? { description } : {}),
    });
    // Engine: on 60, off 40, on 20, on again 10 (repeat) -> on since 20. Brake: on 30, off 5 -> off.
    // Oil: on 15, delivered before its earlier history.
    await ingest(deviceToken, [light(10, 'engine', true, 'Check engine'), light(15, 'oil_pressure', true)]);
    await ingest(deviceToken, [
      light(60, 'engine', true),
      light(40, 'engine', false),
      light(20, 'engine', true),
    ]);
    await ingest(deviceToken, [light(5, 'brake', false), light(30, 'brake', true)]);
    expect((await driverView(vehicle.id, friendHeaders)).alarms).toEqual([
      { code: 'engine', since: minutesBefore(now, 20), description: 'Check engine' },
      { code: 'oil_pressure', since: minutesBefore(now, 15) },
    ]);
  });

  it("lists the warning lights on now across the workshop's vehicles, and no other workshop's", async () => {
    const first = await fleetCar();
    const second = await buildVehicle(t.database.db, { workshop: first.workshop });
    const elsewhere = await fleetCar();
    const now = t.clock.now();
    const light = (minutes: number, code: string, on: boolean) => ({
      id: nextId(),
      type: 'warning_light',
      ts: minutesBefore(now, minutes),
      code,
      on,
    });
    await ingest(first.deviceToken, [
      light(30, 'engine', true),
      light(20, 'brake', true),
      light(10, 'brake', false),
    ]);
    await ingest(second.deviceToken, [light(5, 'tpms', true)]);
    await ingest(elsewhere.deviceToken, [light(1, 'oil_pressure', true)]);
    const answer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workshops/${first.workshop.id}/alarms`,
      headers: first.advisorHeaders,
    });
    expect(answer.statusCode).toBe(200);
    expect(
      answer
        .json()
        .items.map((item: { vehicle: { id: string }; code: string; since: string }) => [
          item.vehicle.id,
          item.code,
          item.since,
        ]),
    ).toEqual([
      [second.vehicle.id, 'tpms', minutesBefore(now, 5)],
      [first.vehicle.id, 'engine', minutesBefore(now, 30)],
    ]);
    expect(answer.body).not.toContain('lat');
  });

  it('shows the position to every user when shared, to nobody when limited, and never to the workshop', async () => {
    const { deviceToken, vehicle, workshop, primaryHeaders, friendHeaders, advisorHeaders } =
      await fleetCar();
    const now = t.clock.now();
    const lat = 55.123456;
    const lon = 12.654321;
    await ingest(deviceToken, [
      { id: nextId(), type: 'position', ts: minutesBefore(now, 1), lat, lon },
      { id: nextId(), type: 'battery', ts: minutesBefore(now, 1), percent: 77 },
      { id: nextId(), type: 'warning_light', ts: minutesBefore(now, 1), code: 'tpms', on: true },
    ]);
    const hasCoordinates = (body: unknown) => {
      const text = JSON.stringify(body);
      return text.includes(String(lat)) || text.includes(String(lon));
    };
    for (const headers of [primaryHeaders, friendHeaders]) {
      const shared = await driverView(vehicle.id, headers);
      expect(shared.status.position).toEqual({ lat, lon, at: minutesBefore(now, 1) });
      expect(shared.status.positionHidden).toBeUndefined();
    }
    const atWorkshop = await workshopView(workshop.id, vehicle.id, advisorHeaders);
    expect(atWorkshop.status).toEqual({
      positionHidden: 'workshop',
      battery: { percent: 77, at: minutesBefore(now, 1) },
    });
    expect(atWorkshop.alarms).toEqual([{ code: 'tpms', since: minutesBefore(now, 1) }]);
    expect(hasCoordinates(atWorkshop)).toBe(false);

    const limited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/vehicles/${vehicle.id}/sharing`,
      headers: primaryHeaders,
      payload: { level: 'limited' },
    });
    expect(limited.statusCode).toBe(200);
    for (const headers of [primaryHeaders, friendHeaders]) {
      const view = await driverView(vehicle.id, headers);
      expect(view.status).toEqual({
        positionHidden: 'limited_sharing',
        battery: { percent: 77, at: minutesBefore(now, 1) },
      });
      expect(view.alarms).toHaveLength(1);
      expect(hasCoordinates(view)).toBe(false);
    }
  });
});
