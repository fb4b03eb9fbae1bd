import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { vehicles } from '../../db/schema/index.ts';
import { testDatabaseKind } from '../../test/db.ts';
import { bearer, buildStaff, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { mailsTo } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';

const minutesBefore = (now: Date, minutes: number) =>
  new Date(now.getTime() - minutes * 60_000).toISOString();

describe('warning light notices', () => {
  const t = useTestApp();
  let counter = 0;
  const nextId = () => `light-${counter++}`;

  /** A car at sharing level `limited` with a primary and a secondary user. */
  async function household() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend', language: 'da' });
    const built = await buildVehicle(t.database.db, { primary, secondaries: [friend] });
    await t.database.db
      .update(vehicles)
      .set({ sharingLevel: 'limited' })
      .where(eq(vehicles.id, built.vehicle.id));
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return { ...built, primary, friend, headersOf };
  }
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
  const light = (code: string, on: boolean, minutesAgo: number) => ({
    id: nextId(),
    type: 'warning_light',
    ts: minutesBefore(t.clock.now(), minutesAgo),
    code,
    on,
    ...(on ? { description: code === 'oil_pressure' ? 'Low oil pressure' : undefined } : {}),
  });
  const lightNotices = async (headers: Record<string, string>) => {
    const answer = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers });
    return answer
      .json()
      .items.filter((item: { kind: string }) => item.kind === 'warning_light_on')
      .map((item: { data: unknown }) => item.data);
  };
  const lightMails = async (email: string) =>
    (await mailsTo(t.database.db, email)).filter((mail) => mail.topic === 'notice:warning_light_on');

  it('tells every user of the car, in the app and by mail, whatever the sharing level', async () => {
    const { deviceToken, vehicle, primary, friend, headersOf } = await household();
    const on = light('oil_pressure', true, 2);
    await ingest(deviceToken, [on]);

    for (const person of [primary, friend]) {
      expect(await lightNotices(await headersOf(person))).toEqual([
        { code: 'oil_pressure', since: on.ts, description: 'Low oil pressure' },
      ]);
    }
    const [english] = await lightMails(primary.email);
    expect(english?.subject).toBe(
      `Warning light on in ${vehicle.registrationNumber} (Volvo XC40): Low oil pressure`,
    );
    expect(english?.text).toContain(`http://keyfob.test/app/notifications?vehicle=${vehicle.id}`);
    const [danish] = await lightMails(friend.email);
    expect(danish?.subject).toBe(
      `Advarselslampe tændt i ${vehicle.registrationNumber} (Volvo XC40): Low oil pressure`,
    );
    // Workshop staff are not the car's users: they see the light on their alarms view instead.
    const advisor = await buildStaff(t.database.db, { id: vehicle.workshopId }, ['service_advisor']);
    const alarms = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workshops/${vehicle.workshopId}/alarms`,
      headers: await headersOf(advisor),
    });
    expect(alarms.json().items.map((item: { code: string }) => item.code)).toEqual(['oil_pressure']);
    expect(await lightNotices(await headersOf(advisor))).toEqual([]);
  });

  it('tells once per time a light comes on: not again for re-sent or late events of the same episode', async () => {
    const { deviceToken, primary, headersOf } = await household();
    const headers = await headersOf(primary);
    const first = light('engine', true, 10);
    await ingest(deviceToken, [first]);
    await ingest(deviceToken, [first]);
    // A later "on" of the same episode, and an earlier one arriving late, are the same episode.
    await ingest(deviceToken, [light('engine', true, 5)]);
    await ingest(deviceToken, [light('engine', true, 20)]);
    expect(await lightNotices(headers)).toHaveLength(1);

    // Off, then on again: a new episode, told again.
    await ingest(deviceToken, [light('engine', false, 4)]);
    expect(await lightNotices(headers)).toHaveLength(1);
    t.clock.set(new Date(t.clock.now().getTime() + 1000)); // the newer notice lists first
    const again = light('engine', true, 3);
    await ingest(deviceToken, [again]);
    const notices = await lightNotices(headers);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toEqual({ code: 'engine', since: again.ts, description: null });
    expect(await lightMails(primary.email)).toHaveLength(2);
  });

  it('tells nobody of a light that came on and went off again within a backlog', async () => {
    const { deviceToken, primary, headersOf } = await household();
    await ingest(deviceToken, [light('tpms', true, 60), light('tpms', false, 50)]);
    expect(await lightNotices(await headersOf(primary))).toEqual([]);
    expect(await lightMails(primary.email)).toEqual([]);
  });

  it('keeps the in-app notice but sends no mail to someone who turned that mail off', async () => {
    const { deviceToken, primary, friend, headersOf } = await household();
    const friendHeaders = await headersOf(friend);
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: friendHeaders,
      payload: { email: { warning_light_on: false } },
    });
    expect(off.statusCode, off.body).toBe(200);
    await ingest(deviceToken, [light('brake', true, 1)]);
    expect(await lightNotices(friendHeaders)).toHaveLength(1);
    expect(await lightMails(friend.email)).toEqual([]);
    expect(await lightMails(primary.email)).toHaveLength(1);
  });

  describe.runIf(testDatabaseKind() === 'postgres')(
    'on PostgreSQL (skipped on PGlite: one connection, no concurrency)',
    () => {
      it('tells once when the same light arrives in many batches at once', async () => {
        const { deviceToken, primary, headersOf } = await household();
        const batches = Array.from({ length: 12 }, (_, i) => [light('airbag', true, 12 - i)]);
        await Promise.all(batches.map((batch) => ingest(deviceToken, batch)));
        expect(await lightNotices(await headersOf(primary))).toHaveLength(1);
        expect(await lightMails(primary.email)).toHaveLength(1);
      });
    },
  );
});
