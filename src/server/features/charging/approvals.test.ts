import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
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
import { chargingSession, closeMonthAs, getAs, ingest, postAs, putAs } from './test-kit.ts';

describe('approving statements, immutability and corrections', () => {
  const t = useTestApp({ start: new Date('2026-03-01T09:00:00Z') });
  const as = async (user: { id: string }) => bearer(await signIn(t.database.db, user, t.clock.now()));

  async function setUp() {
    const db = t.database.db;
    const operator = await buildOperator(db);
    const people = {
      parentOwner: await buildUser(db),
      parentDriver: await buildUser(db),
      subsidiaryOwner: await buildUser(db),
      employeeOwner: await buildUser(db),
      stranger: await buildUser(db),
      finance: await buildStaff(db, operator, ['finance']),
      admin: await buildStaff(db, operator, ['admin']),
      support: await buildStaff(db, operator, ['support']),
      customerManager: await buildStaff(db, operator, ['customer_manager']),
    };
    const parent = await buildAccount(db, {
      name: 'Fleet Holding',
      owners: [people.parentOwner],
      drivers: [{ user: people.parentDriver, rateEur: '0.2000' }],
    });
    const subsidiary = await buildSubAccount(db, parent, {
      usage: 'subsidiary',
      rateEur: '0.3500',
      owners: [people.subsidiaryOwner],
      name: 'Fleet Daughter, "Nord"',
    });
    const employee = await buildSubAccount(db, parent, {
      usage: 'employee',
      rateEur: '0.3000',
      owners: [people.employeeOwner],
    });
    const { key } = await buildChargingKey(db);
    return { people, parent, subsidiary, employee, key };
  }

  it('approves employee statements at close; subsidiaries wait for their parent or finance', async () => {
    const { people, parent, subsidiary, employee, key } = await setUp();
    t.clock.set(new Date('2026-03-01T09:00:00Z'));
    await ingest(t, key, [
      chargingSession(subsidiary.id, '2026-02-10T10:00:00Z', {
        energyWh: 20_000,
        userId: people.subsidiaryOwner.id,
      }),
      chargingSession(employee.id, '2026-02-11T10:00:00Z', { energyWh: 20_000 }),
    ]);
    expect((await closeMonthAs(t, await as(people.finance), '2026-02')).statusCode).toBe(200);

    const listed = await getAs(
      t,
      await as(people.parentOwner),
      `/accounts/${parent.id}/statements?month=2026-02`,
    );
    const items = listed.json().items as {
      id: string;
      accountId: string;
      status: string;
      amountEur: string;
    }[];
    const subsidiaryStatement = items.find((item) => item.accountId === subsidiary.id);
    const employeeStatement = items.find((item) => item.accountId === employee.id);
    expect(subsidiaryStatement).toMatchObject({
      status: 'awaiting_approval',
      amountEur: '7.00',
      reimbursementMode: 'manual',
      decidedAt: null,
    });
    expect(employeeStatement).toMatchObject({
      status: 'approved',
      amountEur: '6.00',
      reimbursementMode: 'automatic',
    });
    const awaiting = await getAs(
      t,
      await as(people.parentOwner),
      `/accounts/${parent.id}/statements?status=awaiting_approval`,
    );
    expect(awaiting.json().items.map((item: { id: string }) => item.id)).toEqual([subsidiaryStatement?.id]);

    // Who sees what: the subsidiary's owner sees its own, not its parent's list.
    const ownView = await getAs(t, await as(people.subsidiaryOwner), `/accounts/${subsidiary.id}/statements`);
    expect(ownView.json().items.map((item: { id: string }) => item.id)).toEqual([subsidiaryStatement?.id]);
    expect(
      (await getAs(t, await as(people.subsidiaryOwner), `/accounts/${parent.id}/statements`)).statusCode,
    ).toBe(404);
    expect(
      (await getAs(t, await as(people.parentDriver), `/accounts/${parent.id}/statements`)).statusCode,
    ).toBe(404);
    expect((await getAs(t, await as(people.stranger), `/accounts/${parent.id}/statements`)).statusCode).toBe(
      404,
    );
    expect((await getAs(t, await as(people.support), `/accounts/${parent.id}/statements`)).statusCode).toBe(
      200,
    );
    // Support sees statements, but not the rates behind them.
    const supportDetail = await getAs(
      t,
      await as(people.support),
      `/accounts/${parent.id}/statements/${subsidiaryStatement?.id}`,
    );
    expect(supportDetail.json().lines[0]).not.toHaveProperty('rateEur');
    const ownerDetail = await getAs(
      t,
      await as(people.parentOwner),
      `/accounts/${parent.id}/statements/${subsidiaryStatement?.id}`,
    );
    expect(ownerDetail.json().lines[0]).toMatchObject({
      rateEur: '0.3500',
      amountEur: '7.0000000',
      kind: 'session',
    });

    // Who may approve: not the subsidiary itself, nor operator staff other than finance.
    const approveUrl = `/accounts/${parent.id}/statements/${subsidiaryStatement?.id}/approve`;
    const refusals = [
      // The subsidiary sees its own statement, but does not approve it.
      [people.subsidiaryOwner, 403],
      [people.parentDriver, 404],
      [people.stranger, 404],
      [people.support, 403],
      [people.admin, 403],
      [people.customerManager, 403],
      [people.employeeOwner, 404],
    ] as const;
    for (const [person, status] of refusals) {
      expect((await postAs(t, await as(person), approveUrl)).statusCode).toBe(status);
    }
    const ownApprove = await postAs(
      t,
      await as(people.subsidiaryOwner),
      `/accounts/${subsidiary.id}/statements/${subsidiaryStatement?.id}/approve`,
    );
    expect(ownApprove.statusCode).toBe(403);

    t.clock.set(new Date('2026-03-02T10:00:00Z'));
    const approved = await postAs(t, await as(people.parentOwner), approveUrl);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedAt: '2026-03-02T10:00:00.000Z',
      decidedBy: { id: people.parentOwner.id },
    });
    const twice = await postAs(t, await as(people.finance), approveUrl);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'statement_not_awaiting_approval', status: 'approved' });
    const rejectApproved = await postAs(
      t,
      await as(people.finance),
      approveUrl.replace('approve', 'reject'),
      {
        reason: 'too late',
      },
    );
    expect(rejectApproved.statusCode).toBe(409);
    // Employee statements were approved at close: nothing to decide.
    expect(
      (
        await postAs(
          t,
          await as(people.parentOwner),
          `/accounts/${parent.id}/statements/${employeeStatement?.id}/approve`,
        )
      ).statusCode,
    ).toBe(409);
  });

  it('lets operator finance reject with a reason, and the driver see only their own', async () => {
    const { people, parent, subsidiary, key } = await setUp();
    t.clock.set(new Date('2026-04-01T09:00:00Z'));
    await ingest(t, key, [
      chargingSession(subsidiary.id, '2026-03-10T10:00:00Z'),
      chargingSession(parent.id, '2026-03-12T10:00:00Z', { userId: people.parentDriver.id }),
    ]);
    expect((await closeMonthAs(t, await as(people.finance), '2026-03')).statusCode).toBe(200);
    const items = (
      await getAs(t, await as(people.finance), `/accounts/${parent.id}/statements?month=2026-03`)
    ).json().items as { id: string; accountId: string; userId: string | null }[];
    const subsidiaryStatement = items.find((item) => item.accountId === subsidiary.id);
    const rejectUrl = `/accounts/${parent.id}/statements/${subsidiaryStatement?.id}/reject`;
    const noReason = await postAs(t, await as(people.finance), rejectUrl, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const rejected = await postAs(t, await as(people.finance), rejectUrl, {
      reason: 'Charger CPH-1 is a company charger',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Charger CPH-1 is a company charger',
    });
    expect(
      (await postAs(t, await as(people.parentOwner), rejectUrl.replace('reject', 'approve'))).statusCode,
    ).toBe(409);

    const driverStatements = await getAs(t, await as(people.parentDriver), '/me/statements?month=2026-03');
    expect(driverStatements.json().items).toEqual([
      expect.objectContaining({ userId: people.parentDriver.id, amountEur: '2.00', status: 'approved' }),
    ]);
    expect(
      (await getAs(t, await as(people.parentDriver), `/me/statements/${subsidiaryStatement?.id}`)).statusCode,
    ).toBe(404);
  });

  it('never changes an approved statement: late sessions and rate changes land in a later statement', async () => {
    const { people, parent, employee, key } = await setUp();
    t.clock.set(new Date('2026-05-01T09:00:00Z'));
    await ingest(t, key, [chargingSession(employee.id, '2026-04-20T10:00:00Z', { energyWh: 10_000 })]);
    expect((await closeMonthAs(t, await as(people.finance), '2026-04')).statusCode).toBe(200);
    const before = (
      await getAs(t, await as(people.parentOwner), `/accounts/${employee.id}/statements?month=2026-04`)
    ).json().items;
    expect(before).toEqual([expect.objectContaining({ amountEur: '3.00', status: 'approved' })]);

    // A session of April arrives after April closed, and the rate changes in May.
    t.clock.set(new Date('2026-05-03T09:00:00Z'));
    await ingest(t, key, [chargingSession(employee.id, '2026-04-25T10:00:00Z', { energyWh: 5_000 })]);
    const manager = await as(people.customerManager);
    const backdated = await putAs(t, manager, `/admin/accounts/${employee.id}/reimbursement-rate`, {
      reimbursementRateEur: '0.5',
      effectiveFrom: '2026-04-30T12:00:00Z',
    });
    expect(backdated.statusCode).toBe(409);
    expect(backdated.json()).toMatchObject({ code: 'month_closed', closedUntil: '2026-04-30T22:00:00.000Z' });
    expect(
      (
        await putAs(t, manager, `/admin/accounts/${employee.id}/reimbursement-rate`, {
          reimbursementRateEur: '0.5',
        })
      ).statusCode,
    ).toBe(200);
    const after = (
      await getAs(t, await as(people.parentOwner), `/accounts/${employee.id}/statements?month=2026-04`)
    ).json().items;
    expect(after).toEqual(before);

    t.clock.set(new Date('2026-06-01T09:00:00Z'));
    await ingest(t, key, [chargingSession(employee.id, '2026-05-10T10:00:00Z', { energyWh: 10_000 })]);
    expect((await closeMonthAs(t, await as(people.finance), '2026-05')).statusCode).toBe(200);
    const may = (
      await getAs(t, await as(people.parentOwner), `/accounts/${employee.id}/statements?month=2026-05`)
    ).json().items;
    // May: 10 kWh at 0.50 = 5.00, and a correction for April's late 5 kWh at April's 0.30 = 1.50.
    expect(may).toEqual([
      expect.objectContaining({
        amountEur: '6.50',
        sessionCount: 1,
        correctionCount: 1,
        energyKwh: '15.000',
      }),
    ]);
    const detail = await getAs(
      t,
      await as(people.parentOwner),
      `/accounts/${parent.id}/statements/${may[0].id}`,
    );
    expect(
      detail
        .json()
        .lines.map((line: Record<string, string>) => [
          line.kind,
          line.sessionMonth,
          line.rateEur,
          line.amountEur,
        ]),
    ).toEqual([
      ['correction', '2026-04', '0.3000', '1.5000000'],
      ['session', '2026-05', '0.5000', '5.0000000'],
    ]);
    const april = (
      await getAs(t, await as(people.parentOwner), `/accounts/${employee.id}/statements?month=2026-04`)
    ).json().items;
    expect(april).toEqual(before);
  });

  it('lists every statement for finance by month and state, and exports them as CSV', async () => {
    const { people } = await setUp();
    const finance = await as(people.finance);
    t.clock.set(new Date('2026-06-01T10:00:00Z'));
    const listed = await getAs(t, finance, '/admin/statements?month=2026-02&status=awaiting_approval');
    expect(listed.statusCode).toBe(200);
    const all = await getAs(t, finance, '/admin/statements?month=2026-02');
    expect(all.json().items.length).toBeGreaterThan(listed.json().items.length);

    const exported = await getAs(t, finance, '/admin/statements/export.csv?month=2026-03');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="statements-2026-03.csv"');
    const [header, ...rows] = parse(exported.body, { record_delimiter: '\r\n' }) as string[][];
    expect(header).toEqual([
      'statement_id',
      'month',
      'account_id',
      'account_name',
      'parent_account_id',
      'user_id',
      'user_name',
      'user_email',
      'reimbursement_mode',
      'status',
      'energy_kwh',
      'amount_eur',
      'sessions',
      'corrections',
      'closed_at',
      'decided_at',
      'rejection_reason',
    ]);
    const march = (await getAs(t, finance, '/admin/statements?month=2026-03')).json().items as Record<
      string,
      unknown
    >[];
    expect(rows.map((row) => row[0]).sort()).toEqual(march.map((item) => item.id).sort());
    const rejected = rows.find((row) => row[9] === 'rejected');
    // The name with a comma and quotes survives the trip.
    expect(rejected?.slice(3, 4)).toEqual(['Fleet Daughter, "Nord"']);
    expect(rejected?.slice(8, 14)).toEqual(['manual', 'rejected', '10.000', '3.50', '1', '0']);
    expect(rejected?.[16]).toBe('Charger CPH-1 is a company charger');

    expect((await getAs(t, await as(people.support), '/admin/statements')).statusCode).toBe(403);
    expect(
      (await getAs(t, await as(people.customerManager), '/admin/statements/export.csv')).statusCode,
    ).toBe(403);
    expect((await getAs(t, await as(people.admin), '/admin/statements/export.csv')).statusCode).toBe(200);
    const months = await getAs(t, finance, '/admin/statements/months');
    expect(
      months.json().items.map((m: { month: string; statementCount: number }) => [m.month, m.statementCount]),
    ).toEqual([
      ['2026-05', 1],
      ['2026-04', 1],
      ['2026-03', 2],
      ['2026-02', 2],
    ]);
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'decides a statement once when many decide at the same moment (skipped on PGlite: one connection, no concurrency)',
    async () => {
      const { people, parent, subsidiary, key } = await setUp();
      t.clock.set(new Date('2026-07-01T09:00:00Z'));
      await ingest(t, key, [chargingSession(subsidiary.id, '2026-06-10T10:00:00Z')]);
      expect((await closeMonthAs(t, await as(people.finance), '2026-06')).statusCode).toBe(200);
      const [statement] = (
        await getAs(t, await as(people.parentOwner), `/accounts/${subsidiary.id}/statements`)
      ).json().items;
      const url = `/accounts/${parent.id}/statements/${statement.id}`;
      const owner = await as(people.parentOwner);
      const finance = await as(people.finance);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 ? postAs(t, owner, `${url}/approve`) : postAs(t, finance, `${url}/reject`, { reason: 'No' }),
        ),
      );
      const won = answers.filter((answer) => answer.statusCode === 200);
      expect(won).toHaveLength(1);
      expect(answers.filter((answer) => answer.statusCode === 409)).toHaveLength(9);
      const final = await getAs(t, owner, `/accounts/${parent.id}/statements/${statement.id}`);
      expect(final.json().status).toBe(won[0]?.json().status);
    },
  );
});
