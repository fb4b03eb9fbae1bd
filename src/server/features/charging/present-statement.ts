import { kwhOf } from './money.ts';
import type { StatementRow, statementLinesOf } from './queries.ts';

/** Subsidiaries' statements are approved by hand; everyone else's at close (SPEC §4, §9). */
function modeOf(row: StatementRow): 'automatic' | 'manual' {
  return row.parentAccountId && row.usage === 'subsidiary' ? 'manual' : 'automatic';
}

/** A statement in a list: the §11 fields and what a page needs to show it. */
export function presentStatement(row: StatementRow) {
  return {
    id: row.id,
    month: row.month,
    accountId: row.accountId,
    accountName: row.accountName,
    parentAccountId: row.parentAccountId,
    userId: row.userId,
    userName: row.userName,
    reimbursementMode: modeOf(row),
    energyKwh: kwhOf(row.energyWh),
    amountEur: row.amountEur,
    status: row.status,
    sessionCount: row.sessionCount,
    correctionCount: row.correctionCount,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    rejectionReason: row.rejectionReason,
  };
}

type LineRow = Awaited<ReturnType<typeof statementLinesOf>>[number];

/**
 * A statement with the sessions behind it. Rates are shown to those who may see rates and to the
 * statement's own people; otherwise the field is absent (as on accounts).
 */
export function presentStatementDetail(row: StatementRow, lines: LineRow[], showRates: boolean) {
  return {
    ...presentStatement(row),
    amountExactEur: row.amountExactEur,
    decidedBy: row.decidedById ? { id: row.decidedById, name: row.decidedByName ?? '' } : null,
    lines: lines.map(({ rateEur, ...line }) => ({
      ...line,
      energyKwh: kwhOf(line.energyWh),
      ...(showRates ? { rateEur } : {}),
    })),
  };
}
