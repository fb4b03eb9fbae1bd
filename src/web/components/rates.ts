import type { Language } from '../../shared/roles.ts';

/** The highest rate the server accepts, in EUR per kWh (SPEC §9: far above any real tariff). */
const MAX_RATE = 10;

export type RateInput = { isValid: true; value: string } | { isValid: false };

/**
 * Reads a typed reimbursement rate: 0 to 10 EUR with at most four decimals, written with a
 * point or (as Danes do) a comma. The result is a decimal string, so the amount sent stays
 * exactly what was typed instead of passing through a binary float.
 */
export function parseRate(text: string): RateInput {
  const match = /^(\d{1,2})(?:[.,](\d{1,4}))?$/.exec(text.trim());
  if (!match) return { isValid: false };
  const [, whole = '0', fraction = ''] = match;
  const value = fraction ? `${Number(whole)}.${fraction}` : String(Number(whole));
  // Comparing digits, not floats: anything above 10 has a whole part above 10, or is 10.x with x > 0.
  const isTooHigh = Number(whole) > MAX_RATE || (Number(whole) === MAX_RATE && /[1-9]/.test(fraction));
  return isTooHigh ? { isValid: false } : { isValid: true, value };
}

/**
 * A rate as people of the language write it, with at least two decimals and the rest only when
 * they matter: "0.25", "0.1234"; in Danish "0,25".
 */
export function formatRate(value: string, language: Language): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `${whole}${language === 'da' ? ',' : '.'}${trimmed}`;
}
