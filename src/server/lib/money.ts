import Decimal from 'decimal.js';
import { z } from 'zod';

/** The highest reimbursement rate accepted, in EUR per kWh: far above any real tariff. */
export const MAX_RATE_EUR = new Decimal(10);

/**
 * A reimbursement rate in EUR (per kWh): a JSON number or decimal string, 0 to 10, at most four
 * decimals, kept as an exact decimal string and never as a binary float.
 */
export const RateEur = z
  .union([z.number(), z.string().trim()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a number from 0 to 10 with at most 4 decimals'))
  .refine((value) => new Decimal(value).lte(MAX_RATE_EUR), 'must be at most 10 EUR')
  .transform((value) => new Decimal(value).toFixed(4));
