import { describe, expect, it } from 'vitest';
import { bearer, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { useTestApp } from '../../test/server.ts';

describe('notifications', () => {
  const t = useTestApp();

  async function household() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friends = await Promise.all([
      buildUser(t.database.db, { name: 'Frida Friend' }),
      buildUser(t.database.db, { name: 'Sigurd Second' }),
    ]);
    const { vehicle } = await buildVehicle(t.database.db, { primary, secondaries: friends });
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return { vehicle, primary, friends, headersOf };
  }
  const list = (headers: Record<string, string>, cursor?: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/notifications${cursor ? `?cursor=${cursor}` : ''}`,
      headers,
    });
  const setLevel = (vid: string, headers: Record<string, string>, level: string) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/vehicles/${vid}/sharing`, headers, payload: { level } });

  it('tells every user of the vehicle, the primary too, when the sharing level changes', async () => {
    const { vehicle, primary, friends, headersOf } = await household();
    const primaryHeaders = await headersOf(primary);
    expect((await setLevel(vehicle.id, primaryHeaders, 'limited')).statusCode).toBe(200);

    for (const person of [primary, ...friends]) {
      const answer = (await list(await headersOf(person))).json();
      expect(answer.unreadCount).toBe(1);
      expect(answer.items).toEqual([
        {
          id: expect.any(String),
          kind: 'sharing_level_changed',
          vehicle: { id: vehicle.id, registrationNumber: vehicle.registrationNumber },
          data: { level: 'limited', changedBy: { id: primary.id, name: 'Pia Primary' } },
          createdAt: t.clock.now().toISOString(),
          readAt: null,
        },
      ]);
    }
    // Someone who is not a user of the vehicle hears nothing.
    const stranger = await buildUser(t.database.db);
    expect((await list(await headersOf(stranger))).json()).toEqual({
      items: [],
      nextCursor: null,
      unreadCount: 0,
    });
  });

  it('gives no notice when the level chosen is the one already in force', async () => {
    const { vehicle, primary, friends, headersOf } = await household();
    expect((await setLevel(vehicle.id, await headersOf(primary), 'shared')).statusCode).toBe(200);
    const [friend] = friends;
    if (!friend) throw new Error('a friend expected');
    expect((await list(await headersOf(friend))).json().items).toEqual([]);
  });

  it('pages newest first and marks notices read, one or all, only for their owner', async () => {
    const { vehicle, primary, friends, headersOf } = await household();
    const primaryHeaders = await headersOf(primary);
    const start = t.clock.now();
    const levels = ['limited', 'shared'];
    for (let i = 0; i < 34; i++) {
      t.clock.set(new Date(start.getTime() + i * 1000));
      expect((await setLevel(vehicle.id, primaryHeaders, levels[i % 2] ?? 'shared')).statusCode).toBe(200);
    }
    t.clock.set(start);
    const [friend, other] = friends;
    if (!friend || !other) throw new Error('friends expected');
    const friendHeaders = await headersOf(friend);

    const first = (await list(friendHeaders)).json();
    expect(first.items).toHaveLength(30);
    expect(first.unreadCount).toBe(34);
    const second = (await list(friendHeaders, first.nextCursor)).json();
    expect(second.items).toHaveLength(4);
    expect(second.nextCursor).toBeNull();
    const times = [...first.items, ...second.items].map((item: { createdAt: string }) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(times).size).toBe(34);

    const newest = first.items[0].id;
    // Another person's notice does not exist for them.
    const otherHeaders = await headersOf(other);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${newest}/read`,
      headers: otherHeaders,
    });
    expect(foreign.statusCode).toBe(404);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${newest}/read`,
      headers: friendHeaders,
    });
    expect(read.statusCode).toBe(204);
    const afterOne = (await list(friendHeaders)).json();
    expect(afterOne.unreadCount).toBe(33);
    expect(afterOne.items[0].readAt).toBe(t.clock.now().toISOString());
    expect((await list(otherHeaders)).json().unreadCount).toBe(34);

    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: friendHeaders,
    });
    expect(all.statusCode).toBe(204);
    expect((await list(friendHeaders)).json().unreadCount).toBe(0);
    expect((await list(otherHeaders)).json().unreadCount).toBe(34);
  });

  it("keeps each person's choice of mails, on by default, changed one kind at a time", async () => {
    const person = await buildUser(t.database.db);
    const other = await buildUser(t.database.db);
    const headers = bearer(await signIn(t.database.db, person, t.clock.now()));
    const otherHeaders = bearer(await signIn(t.database.db, other, t.clock.now()));
    const read = async (h: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/notification-preferences', headers: h })).json();
    const write = (payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        headers,
        payload: payload as object,
      });
    const allOn = {
      email: { warning_light_on: true, maintenance_due: true, booking_changed: true, chat_messages: true },
    };
    expect(await read(headers)).toEqual(allOn);

    const chatOff = await write({ email: { chat_messages: false } });
    expect(chatOff.statusCode).toBe(200);
    expect(chatOff.json()).toEqual({ email: { ...allOn.email, chat_messages: false } });
    await write({ email: { maintenance_due: false } });
    await write({ email: { chat_messages: true } });
    expect(await read(headers)).toEqual({ email: { ...allOn.email, maintenance_due: false } });
    expect(await read(otherHeaders)).toEqual(allOn);

    for (const bad of [
      {},
      { email: { sharing_level_changed: false } },
      { email: { chat_messages: 'no' } },
      [],
    ]) {
      const answer = await write(bad);
      expect(answer.statusCode, JSON.stringify(bad)).toBe(400);
      expect(answer.json().code).toBe('validation_failed');
    }
    expect(await read(headers)).toEqual({ email: { ...allOn.email, maintenance_due: false } });
  });

  it('answers bad input with 4xx, never 5xx', async () => {
    const person = await buildUser(t.database.db);
    const headers = bearer(await signIn(t.database.db, person, t.clock.now()));
    const badId = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/not-a-uuid/read',
      headers,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().code).toBe('validation_failed');
    const forged = [
      ['x', 'y'],
      ['not a date', '00000000-0000-4000-8000-000000000000'],
    ].map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
    for (const cursor of ['garbage', 'W10', ...forged]) {
      const answer = await list(headers, cursor);
      expect(answer.statusCode, cursor).toBeLessThan(500);
    }
  });
});
