import type { Database } from '../../db/client.ts';
import { accountMemberships, accounts, reimbursementRates } from '../../db/schema/index.ts';
import { insertChargingKey } from '../charging/charging-keys.ts';
import { closeMonth } from '../charging/close-month.ts';
import { ingestChargingSessions } from '../charging/ingest-sessions.ts';
import { monthOf, monthStart, previousMonth } from '../charging/months.ts';
import type { ChargingSessionInput } from '../charging/schemas.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Charging reimbursement to look at: the demo driver owns "Demo Fleet" (an employee and a
 * subsidiary sub-account), the demo friend drives for it at an agreed rate; last month's sessions
 * are closed into statements (the subsidiary's awaiting the owner's approval), and this month has
 * a session still open.
 */
export async function seedChargingDemo(
  db: Database,
  people: { ownerId: string; driverId: string },
  now: Date,
) {
  const lastMonth = previousMonth(monthOf(now));
  const since = monthStart(previousMonth(lastMonth));
  const [fleet] = await db
    .insert(accounts)
    .values({ name: 'Demo Fleet', type: 'consumer', createdAt: since })
    .returning({ id: accounts.id });
  if (!fleet) return;
  const subAccounts = await db
    .insert(accounts)
    .values(
      [
        { name: 'Demo Fleet Sales', usage: 'employee' as const, reimbursementRateEur: '0.3000' },
        { name: 'Demo Fleet Nord ApS', usage: 'subsidiary' as const, reimbursementRateEur: '0.3500' },
      ].map((sub) => ({ ...sub, type: 'consumer' as const, parentAccountId: fleet.id, createdAt: since })),
    )
    .returning({ id: accounts.id, rate: accounts.reimbursementRateEur });
  await db.insert(accountMemberships).values([
    { accountId: fleet.id, userId: people.ownerId, role: 'account_owner', createdAt: since },
    {
      accountId: fleet.id,
      userId: people.driverId,
      role: 'driver',
      reimbursementRateEur: '0.2500',
      createdAt: since,
    },
  ]);
  await db.insert(reimbursementRates).values([
    {
      accountId: fleet.id,
      userId: people.driverId,
      rateEur: '0.2500',
      effectiveFrom: since,
      createdAt: since,
    },
    ...subAccounts.map((sub) => ({
      accountId: sub.id,
      rateEur: sub.rate,
      effectiveFrom: since,
      createdAt: since,
    })),
  ]);
  const [employee, subsidiary] = subAccounts;
  if (!employee || !subsidiary) return;

  const start = monthStart(lastMonth).getTime();
  const session = (
    id: string,
    accountId: string,
    dayAndHour: [number, number],
    energyWh: number,
    extra: Partial<ChargingSessionInput> = {},
  ): ChargingSessionInput => {
    const endedAt = start + (dayAndHour[0] - 1) * 24 * HOUR_MS + dayAndHour[1] * HOUR_MS;
    return {
      id,
      accountId,
      chargerId: 'DEMO-HOME-1',
      private: true,
      startedAt: new Date(endedAt - 3 * HOUR_MS).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      energyWh,
      ...extra,
    };
  };
  const sessions = [
    session('demo-1', fleet.id, [3, 21], 18_420, { userId: people.driverId }),
    session('demo-2', fleet.id, [9, 20], 22_075, { userId: people.driverId }),
    session('demo-3', fleet.id, [14, 12], 35_900, {
      userId: people.driverId,
      private: false,
      chargerId: 'DEMO-OFFICE',
    }),
    session('demo-4', fleet.id, [22, 23], 9_512, { userId: people.driverId }),
    session('demo-5', employee.id, [5, 19], 27_333),
    session('demo-6', employee.id, [18, 22], 14_001),
    session('demo-7', subsidiary.id, [7, 18], 41_250),
    session('demo-8', subsidiary.id, [25, 6], 30_777),
  ];
  const key = await insertChargingKey(db, { name: 'Demo charging back end', createdByUserId: null, now });
  await ingestChargingSessions(db, key.id, sessions, now);
  await closeMonth(db, null, lastMonth, now);
  // One session of this month, not on a statement yet.
  const thisMonthEnd = now.getTime() - 2 * HOUR_MS;
  if (thisMonthEnd >= monthStart(monthOf(now)).getTime()) {
    await ingestChargingSessions(
      db,
      key.id,
      [
        {
          id: 'demo-9',
          accountId: fleet.id,
          userId: people.driverId,
          chargerId: 'DEMO-HOME-1',
          private: true,
          startedAt: new Date(thisMonthEnd - HOUR_MS).toISOString(),
          endedAt: new Date(thisMonthEnd).toISOString(),
          energyWh: 7_350,
        },
      ],
      now,
    );
  }
}
