import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kwhOf, roundToCents, sessionAmount, statementTotals } from './money.ts';

const rates = fc
  .integer({ min: 0, max: 100_000 })
  .map((tenThousandths) => new Decimal(tenThousandths).dividedBy(10_000).toFixed(4));
const energies = fc.integer({ min: 0, max: 1_000_000 });

describe('reimbursement money', () => {
  it('prices a session exactly: kWh times EUR per kWh, no float error', () => {
    expect(sessionAmount(12_345, '0.2500')).toBe('3.0862500');
    // 0.1 + 0.2 style trouble in floats: 7.3 kWh at 0.3 EUR is exactly 2.19.
    expect(sessionAmount(7_300, '0.3000')).toBe('2.1900000');
    expect(sessionAmount(1, '0.0001')).toBe('0.0000001');
  });

  it('rounds half up to cents, once', () => {
    expect(roundToCents('0.0050000')).toBe('0.01');
    expect(roundToCents('0.0049999')).toBe('0.00');
    expect(roundToCents('2.3450000')).toBe('2.35');
    expect(roundToCents('2.3350000')).toBe('2.34');
  });

  it('sums exactly and rounds the sum, not the lines', () => {
    // Three lines of 0.004 EUR: rounded one by one they would be 0.00; together they are 0.01.
    const lines = [1, 2, 3].map(() => ({ energyWh: 16, amountEur: sessionAmount(16, '0.2500') }));
    expect(statementTotals(lines)).toEqual({ energyWh: 48, amountExactEur: '0.0120000', amountEur: '0.01' });
  });

  it('makes the statement total the sum of the exact amounts rounded to cents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(energies, rates), { maxLength: 200 }), (sessions) => {
        const lines = sessions.map(([energyWh, rate]) => ({
          energyWh,
          amountEur: sessionAmount(energyWh, rate),
        }));
        const totals = statementTotals(lines);
        const exact = sessions.reduce(
          (sum, [energyWh, rate]) => sum.plus(new Decimal(energyWh).times(rate).dividedBy(1000)),
          new Decimal(0),
        );
        expect(new Decimal(totals.amountExactEur).equals(exact)).toBe(true);
        expect(totals.amountEur).toBe(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
        // One rounding: never more than half a cent from the exact sum.
        expect(new Decimal(totals.amountEur).minus(exact).abs().lte('0.005')).toBe(true);
        expect(totals.energyWh).toBe(sessions.reduce((sum, [energyWh]) => sum + energyWh, 0));
      }),
    );
  });

  it('writes kWh with three exact decimals', () => {
    expect(kwhOf(1_234_567)).toBe('1234.567');
    expect(kwhOf(5)).toBe('0.005');
  });
});
