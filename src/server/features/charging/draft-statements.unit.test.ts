import { describe, expect, it } from 'vitest';
import { draftStatements, type ReimbursableSession } from './draft-statements.ts';

const EMPLOYEE = 'aaaaaaaa-0000-4000-8000-000000000001';
const SUBSIDIARY = 'aaaaaaaa-0000-4000-8000-000000000002';
const FAMILY = 'aaaaaaaa-0000-4000-8000-000000000003';
const DRIVER = 'bbbbbbbb-0000-4000-8000-000000000001';
let counter = 0;

function session(overrides: Partial<ReimbursableSession>): ReimbursableSession {
  return {
    sessionId: `cccccccc-0000-4000-8000-${String(counter++).padStart(12, '0')}`,
    accountId: EMPLOYEE,
    userId: null,
    endedAt: new Date('2026-02-10T12:00:00Z'),
    energyWh: 10_000,
    rateEur: '0.2500',
    isSubAccount: true,
    usage: 'employee',
    ...overrides,
  };
}

describe("drafting a month's statements", () => {
  it('makes one statement per party: sub-accounts, and end-users in their account', () => {
    const drafts = draftStatements('2026-02', [
      session({}),
      session({ userId: DRIVER }),
      session({ accountId: SUBSIDIARY, usage: 'subsidiary' }),
      session({ accountId: FAMILY, userId: DRIVER, isSubAccount: false, usage: null, rateEur: '0.1000' }),
    ]);
    expect(drafts.map((d) => [d.accountId, d.userId, d.status, d.amountEur, d.sessionCount])).toEqual([
      [EMPLOYEE, null, 'approved', '5.00', 2],
      [SUBSIDIARY, null, 'awaiting_approval', '2.50', 1],
      [FAMILY, DRIVER, 'approved', '1.00', 1],
    ]);
  });

  it('reimburses nobody for an account session without a user', () => {
    expect(
      draftStatements('2026-02', [session({ accountId: FAMILY, isSubAccount: false, usage: null })]),
    ).toEqual([]);
  });

  it('counts a session by its end in Copenhagen, and makes earlier months corrections', () => {
    const drafts = draftStatements('2026-02', [
      // Ends 00:30 on 1 February in Copenhagen: February, though still January in UTC.
      session({ endedAt: new Date('2026-01-31T23:30:00Z') }),
      session({ endedAt: new Date('2026-01-31T22:30:00Z'), energyWh: 2_000 }),
      // Ends 00:30 on 1 March in Copenhagen: not this month's.
      session({ endedAt: new Date('2026-02-28T23:30:00Z') }),
    ]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.lines.map((line) => [line.kind, line.sessionMonth, line.amountEur])).toEqual([
      ['correction', '2026-01', '0.5000000'],
      ['session', '2026-02', '2.5000000'],
    ]);
    expect(drafts[0]).toMatchObject({
      sessionCount: 1,
      correctionCount: 1,
      amountEur: '3.00',
      energyWh: 12_000,
    });
  });
});
