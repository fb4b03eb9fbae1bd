import { describe, expect, it } from 'vitest';
import type { Statement } from '../../api/charging.ts';
import { buildMonthlyChart, niceScale } from './monthly-chart-data.ts';

let counter = 0;
function statement(overrides: Partial<Statement>): Statement {
  counter += 1;
  return {
    id: `s${counter}`,
    month: '2026-02',
    accountId: 'sub',
    accountName: 'Sub',
    parentAccountId: 'parent',
    userId: null,
    userName: null,
    reimbursementMode: 'automatic',
    energyKwh: '10',
    amountEur: '3.00',
    status: 'approved',
    sessionCount: 1,
    correctionCount: 0,
    createdAt: '2026-03-01T00:00:00Z',
    decidedAt: null,
    rejectionReason: null,
    ...overrides,
  };
}

const label = (item: Statement) =>
  item.userName ? `${item.userName} (${item.accountName})` : item.accountName;

describe('buildMonthlyChart', () => {
  it('gives a cell per month and party, gaps included, and exact month totals', () => {
    const chart = buildMonthlyChart(
      [
        statement({
          month: '2026-02',
          accountId: 'a',
          accountName: 'Nord',
          amountEur: '5.71',
          energyKwh: '20.809',
        }),
        statement({
          month: '2026-02',
          accountId: 'p',
          accountName: 'Fleet',
          userId: 'u',
          userName: 'Frede',
          amountEur: '0.10',
          energyKwh: '0.2',
        }),
        statement({
          month: '2025-12',
          accountId: 'a',
          accountName: 'Nord',
          amountEur: '1.00',
          energyKwh: '3',
        }),
      ],
      label,
    );
    expect(chart.parties.map((party) => party.label)).toEqual(['Frede (Fleet)', 'Nord']);
    expect(chart.months.map((month) => month.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(chart.months[1]?.cells).toEqual([null, null]);
    expect(chart.months[1]?.totalEur).toBe('0');
    expect(chart.months[2]).toMatchObject({ totalEur: '5.81', totalKwh: '21.009' });
    expect(chart.months[2]?.cells).toEqual([
      { energyKwh: '0.2', amountEur: '0.10' },
      { energyKwh: '20.809', amountEur: '5.71' },
    ]);
  });

  it('leaves out rejected statements, which are not paid', () => {
    const chart = buildMonthlyChart(
      [statement({ status: 'rejected' }), statement({ month: '2026-01', status: 'awaiting_approval' })],
      label,
    );
    expect(chart.months.map((month) => month.month)).toEqual(['2026-01']);
  });

  it('keeps the newest months only', () => {
    const chart = buildMonthlyChart(
      [statement({ month: '2024-01' }), statement({ month: '2026-02' })],
      label,
      12,
    );
    expect(chart.months).toHaveLength(12);
    expect(chart.months[0]?.month).toBe('2025-03');
    expect(chart.parties).toHaveLength(1);
  });

  it('is empty without statements', () => {
    expect(buildMonthlyChart([], label)).toEqual({ parties: [], months: [] });
  });
});

describe('niceScale', () => {
  it('rounds the top up to a round number with even ticks', () => {
    expect(niceScale(21.009)).toEqual({ top: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(niceScale(5.81)).toEqual({ top: 6, ticks: [0, 2, 4, 6] });
    expect(niceScale(100)).toEqual({ top: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(0).top).toBe(1);
  });
});
