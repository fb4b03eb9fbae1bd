import { stringify } from 'csv-stringify/sync';

/**
 * The statements export as RFC 4180 CSV (csv-stringify): comma-separated, CRLF line ends, quoted
 * where needed. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP's advice against CSV injection); numbers and decimal strings are
 * written as they are.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function defused(cell: CsvCell): string | number | null {
  if (typeof cell !== 'string') return cell;
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The header row and the rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((row) => row.map(defused))], {
    record_delimiter: 'windows',
    // A bare LF inside a field is a line break to most readers: quote it like CRLF.
    quoted_match: /[\r\n]/,
    cast: { number: (value) => String(value) },
  });
}
