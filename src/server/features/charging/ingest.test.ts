import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, chargingKeys, chargingSessions } from '../../db/schema/index.ts';
import { hashToken } from '../../lib/tokens.ts';
import { buildAccount, buildChargingKey, buildSubAccount, buildUser } from '../../test/factories.ts';
import { operatorStaff } from '../../test/people.ts';
import { useTestApp } from '../../test/server.ts';
import { chargingSession, getAs, ingest, postAs } from './test-kit.ts';

describe('charging back ends and session ingest', () => {
  const t = useTestApp({ start: new Date('2026-03-01T09:00:00Z') });

  it('gives an operator admin a key shown once, stored as a hash, that can be rotated and revoked', async () => {
    const { headers } = await operatorStaff(t, ['admin']);
    const created = await postAs(t, headers, '/admin/charging-keys', { name: 'Clever' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^kfc_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.database.db.select().from(chargingKeys).where(eq(chargingKeys.id, id));
    expect(row?.secretHash).toBe(hashToken(key.slice(-43)));
    expect(JSON.stringify(row)).not.toContain(key.slice(-43));

    const listed = await getAs(t, headers, '/admin/charging-keys');
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id, name: 'Clever', lastUsedAt: null, revokedAt: null }),
    );
    expect(listed.body).not.toContain(key.slice(-43));

    const driver = await buildUser(t.database.db);
    const account = await buildAccount(t.database.db, { drivers: [{ user: driver, rateEur: '0.2' }] });
    const session = chargingSession(account.id, '2026-02-20T10:00:00Z', { userId: driver.id });
    expect((await ingest(t, key, [session])).statusCode).toBe(202);
    expect((await getAs(t, headers, '/admin/charging-keys')).json().items).toContainEqual(
      expect.objectContaining({ id, lastUsedAt: '2026-03-01T09:00:00.000Z' }),
    );

    // Rotating: the old key stops at once; the back end's sessions are still known by their ids.
    const rotated = await postAs(t, headers, `/admin/charging-keys/${id}/rotate`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json()).toMatchObject({ id, name: 'Clever' });
    expect((await ingest(t, key, [session])).statusCode).toBe(401);
    expect((await ingest(t, rotated.json().key, [session])).json()).toEqual({
      accepted: 0,
      duplicates: 1,
      rejected: [],
    });

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/charging-keys/${id}`,
      headers,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await ingest(t, rotated.json().key, [session])).statusCode).toBe(401);
    expect((await postAs(t, headers, `/admin/charging-keys/${id}/rotate`)).statusCode).toBe(404);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/charging-keys/${id}`, headers });
    expect(again.statusCode).toBe(204);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((event) => event.action).sort()).toEqual([
      'charging_key.created',
      'charging_key.revoked',
      'charging_key.rotated',
    ]);
  });

  it('lets only operator admins manage keys', async () => {
    for (const role of ['finance', 'customer_manager', 'support'] as const) {
      const { headers } = await operatorStaff(t, [role]);
      expect((await postAs(t, headers, '/admin/charging-keys', { name: 'X' })).statusCode).toBe(403);
      expect((await getAs(t, headers, '/admin/charging-keys')).statusCode).toBe(403);
    }
  });

  it('refuses requests without a valid key, whoever sends them', async () => {
    const { headers } = await operatorStaff(t, ['admin']);
    const body = [chargingSession(crypto.randomUUID(), '2026-02-20T10:00:00Z')];
    expect((await ingest(t, 'kfc_nonsense', body)).statusCode).toBe(401);
    const { id, key } = await buildChargingKey(t.database.db);
    const wrongSecret = `kfc_${id.replaceAll('-', '')}_${'A'.repeat(43)}`;
    expect((await ingest(t, wrongSecret, body)).statusCode).toBe(401);
    const staffToken = headers.authorization.slice('Bearer '.length);
    expect((await ingest(t, staffToken, body)).statusCode).toBe(401);
    expect((await ingest(t, key, body)).statusCode).toBe(202);
  });

  it('keeps the good sessions of a batch, refuses each bad one with its reason, and ignores re-sent ones', async () => {
    const db = t.database.db;
    const driver = await buildUser(db);
    const outsider = await buildUser(db);
    const account = await buildAccount(db, { drivers: [{ user: driver, rateEur: '0.25' }] });
    const employee = await buildSubAccount(db, account, {
      usage: 'employee',
      rateEur: '0.3',
      owners: [outsider],
    });
    const { key } = await buildChargingKey(db);
    const end = '2026-02-20T10:00:00Z';
    const good = [
      chargingSession(account.id, end, { userId: driver.id }),
      chargingSession(account.id, end, { private: false }),
      chargingSession(employee.id, end, { userId: outsider.id, energyWh: 0 }),
      chargingSession(employee.id, end, { userId: null }),
    ];
    const bad = {
      ended_before_started: chargingSession(account.id, end, { startedAt: '2026-02-20T10:00:01Z' }),
      ended_in_future: chargingSession(account.id, '2026-03-01T09:10:00Z'),
      energy_negative: chargingSession(account.id, end, { energyWh: -5 }),
      energy_not_whole_wh: chargingSession(account.id, end, { energyWh: 10.5 }),
      energy_absurd: chargingSession(account.id, end, { energyWh: 5_000_000 }),
      unknown_account: chargingSession(crypto.randomUUID(), end),
      user_not_member: chargingSession(account.id, end, { userId: outsider.id }),
    };
    const notAnId = chargingSession('not-an-account-id', end);
    const notAUser = chargingSession(account.id, end, { userId: 'someone' });
    const answer = await ingest(t, key, [...good, ...Object.values(bad), notAnId, notAUser]);
    expect(answer.statusCode, answer.body).toBe(202);
    expect(answer.json().accepted).toBe(4);
    expect(answer.json().duplicates).toBe(0);
    expect(answer.json().rejected).toEqual(
      expect.arrayContaining([
        ...Object.entries(bad).map(([reason, session]) => ({ id: session.id, reason })),
        { id: notAnId.id, reason: 'unknown_account' },
        { id: notAUser.id, reason: 'user_not_member' },
      ]),
    );
    expect(answer.json().rejected).toHaveLength(9);

    // Re-sent, alone or in a batch with a new one (and twice in one batch): stored once.
    const fresh = chargingSession(account.id, end, { userId: driver.id });
    const resent = await ingest(t, key, [...good, fresh, fresh]);
    expect(resent.json()).toEqual({ accepted: 1, duplicates: 5, rejected: [] });
    const stored = await db.select().from(chargingSessions).where(eq(chargingSessions.accountId, account.id));
    expect(stored).toHaveLength(3);
    const first = stored.find((row) => row.externalId === good[0]?.id);
    expect(first).toMatchObject({
      userId: driver.id,
      isPrivate: true,
      energyWh: 10_000,
      chargerId: 'CPH-CHARGER-1',
      endedAt: new Date(end),
      startedAt: new Date('2026-02-20T09:00:00Z'),
    });

    // The same id from another back end is another session.
    const other = await buildChargingKey(db);
    expect((await ingest(t, other.key, [good[0] ?? {}])).json()).toMatchObject({ accepted: 1 });
  });

  it('answers 400 naming the fields for a batch of the wrong shape', async () => {
    const { key } = await buildChargingKey(t.database.db);
    const account = crypto.randomUUID();
    const shapeless = await ingest(t, key, [
      { ...chargingSession(account, '2026-02-20T10:00:00Z'), private: 'yes' },
    ]);
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().code).toBe('validation_failed');
    expect(shapeless.json().errors.map((e: { field: string }) => e.field)).toEqual(['sessions.0.private']);
    expect((await ingest(t, key, [])).statusCode).toBe(400);
    const noDate = await ingest(t, key, [
      chargingSession(account, '2026-02-20T10:00:00Z', { endedAt: 'yesterday' }),
    ]);
    expect(noDate.statusCode).toBe(400);
  });
});
