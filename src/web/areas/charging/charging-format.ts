import type { Language } from '../../../shared/roles.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

/** Statement months are Copenhagen months, whatever the browser's zone (docs/decisions.md). */
export const STATEMENT_TIME_ZONE = 'Europe/Copenhagen';

// Intl formats a decimal string exactly (ES2023), so money never passes through a binary float.
type DecimalText = `${number}`;

/** An amount of euros as the language writes it: "€5.71", "5,71 €". */
export function formatEur(amount: string, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(
    amount as DecimalText,
  );
}

/**
 * A session's exact amount (seven decimals on the server), with the decimals that matter and at
 * least cents: "0.2500000" is "0.25", "1.2345678" stays whole. No currency sign: the column says EUR.
 */
export function formatExactEur(amount: string, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 7,
  }).format(amount as DecimalText);
}

/** Energy in kWh as the language writes it, to the Wh: "20.809", "1,234.5"; no unit. */
export function formatKwh(kwh: string, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 3 }).format(kwh as DecimalText);
}

/** A reimbursement rate in EUR per kWh with the decimals that matter: "0.25", "0,3125". */
export function formatRateNumber(rate: string, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(rate as DecimalText);
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a text is a month as the API writes it, `YYYY-MM`. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

function monthDate(month: string): Date {
  const [, year = '1970', number = '01'] = MONTH_PATTERN.exec(month) ?? [];
  return new Date(Date.UTC(Number(year), Number(number) - 1, 1));
}

/** A month in words: "February 2026", "februar 2026". */
export function formatMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(monthDate(month));
}

/** A month for a chart's axis: "Feb 26", "feb. 26". */
export function formatShortMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(monthDate(month));
}

/** The month an instant falls in, on Copenhagen's calendar. */
export function monthOf(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: STATEMENT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(instant);
  const year = parts.find((part) => part.type === 'year')?.value ?? '1970';
  const month = parts.find((part) => part.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

/** The month before, `2026-01` → `2025-12`. */
export function previousMonth(month: string): string {
  const date = monthDate(month);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month after, `2025-12` → `2026-01`. */
export function nextMonth(month: string): string {
  const date = monthDate(month);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `count` months ending with the one `now` is in, newest first: what a month filter offers. */
export function recentMonths(now: Date, count: number): string[] {
  const months = [monthOf(now)];
  while (months.length < count) months.push(previousMonth(months[months.length - 1] ?? monthOf(now)));
  return months;
}

/**
 * The exact sum of decimal strings ("5.71", "0.125"), as a decimal string with as many decimals
 * as the most precise one: totals are added in integers, never in binary floats.
 */
export function sumDecimals(values: string[]): string {
  const scale = Math.max(0, ...values.map((value) => value.split('.')[1]?.length ?? 0));
  let total = 0n;
  for (const value of values) {
    const isNegative = value.trim().startsWith('-');
    const [whole = '0', fraction = ''] = value.trim().replace(/^[-+]/, '').split('.');
    const units = BigInt(`${whole || '0'}${fraction.padEnd(scale, '0')}`);
    total += isNegative ? -units : units;
  }
  const isNegative = total < 0n;
  const digits = (isNegative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${isNegative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}
