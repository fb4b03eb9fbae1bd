import type { TestApp } from '../../test/server.ts';

let counter = 0;

/** A session as a back end sends it: private, an hour long, ending at `endedAt`. */
export function chargingSession(
  accountId: string,
  endedAt: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const end = new Date(endedAt);
  return {
    id: `session-${counter++}`,
    accountId,
    chargerId: 'CPH-CHARGER-1',
    private: true,
    startedAt: new Date(end.getTime() - 60 * 60 * 1000).toISOString(),
    endedAt: end.toISOString(),
    energyWh: 10_000,
    ...overrides,
  };
}

/** Posts sessions with a back end's key. */
export function ingest(t: TestApp, key: string, sessions: object[]) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/ingest/charging-sessions',
    headers: { authorization: `Bearer ${key}` },
    payload: { sessions },
  });
}

/** Closes a month as the given staff member. */
export function closeMonthAs(t: TestApp, headers: Record<string, string>, month: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/admin/statements/close', headers, payload: { month } });
}

export function getAs(t: TestApp, headers: Record<string, string>, url: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
}

export function postAs(t: TestApp, headers: Record<string, string>, url: string, payload?: object) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

export function putAs(t: TestApp, headers: Record<string, string>, url: string, payload: object) {
  return t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers, payload });
}
