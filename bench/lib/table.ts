import { type Figure, holds, ratioOf, type Target } from './figure.ts';

/** A row as printed; a benchmark that failed to run gets a row too, so nothing goes missing. */
export type Row = { kind: 'figure'; figure: Figure } | { kind: 'error'; benchmark: string };

const HEADERS = ['figure', 'subject', 'reference', 'ratio', 'target', 'holds'] as const;

/** Renders the one results table, with aligned columns and numbers right-aligned. */
export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map(toCells);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  const isNumeric = (column: number) => column >= 1 && column <= 3;
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return isNumeric(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(HEADERS), rule, ...cells.map(line)].join('\n');
}

/** Whether a row counts as passing: its figure holds (a failed benchmark never does). */
export function rowHolds(row: Row): boolean {
  return row.kind === 'figure' && holds(row.figure);
}

function toCells(row: Row): string[] {
  if (row.kind === 'error') return [row.benchmark, 'error', '–', '–', '–', 'no'];
  const { figure } = row;
  const ratio = ratioOf(figure);
  return [
    figure.figure,
    formatQuantity(figure.subject.value, figure.subject.unit),
    figure.reference ? formatQuantity(figure.reference.value, figure.reference.unit) : '–',
    ratio === undefined ? '–' : ratio.toFixed(2),
    // A figure without a target (a p50 shown next to its p99) is informational.
    figure.targets.length === 0 ? '–' : figure.targets.map(formatTarget).join(' and '),
    figure.targets.length === 0 ? '–' : holds(figure) ? 'yes' : 'no',
  ];
}

function formatQuantity(value: number, unit: string): string {
  // Large rates read best whole; small latencies need their decimals.
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function formatTarget(target: Target): string {
  const sign = target.comparison === 'at-least' ? '≥' : '≤';
  return target.kind === 'ratio' ? `${sign} ${target.bound} ×` : `${sign} ${target.bound} ${target.unit}`;
}
