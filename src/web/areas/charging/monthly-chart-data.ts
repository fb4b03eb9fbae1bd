import type { Statement } from '../../api/charging.ts';
import { nextMonth, sumDecimals } from './charging-format.ts';

/** Who a statement reimburses: a sub-account, or an end-user in an account. */
export interface ChartParty {
  key: string;
  label: string;
}

export interface ChartCell {
  energyKwh: string;
  amountEur: string;
}

export interface ChartMonth {
  /** `YYYY-MM`. */
  month: string;
  /** One per party, in the order of `parties`; null where the party has no statement that month. */
  cells: (ChartCell | null)[];
  totalKwh: string;
  totalEur: string;
}

export interface MonthlyChart {
  parties: ChartParty[];
  /** Oldest first, every month from the first to the last, gaps included. */
  months: ChartMonth[];
}

/** A statement's party: the same sub-account, or the same person in the same account. */
export function partyKey(statement: Pick<Statement, 'accountId' | 'userId'>): string {
  return statement.userId ? `${statement.accountId}:${statement.userId}` : statement.accountId;
}

/**
 * The figures of the monthly chart: energy and amounts per month and party, over the newest
 * `maxMonths` months. Rejected statements are left out: nothing is paid for them. A party has at
 * most one statement a month, so every cell is one statement's own exact figures; only the
 * month totals are added up (exactly).
 */
export function buildMonthlyChart(
  statements: Statement[],
  labelOf: (statement: Statement) => string,
  maxMonths = 12,
): MonthlyChart {
  const counted = statements.filter((statement) => statement.status !== 'rejected');
  const newest = counted.reduce<string | undefined>(
    (latest, statement) => (latest === undefined || statement.month > latest ? statement.month : latest),
    undefined,
  );
  if (newest === undefined) return { parties: [], months: [] };
  const oldest = counted.reduce(
    (earliest, statement) => (statement.month < earliest ? statement.month : earliest),
    newest,
  );

  const range: string[] = [];
  for (let month = oldest; month <= newest; month = nextMonth(month)) range.push(month);
  const shown = range.slice(-maxMonths);
  const first = shown[0] ?? newest;
  const inRange = counted.filter((statement) => statement.month >= first);

  const labels = new Map<string, string>();
  for (const statement of inRange) {
    if (!labels.has(partyKey(statement))) labels.set(partyKey(statement), labelOf(statement));
  }
  const parties = [...labels.entries()]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));

  const byMonthAndParty = new Map<string, Statement>();
  for (const statement of inRange)
    byMonthAndParty.set(`${statement.month}|${partyKey(statement)}`, statement);

  const months = shown.map((month) => {
    const cells = parties.map((party) => {
      const statement = byMonthAndParty.get(`${month}|${party.key}`);
      return statement ? { energyKwh: statement.energyKwh, amountEur: statement.amountEur } : null;
    });
    const present = cells.filter((cell) => cell !== null);
    return {
      month,
      cells,
      totalKwh: sumDecimals(present.map((cell) => cell.energyKwh)),
      totalEur: sumDecimals(present.map((cell) => cell.amountEur)),
    };
  });
  return { parties, months };
}

/**
 * A round top for a chart's axis at or above `max`, and the ticks up to it: 1, 2, 2.5 or 5
 * times a power of ten, in three to five steps.
 */
export function niceScale(max: number): { top: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const roughStep = max / 5;
  const power = 10 ** Math.floor(Math.log10(roughStep));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= roughStep);
  const size = step ?? 10 * power;
  const top = Math.ceil(max / size - 1e-9) * size;
  const ticks: number[] = [];
  for (let index = 0; index * size <= top + size / 1e6; index++)
    ticks.push(Number((index * size).toPrecision(12)));
  return { top, ticks };
}
