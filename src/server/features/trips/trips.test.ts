import { describe, expect, it } from 'vitest';
import { bearer, buildStaff, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { useTestApp } from '../../test/server.ts';

const MINUTE = 60_000;
/** 0.01° of latitude is 1.112 km on the mean Earth radius. */
const KM_PER_HUNDREDTH_DEGREE = 1.112;

describe('trips', () => {
  const t = useTestApp();
  let eventCounter = 0;

  async function household() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const anna = await buildUser(t.database.db, { name: 'Anna Second' });
    const bo = await buildUser(t.database.db, { name: 'Bo Third' });
    const built = await buildVehicle(t.database.db, { primary, secondaries: [anna, bo] });
    const advisor = await buildStaff(t.database.db, built.workshop, ['workshop_admin']);
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return {
      ...built,
      primary,
      anna,
      bo,
      as: {
        primary: await headersOf(primary),
        anna: await headersOf(anna),
        bo: await headersOf(bo),
        workshop: await headersOf(advisor),
      },
    };
  }
  const at = (minutesAgo: number) => new Date(t.clock.now().getTime() - minutesAgo * MINUTE).toISOString();
  const ingest = async (deviceToken: string, events: object[]) => {
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/telemetry',
      headers: bearer(deviceToken),
      payload: { events },
    });
    expect(answer.statusCode, answer.body).toBe(202);
    return answer.json();
  };
  const ignition = (minutesAgo: number, on: boolean) => ({
    id: `ign-${eventCounter++}`,
    type: 'ignition',
    ts: at(minutesAgo),
    on,
  });
  const position = (minutesAgo: number, lat: number, lon = 12) => ({
    id: `pos-${eventCounter++}`,
    type: 'position',
    ts: at(minutesAgo),
    lat,
    lon,
  });
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
  const tripsOf = async (vid: string, headers: Record<string, string>) =>
    (await get(`/api/v1/vehicles/${vid}/trips`, headers)).json().items;
  const assign = (vid: string, tid: string, headers: Record<string, string>, userIds: string[]) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/vehicles/${vid}/trips/${tid}/assignees`,
      headers,
      payload: { userIds },
    });

  it('finds a trip from ignition on to off, with distance and ends, from events in any order', async () => {
    const { vehicle, deviceToken, as } = await household();
    // Delivered backwards: the end first, the middle, then the start.
    await ingest(deviceToken, [ignition(10, false), position(10, 55.03)]);
    await ingest(deviceToken, [position(20, 55.02), position(25, 55.01)]);
    await ingest(deviceToken, [position(30, 55.0), ignition(30, true), position(40, 54.0)]);
    const [trip, ...others] = await tripsOf(vehicle.id, as.primary);
    expect(others).toEqual([]);
    expect(trip).toMatchObject({
      startedAt: at(30),
      endedAt: at(10),
      durationS: 20 * 60,
      start: { lat: 55.0, lon: 12 },
      end: { lat: 55.03, lon: 12 },
      assignees: [],
    });
    expect(trip.distanceKm).toBeCloseTo(3 * KM_PER_HUNDREDTH_DEGREE, 1);
    // Re-sending everything changes nothing.
    await ingest(deviceToken, [ignition(10, false), ignition(30, true), position(20, 55.02)]);
    expect(await tripsOf(vehicle.id, as.primary)).toEqual([trip]);
  });

  it('keeps an open trip open and measures it as positions arrive', async () => {
    const { vehicle, deviceToken, as } = await household();
    await ingest(deviceToken, [ignition(15, true), position(15, 56.0)]);
    await ingest(deviceToken, [position(5, 56.01)]);
    const [trip] = await tripsOf(vehicle.id, as.anna);
    expect(trip).toMatchObject({
      startedAt: at(15),
      endedAt: null,
      durationS: null,
      end: { lat: 56.01, lon: 12 },
    });
    expect(trip.distanceKm).toBeCloseTo(KM_PER_HUNDREDTH_DEGREE, 1);
  });

  it('splits a trip when a late off and on arrive, keeping the assignees of the trip that stays', async () => {
    const { vehicle, deviceToken, as, anna } = await household();
    await ingest(deviceToken, [ignition(60, true), ignition(40, true), ignition(10, false)]);
    const [whole] = await tripsOf(vehicle.id, as.anna);
    expect(whole).toMatchObject({ startedAt: at(60), endedAt: at(10) });
    expect((await assign(vehicle.id, whole.id, as.anna, [anna.id])).statusCode).toBe(200);

    await ingest(deviceToken, [ignition(35, false), ignition(30, true)]);
    const split = await tripsOf(vehicle.id, as.anna);
    expect(
      split.map((trip: { startedAt: string; endedAt: string }) => [trip.startedAt, trip.endedAt]),
    ).toEqual([
      [at(30), at(10)],
      [at(60), at(35)],
    ]);
    expect(split[1].id).toBe(whole.id);
    expect(split[1].assignees.map((a: { userId: string }) => a.userId)).toEqual([anna.id]);
  });

  it('applies every cell of SPEC §6 to trips, at both levels', async () => {
    const { vehicle, workshop, deviceToken, as, anna } = await household();
    await ingest(deviceToken, [
      ignition(30, true),
      position(30, 57.1, 9.9),
      position(20, 57.11, 9.9),
      ignition(20, false),
    ]);
    const [trip] = await tripsOf(vehicle.id, as.primary);
    const details = (headers: Record<string, string>) =>
      get(`/api/v1/vehicles/${vehicle.id}/trips/${trip.id}`, headers);
    const carriesCoordinates = (body: string) => body.includes('57.1') || body.includes('9.9');

    // Shared: every user sees the ends and the route; the workshop sees no trips at all.
    for (const headers of [as.primary, as.anna, as.bo]) {
      const answer = (await details(headers)).json();
      expect(answer.start).toEqual({ lat: 57.1, lon: 9.9 });
      expect(answer.route).toHaveLength(2);
    }
    expect((await get(`/api/v1/vehicles/${vehicle.id}/trips`, as.workshop)).statusCode).toBe(404);
    expect((await details(as.workshop)).statusCode).toBe(404);
    const workshopView = await get(`/api/v1/workshops/${workshop.id}/vehicles/${vehicle.id}`, as.workshop);
    expect(carriesCoordinates(workshopView.body)).toBe(false);

    // Limited: times, duration and distance for all; where it went only for its assignees.
    const limited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/vehicles/${vehicle.id}/sharing`,
      headers: as.primary,
      payload: { level: 'limited' },
    });
    expect(limited.statusCode).toBe(200);
    expect((await assign(vehicle.id, trip.id, as.anna, [anna.id])).statusCode).toBe(200);
    const annaSees = (await details(as.anna)).json();
    expect(annaSees.start).toEqual({ lat: 57.1, lon: 9.9 });
    expect(annaSees.route).toHaveLength(2);
    for (const headers of [as.primary, as.bo]) {
      for (const answer of [
        await details(headers),
        await get(`/api/v1/vehicles/${vehicle.id}/trips`, headers),
      ]) {
        expect(answer.statusCode).toBe(200);
        expect(carriesCoordinates(answer.body), answer.body).toBe(false);
        expect(answer.body).toContain('"locationHidden":"limited_sharing"');
        expect(answer.body).toContain('"distanceKm"');
      }
    }
  });

  it('lets anyone take an unassigned trip, not one assigned to someone else; the primary assigns anyone', async () => {
    const { vehicle, deviceToken, as, primary, anna, bo } = await household();
    await ingest(deviceToken, [ignition(30, true), ignition(20, false)]);
    const [trip] = await tripsOf(vehicle.id, as.primary);

    const taken = await assign(vehicle.id, trip.id, as.bo, [bo.id]);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().assignees).toEqual([
      {
        userId: bo.id,
        name: 'Bo Third',
        assignedAt: t.clock.now().toISOString(),
        assignedBy: { id: bo.id, name: 'Bo Third' },
      },
    ]);
    const grab = await assign(vehicle.id, trip.id, as.anna, [anna.id]);
    expect(grab.statusCode).toBe(403);
    expect(grab.json().code).toBe('trip_already_assigned');
    expect((await assign(vehicle.id, trip.id, as.bo, [anna.id])).json().code).toBe('forbidden');
    expect((await assign(vehicle.id, trip.id, as.bo, [])).statusCode).toBe(403);

    const byPrimary = await assign(vehicle.id, trip.id, as.primary, [anna.id, primary.id]);
    expect(byPrimary.statusCode).toBe(200);
    expect(
      byPrimary
        .json()
        .assignees.map((a: { userId: string; assignedBy: { id: string } }) => [a.userId, a.assignedBy.id]),
    ).toEqual(
      expect.arrayContaining([
        [anna.id, primary.id],
        [primary.id, primary.id],
      ]),
    );
    expect(byPrimary.json().assignees).toHaveLength(2);
    const undone = await assign(vehicle.id, trip.id, as.primary, []);
    expect(undone.json().assignees).toEqual([]);

    const stranger = await buildUser(t.database.db);
    const bad = await assign(vehicle.id, trip.id, as.primary, [stranger.id]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'userIds', code: 'not_found' })]);
  });

  it('gives an unassigned trip to exactly one of two people taking it at once', async () => {
    const { vehicle, deviceToken, as, anna, bo } = await household();
    await ingest(deviceToken, [ignition(30, true), ignition(20, false)]);
    const [trip] = await tripsOf(vehicle.id, as.primary);
    const answers = await Promise.all([
      assign(vehicle.id, trip.id, as.anna, [anna.id]),
      assign(vehicle.id, trip.id, as.bo, [bo.id]),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 403]);
    expect((await tripsOf(vehicle.id, as.primary))[0].assignees).toHaveLength(1);
  });
});
