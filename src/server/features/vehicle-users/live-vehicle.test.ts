import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { useTestApp } from '../../test/server.ts';

interface ServerSentEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads a server-sent event stream the way a browser's EventSource would. */
async function openStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const received: ServerSentEvent[] = [];
  let hasEnded = false;
  const pump = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) received.push({ event, data: JSON.parse(data) });
      }
    }
  })()
    .catch(() => {})
    .finally(() => {
      hasEnded = true;
    });
  let read = 0;
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    /** The next event not yet taken, waiting up to 5 s for it. */
    async next(): Promise<ServerSentEvent> {
      const until = Date.now() + 5000;
      while (received.length <= read) {
        if (Date.now() > until) throw new Error(`no event after ${JSON.stringify(received.slice(-2))}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const event = received[read++];
      if (!event) throw new Error('unreachable');
      return event;
    },
    async ended(): Promise<boolean> {
      await Promise.race([pump, new Promise((resolve) => setTimeout(resolve, 3000))]);
      return hasEnded;
    },
    close: () => abort.abort(),
  };
}

describe('live vehicle stream', () => {
  const t = useTestApp();
  let origin = '';
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  async function household() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend' });
    const built = await buildVehicle(t.database.db, { primary, secondaries: [friend] });
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return {
      ...built,
      friend,
      primaryHeaders: await headersOf(primary),
      friendHeaders: await headersOf(friend),
    };
  }
  const ingest = (deviceToken: string, events: object[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/telemetry',
      headers: bearer(deviceToken),
      payload: { events },
    });

  it('sends the vehicle at once, again on new telemetry and a new level, and ends when the user is removed', async () => {
    const { vehicle, deviceToken, friend, primaryHeaders, friendHeaders } = await household();
    const stream = await openStream(`${origin}/api/v1/vehicles/${vehicle.id}/live`, friendHeaders);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    const first = await stream.next();
    expect(first.event).toBe('vehicle');
    expect(first.data).toMatchObject({ id: vehicle.id, myRole: 'secondary', status: {}, alarms: [] });

    const ts = t.clock.now().toISOString();
    await ingest(deviceToken, [
      { id: 'live-1', type: 'position', ts, lat: 55.5, lon: 12.1 },
      { id: 'live-2', type: 'warning_light', ts, code: 'brake', on: true },
    ]);
    const withTelemetry = await stream.next();
    expect(withTelemetry.data.status).toEqual({ position: { lat: 55.5, lon: 12.1, at: ts } });
    expect(withTelemetry.data.alarms).toEqual([{ code: 'brake', since: ts }]);

    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/vehicles/${vehicle.id}/sharing`,
      headers: primaryHeaders,
      payload: { level: 'limited' },
    });
    const limited = await stream.next();
    expect(limited.data.status).toEqual({ positionHidden: 'limited_sharing' });
    expect(JSON.stringify(limited.data)).not.toContain('55.5');

    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/vehicles/${vehicle.id}/users/${friend.id}`,
      headers: primaryHeaders,
    });
    expect(await stream.next()).toEqual({ event: 'end', data: { reason: 'access_removed' } });
    expect(await stream.ended()).toBe(true);
  });

  it('ends when the session is signed out', async () => {
    const { vehicle, friendHeaders } = await household();
    const stream = await openStream(`${origin}/api/v1/vehicles/${vehicle.id}/live`, friendHeaders);
    expect((await stream.next()).event).toBe('vehicle');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: friendHeaders });
    expect(out.statusCode).toBe(204);
    expect(await stream.next()).toEqual({ event: 'end', data: { reason: 'signed_out' } });
  });

  it('answers someone who is not a user of the vehicle 404 before any stream starts', async () => {
    const { vehicle } = await household();
    const stranger = await buildUser(t.database.db);
    const stream = await openStream(
      `${origin}/api/v1/vehicles/${vehicle.id}/live`,
      bearer(await signIn(t.database.db, stranger, t.clock.now())),
    );
    expect(stream.status).toBe(404);
    expect(stream.contentType).toContain('application/problem+json');
    stream.close();
  });
});
