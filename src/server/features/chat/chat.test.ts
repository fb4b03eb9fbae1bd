import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testDatabaseKind } from '../../test/db.ts';
import {
  bearer,
  buildOperator,
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  signIn,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/server.ts';

/** A chat socket that records what it receives. */
async function openSocket(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(url, { headers });
  const received: Record<string, unknown>[] = [];
  let closeCode: number | undefined;
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  socket.on('close', (code) => {
    closeCode = code;
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const waitFor = async (test: (message: Record<string, unknown>) => boolean) => {
    const until = Date.now() + 5000;
    for (;;) {
      const found = received.find(test);
      if (found) return found;
      if (Date.now() > until) throw new Error(`not received; got ${JSON.stringify(received)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return {
    socket,
    received,
    waitFor,
    closeCode: () => closeCode,
    async subscribe(vehicleId: string) {
      socket.send(JSON.stringify({ type: 'subscribe', vehicleId }));
      return waitFor((message) => message.vehicleId === vehicleId && message.type !== 'message');
    },
  };
}

/** keyfob as a separate operating-system process on the test's PostgreSQL database. */
async function startOtherProcess(databaseUrl: string | undefined) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'off',
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
      PUBLIC_URL: 'http://keyfob.test',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /Open\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { origin: `127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

describe('workshop chat', () => {
  const t = useTestApp();
  let origin = '';
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  async function household() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend' });
    const built = await buildVehicle(t.database.db, { primary, secondaries: [friend] });
    const advisor = await buildStaff(t.database.db, built.workshop, ['service_advisor']);
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return {
      ...built,
      primary,
      friend,
      advisor,
      as: {
        primary: await headersOf(primary),
        friend: await headersOf(friend),
        advisor: await headersOf(advisor),
      },
      headersOf,
    };
  }
  const post = (vid: string, headers: Record<string, string>, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/vehicles/${vid}/messages`, headers, payload: { body } });
  const history = (vid: string, headers: Record<string, string>, cursor?: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/vehicles/${vid}/messages${cursor ? `?cursor=${cursor}` : ''}`,
      headers,
    });

  it('labels every message with its author and role, newest first, paging back in time', async () => {
    const { vehicle, as } = await household();
    const start = t.clock.now();
    const writers = [as.primary, as.friend, as.advisor];
    for (let i = 0; i < 35; i++) {
      t.clock.set(new Date(start.getTime() + i * 1000));
      const answer = await post(vehicle.id, writers[i % 3] ?? as.primary, `message ${i}`);
      expect(answer.statusCode, answer.body).toBe(201);
    }
    t.clock.set(start);
    const first = (await history(vehicle.id, as.friend)).json();
    expect(first.myRole).toBe('secondary');
    expect(first.items).toHaveLength(30);
    expect(first.items[0]).toMatchObject({
      body: 'message 34',
      authorRole: 'secondary',
      author: { name: 'Frida Friend' },
    });
    expect(first.items[1]).toMatchObject({
      body: 'message 33',
      authorRole: 'primary',
      author: { name: 'Pia Primary' },
    });
    expect(first.items[2]).toMatchObject({ body: 'message 32', authorRole: 'workshop' });
    const older = (await history(vehicle.id, as.friend, first.nextCursor)).json();
    expect(older.items.map((m: { body: string }) => m.body)).toEqual(
      [4, 3, 2, 1, 0].map((i) => `message ${i}`),
    );
    expect(older.nextCursor).toBeNull();
  });

  it('keeps the conversation from everyone but its vehicle users and its own workshop', async () => {
    const { vehicle, workshop } = await household();
    const outsiders = [
      await buildUser(t.database.db),
      await buildStaff(t.database.db, await buildOrganization(t.database.db), ['workshop_admin']),
      // Operator staff read vehicles everywhere, but do not take part in workshops' conversations.
      await buildStaff(t.database.db, await buildOperator(t.database.db), ['admin']),
    ];
    for (const outsider of outsiders) {
      const headers = bearer(await signIn(t.database.db, outsider, t.clock.now()));
      expect((await history(vehicle.id, headers)).statusCode).toBe(404);
      expect((await post(vehicle.id, headers, 'hello')).statusCode).toBe(404);
      const inbox = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workshops/${workshop.id}/conversations`,
        headers,
      });
      expect([403, 404]).toContain(inbox.statusCode);
    }
  });

  it('refuses empty, blank and overlong messages with 400', async () => {
    const { vehicle, as } = await household();
    for (const body of ['', '   ', 'x'.repeat(2001), 42, null]) {
      const answer = await post(vehicle.id, as.primary, body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json().code).toBe('validation_failed');
    }
    expect((await post(vehicle.id, as.primary, 'x'.repeat(2000))).statusCode).toBe(201);
  });

  it('counts unread per person and shows the workshop who uses the car, unread first', async () => {
    const quiet = await household();
    const busy = await household();
    const { workshop } = busy;
    const advisor = await buildStaff(t.database.db, workshop, ['workshop_admin']);
    const advisorHeaders = bearer(await signIn(t.database.db, advisor, t.clock.now()));
    // The quiet car, at the same workshop, has an older, read conversation.
    const quietAtBusyWorkshop = await buildVehicle(t.database.db, { workshop, primary: quiet.primary });
    await post(quietAtBusyWorkshop.vehicle.id, advisorHeaders, 'Your car is ready');
    t.clock.advance(60_000);
    await post(busy.vehicle.id, busy.as.friend, 'The brake light is on');
    t.clock.advance(1000);
    await post(busy.vehicle.id, busy.as.friend, 'Can I come by today?');

    expect((await history(busy.vehicle.id, busy.as.primary)).json().unreadCount).toBe(2);
    expect((await history(busy.vehicle.id, busy.as.friend)).json().unreadCount).toBe(0);
    const inbox = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workshops/${workshop.id}/conversations`,
      headers: advisorHeaders,
    });
    expect(inbox.statusCode).toBe(200);
    const [first, second] = inbox.json().items;
    expect(first).toMatchObject({
      vehicle: { id: busy.vehicle.id },
      primaryUser: { id: busy.primary.id, name: 'Pia Primary' },
      secondaryUsers: [{ id: busy.friend.id, name: 'Frida Friend' }],
      lastMessage: {
        body: 'Can I come by today?',
        authorRole: 'secondary',
        author: { name: 'Frida Friend' },
      },
      unreadCount: 2,
    });
    expect(second).toMatchObject({
      vehicle: { id: quietAtBusyWorkshop.vehicle.id },
      secondaryUsers: [],
      unreadCount: 0,
    });
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/${busy.vehicle.id}/messages/read`,
      headers: busy.as.primary,
    });
    expect(read.statusCode).toBe(204);
    expect((await history(busy.vehicle.id, busy.as.primary)).json().unreadCount).toBe(0);
  });

  it('delivers live to every open participant; a removed user stops receiving at once and keeps their past name and role', async () => {
    const { vehicle, as, friend } = await household();
    const url = `ws://${origin}/api/v1/chat/live`;
    const friendSocket = await openSocket(url, as.friend);
    const advisorSocket = await openSocket(url, as.advisor);
    expect(await friendSocket.subscribe(vehicle.id)).toMatchObject({
      type: 'subscribed',
      myRole: 'secondary',
    });
    expect(await advisorSocket.subscribe(vehicle.id)).toMatchObject({
      type: 'subscribed',
      myRole: 'workshop',
    });

    await post(vehicle.id, as.friend, 'Hello workshop');
    for (const socket of [friendSocket, advisorSocket]) {
      const got = await socket.waitFor((message) => message.type === 'message');
      expect(got.message).toMatchObject({
        body: 'Hello workshop',
        authorRole: 'secondary',
        author: { name: 'Frida Friend' },
      });
    }
    // Once each: the instance that wrote it does not send it again when its notification arrives.
    await t.app.changes.settle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const socket of [friendSocket, advisorSocket]) {
      const copies = socket.received.filter(
        (m) => (m.message as { body?: string })?.body === 'Hello workshop',
      );
      expect(copies).toHaveLength(1);
    }

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/vehicles/${vehicle.id}/users/${friend.id}`,
      headers: as.primary,
    });
    expect(removed.statusCode).toBe(204);
    await friendSocket.waitFor((message) => message.type === 'access_removed');
    await post(vehicle.id, as.advisor, 'After you left');
    await advisorSocket.waitFor(
      (message) => (message.message as { body?: string })?.body === 'After you left',
    );
    expect(
      friendSocket.received.some((m) => (m.message as { body?: string })?.body === 'After you left'),
    ).toBe(false);
    expect((await history(vehicle.id, as.friend)).statusCode).toBe(404);
    expect((await post(vehicle.id, as.friend, 'still here?')).statusCode).toBe(404);
    const kept = (await history(vehicle.id, as.primary))
      .json()
      .items.find((m: { body: string }) => m.body === 'Hello workshop');
    expect(kept).toMatchObject({ authorRole: 'secondary', author: { id: friend.id, name: 'Frida Friend' } });

    // Signing out closes the socket.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as.advisor });
    const until = Date.now() + 5000;
    while (advisorSocket.closeCode() === undefined && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    expect(advisorSocket.closeCode()).toBe(4401);
    friendSocket.socket.close();
  });

  it('refuses a socket opened by another site with the session cookie, and one without a session', async () => {
    const { as } = await household();
    const token = as.friend.authorization?.replace('Bearer ', '') ?? '';
    const url = `ws://${origin}/api/v1/chat/live`;
    const handshake = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/chat/live',
        headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', ...headers },
      });
    const crossSite = await handshake({ cookie: `keyfob_session=${token}`, origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect((await handshake({})).statusCode).toBe(401);
    const same = await openSocket(url, { cookie: `keyfob_session=${token}`, origin: `http://${origin}` });
    same.socket.close();
  });

  describe.runIf(testDatabaseKind() === 'postgres')(
    'across two server processes on one PostgreSQL (skipped on PGlite: one process owns it)',
    () => {
      it("delivers a message posted to one process to the other process's sockets", async () => {
        const other = await startOtherProcess(t.database.url);
        const { vehicle, as, advisor } = await household();
        // The other process runs on the real clock, not the test's: its session must be current.
        const advisorNow = bearer(await signIn(t.database.db, advisor, new Date()));
        const socket = await openSocket(`ws://${other.origin}/api/v1/chat/live`, advisorNow);
        expect(await socket.subscribe(vehicle.id)).toMatchObject({ type: 'subscribed' });
        expect((await post(vehicle.id, as.primary, 'Across processes')).statusCode).toBe(201);
        const got = await socket.waitFor((message) => message.type === 'message');
        expect(got.message).toMatchObject({ body: 'Across processes', authorRole: 'primary' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(socket.received.filter((message) => message.type === 'message')).toHaveLength(1);
        socket.socket.close();
        other.stop();
      }, 60_000);
    },
  );
});
