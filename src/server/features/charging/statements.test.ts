import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { statementLines, statements } from '../../db/schema/index.ts';
import { testDatabaseKind } from '../../test/db.ts';
import {
  bearer,
  buildAccount,
  buildChargingKey,
  buildOperator,
  buildStaff,
  buildSubAccount,
  buildUser,
  signIn,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/server.ts';
import { closeDueMonth } from './close-month.ts';
import { chargingSession, closeMonthAs, getAs, ingest, putAs } from './test-kit.ts';

describe('monthly statements', () => {
  const t = useTestApp({ start: new Date('2026-02-01T12:00:00Z') });
  const as = async (user: { id: string }) => bearer(await signIn(t.database.db, user, t.clock.now()));
  const staff = async (roles: Parameters<typeof buildStaff>[2]) =>
    as(await buildStaff(t.database.db, await buildOperator(t.database.db), roles));

  it('reimburses to the cent: private sessions only, the rate in force at each end, one rounding, by the Copenhagen month', async () => {
    const db = t.database.db;
    const owner = await buildUser(db);
    const driver = await buildUser(db);
    const family = await buildAccount(db, {
      owners: [owner],
      drivers: [{ user: driver, rateEur: '0.2500' }],
    });
    const employee = await buildSubAccount(db, family, { usage: 'employee', rateEur: '0.3000' });
    const { key } = await buildChargingKey(db);
    t.clock.set(new Date('2026-02-10T12:00:00Z'));

    const early = [
      // 12 kWh at 0.25 = 3.00
      chargingSession(family.id, '2026-02-03T20:00:00Z', { userId: driver.id, energyWh: 12_000 }),
      // Not private: never reimbursed.
      chargingSession(family.id, '2026-02-05T20:00:00Z', {
        userId: driver.id,
        energyWh: 20_000,
        private: false,
      }),
      // Starts 23:00 on 31 January and ends 00:15 on 1 February in Copenhagen (23:15 UTC on the
      // 31st): it ended in February. 1.018 kWh at 0.25 = 0.2545
      chargingSession(family.id, '2026-01-31T23:15:00Z', {
        userId: driver.id,
        startedAt: '2026-01-31T22:00:00Z',
        energyWh: 1_018,
      }),
      // 10 kWh at the employee sub-account's 0.30 = 3.00
      chargingSession(employee.id, '2026-02-06T07:00:00Z'),
      chargingSession(employee.id, '2026-02-07T07:00:00Z', { private: false, energyWh: 50_000 }),
    ];
    expect((await ingest(t, key, early)).json()).toEqual({ accepted: 5, duplicates: 0, rejected: [] });

    // Mid-month the rate agreed with the driver goes up, from now on.
    t.clock.set(new Date('2026-02-15T12:00:00Z'));
    const manager = await staff(['customer_manager']);
    const changed = await putAs(
      t,
      manager,
      `/admin/accounts/${family.id}/members/${driver.id}/reimbursement-rate`,
      {
        reimbursementRateEur: '0.315',
      },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().reimbursementRateEur).toBe('0.3150');

    t.clock.set(new Date('2026-03-01T09:00:00Z'));
    const late = [
      // 7.777 kWh at 0.315 = 2.449755
      chargingSession(family.id, '2026-02-16T08:00:00Z', { userId: driver.id, energyWh: 7_777 }),
      // 0.014 kWh at 0.315 = 0.00441
      chargingSession(family.id, '2026-02-20T08:00:00Z', { userId: driver.id, energyWh: 14 }),
      // Ends 00:30 on 1 March in Copenhagen (23:30 UTC on 28 February): March's, not February's.
      chargingSession(family.id, '2026-02-28T23:30:00Z', { userId: driver.id, energyWh: 40_000 }),
    ];
    expect((await ingest(t, key, late)).json()).toMatchObject({ accepted: 3 });

    const finance = await staff(['finance']);
    const closed = await closeMonthAs(t, finance, '2026-02');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      month: '2026-02',
      timeZone: 'Europe/Copenhagen',
      periodStart: '2026-01-31T23:00:00.000Z',
      periodEnd: '2026-02-28T23:00:00.000Z',
      closedNow: true,
      statementCount: 2,
    });

    const listed = await getAs(t, await as(owner), `/accounts/${family.id}/statements?month=2026-02`);
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items as { id: string; accountId: string; userId: string | null }[];
    const driverStatement = items.find((item) => item.userId === driver.id);
    const employeeStatement = items.find((item) => item.accountId === employee.id);
    // Exact: 3.00 + 0.2545 + 2.449755 + 0.00441 = 5.708665, rounded once: 5.71. Rounding each
    // session would have paid 3.00 + 0.25 + 2.45 + 0.00 = 5.70.
    expect(driverStatement).toEqual({
      id: expect.any(String),
      month: '2026-02',
      accountId: family.id,
      accountName: family.name,
      parentAccountId: null,
      userId: driver.id,
      userName: driver.name,
      reimbursementMode: 'automatic',
      energyKwh: '20.809',
      amountEur: '5.71',
      status: 'approved',
      sessionCount: 4,
      correctionCount: 0,
      createdAt: '2026-03-01T09:00:00.000Z',
      decidedAt: '2026-03-01T09:00:00.000Z',
      rejectionReason: null,
    });
    expect(employeeStatement).toMatchObject({
      userId: null,
      energyKwh: '10.000',
      amountEur: '3.00',
      status: 'approved',
      reimbursementMode: 'automatic',
    });

    const detail = await getAs(
      t,
      await as(owner),
      `/accounts/${family.id}/statements/${driverStatement?.id}`,
    );
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().amountExactEur).toBe('5.7086650');
    expect(
      detail
        .json()
        .lines.map((line: Record<string, unknown>) => [
          line.endedAt,
          line.rateEur,
          line.amountEur,
          line.kind,
        ]),
    ).toEqual([
      ['2026-01-31T23:15:00.000Z', '0.2500', '0.2545000', 'session'],
      ['2026-02-03T20:00:00.000Z', '0.2500', '3.0000000', 'session'],
      ['2026-02-16T08:00:00.000Z', '0.3150', '2.4497550', 'session'],
      ['2026-02-20T08:00:00.000Z', '0.3150', '0.0044100', 'session'],
    ]);

    // The driver sees their own statement and sessions, the non-private one and March's too.
    const mine = await getAs(t, await as(driver), '/me/statements');
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([driverStatement?.id]);
    const sessions = await getAs(t, await as(driver), '/me/charging-sessions?month=2026-02');
    expect(sessions.json().items).toHaveLength(4 + 1);
    const march = await getAs(t, await as(driver), '/me/charging-sessions?month=2026-03');
    expect(march.json().items).toEqual([
      expect.objectContaining({ month: '2026-03', energyKwh: '40.000', statementId: null, amountEur: null }),
    ]);
    const mineDetail = await getAs(t, await as(driver), `/me/statements/${driverStatement?.id}`);
    expect(mineDetail.json().lines).toHaveLength(4);
    expect((await getAs(t, await as(owner), `/me/statements/${driverStatement?.id}`)).statusCode).toBe(404);

    // Closing again makes nothing new.
    const again = await closeMonthAs(t, finance, '2026-02');
    expect(again.json()).toMatchObject({
      closedNow: false,
      statementCount: 2,
      closedAt: '2026-03-01T09:00:00.000Z',
    });
    const rows = await db.select().from(statements).where(eq(statements.month, '2026-02'));
    expect(rows).toHaveLength(2);
  });

  it('refuses to close a month that has not ended, and lets only admin and finance close', async () => {
    t.clock.set(new Date('2026-03-31T21:59:00Z'));
    const finance = await staff(['finance']);
    // 23:59 on 31 March in Copenhagen (summer time): March is not over.
    const early = await closeMonthAs(t, finance, '2026-03');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('month_not_over');
    expect((await closeMonthAs(t, finance, '2026-13')).statusCode).toBe(400);
    expect((await closeMonthAs(t, await staff(['customer_manager']), '2026-02')).statusCode).toBe(403);
    expect((await closeMonthAs(t, await staff(['support']), '2026-02')).statusCode).toBe(403);
    expect((await closeMonthAs(t, await staff(['admin']), '2026-02')).statusCode).toBe(200);
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'makes one set of statements when many close the same month at once (skipped on PGlite: one connection, no concurrency)',
    async () => {
      const db = t.database.db;
      const driver = await buildUser(db);
      const account = await buildAccount(db, { drivers: [{ user: driver, rateEur: '0.2000' }] });
      const subsidiary = await buildSubAccount(db, account, { usage: 'subsidiary', rateEur: '0.4000' });
      const { key } = await buildChargingKey(db);
      t.clock.set(new Date('2026-04-01T09:00:00Z'));
      await ingest(t, key, [
        chargingSession(account.id, '2026-03-10T10:00:00Z', { userId: driver.id }),
        chargingSession(subsidiary.id, '2026-03-11T10:00:00Z'),
      ]);
      const finance = await staff(['finance']);
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => closeMonthAs(t, finance, '2026-03')),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array(12).fill(200));
      expect(answers.filter((answer) => answer.json().closedNow)).toHaveLength(1);
      const made = await db.select().from(statements).where(eq(statements.month, '2026-03'));
      expect(made.filter((s) => s.accountId === account.id || s.accountId === subsidiary.id)).toHaveLength(2);
      const lines = await db.select().from(statementLines);
      expect(new Set(lines.map((line) => line.sessionId)).size).toBe(lines.length);
    },
  );

  it('closes the previous month by itself an hour after it ends in Copenhagen, once', async () => {
    const db = t.database.db;
    const driver = await buildUser(db);
    const account = await buildAccount(db, { drivers: [{ user: driver, rateEur: '0.2000' }] });
    const { key } = await buildChargingKey(db);
    t.clock.set(new Date('2026-04-30T21:00:00Z'));
    await ingest(t, key, [chargingSession(account.id, '2026-04-30T20:00:00Z', { userId: driver.id })]);
    // April ends at 22:00 UTC (midnight in Copenhagen, summer time); the job waits an hour.
    expect(await closeDueMonth(db, new Date('2026-04-30T22:30:00Z'))).toBeNull();
    const closed = await closeDueMonth(db, new Date('2026-04-30T23:00:00Z'));
    expect(closed).toMatchObject({ month: '2026-04', closedNow: true });
    expect(await closeDueMonth(db, new Date('2026-05-01T09:00:00Z'))).toBeNull();
    t.clock.set(new Date('2026-05-01T09:00:00Z'));
    const mine = await getAs(t, await as(driver), '/me/statements?month=2026-04');
    expect(mine.json().items).toEqual([expect.objectContaining({ amountEur: '2.00', status: 'approved' })]);
  });
});
