import { describe, expect, it } from 'vitest';
import { formatRate, parseRate } from './rates.ts';

describe('reimbursement rates as typed and shown', () => {
  it('reads a point or a comma and keeps the digits exact', () => {
    expect(parseRate('0.25')).toEqual({ isValid: true, value: '0.25' });
    expect(parseRate(' 0,1234 ')).toEqual({ isValid: true, value: '0.1234' });
    expect(parseRate('3')).toEqual({ isValid: true, value: '3' });
    expect(parseRate('10')).toEqual({ isValid: true, value: '10' });
    expect(parseRate('10.0000')).toEqual({ isValid: true, value: '10.0000' });
  });

  it('refuses more than four decimals, more than 10 EUR, signs and words', () => {
    for (const text of ['0.12345', '10.0001', '11', '-1', '1e2', 'abc', '', '.5']) {
      expect(parseRate(text), text).toEqual({ isValid: false });
    }
  });

  it('shows two decimals at least, and the rest only when they matter', () => {
    expect(formatRate('0.2500', 'en')).toBe('0.25');
    expect(formatRate('0.1234', 'da')).toBe('0,1234');
    expect(formatRate('2.0000', 'en')).toBe('2.00');
    expect(formatRate('3', 'en')).toBe('3.00');
  });
});
