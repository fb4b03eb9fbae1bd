import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for reimbursement, never binary floats. Precision is far above what
 * a statement needs (Wh × EUR/kWh with four decimals has at most seven), so nothing here rounds
 * except `roundToCents`.
 */
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/** Decimals kept for an exact amount: Wh (whole) × rate (4 decimals) / 1000. */
export const EXACT_DECIMALS = 7;

/** What one session is worth, exactly: its energy in kWh times the rate in EUR per kWh. */
export function sessionAmount(energyWh: number, rateEur: string): string {
  return new Exact(energyWh).times(rateEur).dividedBy(1000).toFixed(EXACT_DECIMALS);
}

/**
 * Rounds to cents, half up (half away from zero): 0.005 → 0.01. Done once per statement, on the
 * exact sum, never per session.
 */
export function roundToCents(amount: string): string {
  return new Exact(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Wh as kWh with three decimals, exactly ("1234.567"). */
export function kwhOf(energyWh: number | string): string {
  return new Exact(energyWh).dividedBy(1000).toFixed(3);
}

export interface StatementTotals {
  energyWh: number;
  /** The exact sum of the lines' amounts. */
  amountExactEur: string;
  /** The exact sum rounded to cents, once. */
  amountEur: string;
}

/** A statement's totals from its lines' exact amounts. */
export function statementTotals(lines: readonly { energyWh: number; amountEur: string }[]): StatementTotals {
  let energyWh = 0;
  let exact = new Exact(0);
  for (const line of lines) {
    energyWh += line.energyWh;
    exact = exact.plus(line.amountEur);
  }
  const amountExactEur = exact.toFixed(EXACT_DECIMALS);
  return { energyWh, amountExactEur, amountEur: roundToCents(amountExactEur) };
}
