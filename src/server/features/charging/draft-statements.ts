import { type StatementTotals, sessionAmount, statementTotals } from './money.ts';
import { type Month, monthOf } from './months.ts';

/** A private session not yet on any statement, with the rate in force when it ended. */
export interface ReimbursableSession {
  sessionId: string;
  accountId: string;
  userId: string | null;
  endedAt: Date;
  energyWh: number;
  rateEur: string;
  /** Whether the session's account is a sub-account (then the sub-account is reimbursed). */
  isSubAccount: boolean;
  usage: 'employee' | 'subsidiary' | null;
}

export interface DraftLine {
  sessionId: string;
  kind: 'session' | 'correction';
  sessionMonth: Month;
  energyWh: number;
  rateEur: string;
  amountEur: string;
}

export interface DraftStatement extends StatementTotals {
  accountId: string;
  userId: string | null;
  status: 'approved' | 'awaiting_approval';
  lines: DraftLine[];
  sessionCount: number;
  correctionCount: number;
}

/**
 * Who a session reimburses (SPEC §9): a sub-account's sessions the sub-account, at its rate; an
 * end-user's sessions in a (top-level) account that end-user, at the rate agreed with them.
 */
export function partyOf(session: ReimbursableSession): { accountId: string; userId: string | null } | null {
  if (session.isSubAccount) return { accountId: session.accountId, userId: null };
  return session.userId ? { accountId: session.accountId, userId: session.userId } : null;
}

/**
 * Subsidiaries are reimbursed manually (their parent's owners or operator finance approve);
 * employee sub-accounts, and end-users at the rate their account agreed with them, automatically.
 */
export function initialStatus(session: ReimbursableSession): 'approved' | 'awaiting_approval' {
  return session.isSubAccount && session.usage === 'subsidiary' ? 'awaiting_approval' : 'approved';
}

/**
 * The statements closing `month` makes, one per reimbursed party: its sessions that ended in the
 * month, plus correction lines for sessions of earlier months that were not on a statement yet
 * (they arrived after their month was closed). Sessions ending after the month wait for theirs.
 * Amounts are exact per line; the statement is rounded to cents once.
 */
export function draftStatements(
  month: Month,
  sessions: readonly ReimbursableSession[],
  timeZone?: string,
): DraftStatement[] {
  const byParty = new Map<string, { session: ReimbursableSession; lines: DraftLine[] }>();
  const ordered = [...sessions].sort(
    (a, b) => a.endedAt.getTime() - b.endedAt.getTime() || a.sessionId.localeCompare(b.sessionId),
  );
  for (const session of ordered) {
    const party = partyOf(session);
    if (!party) continue;
    const sessionMonth = monthOf(session.endedAt, timeZone);
    if (sessionMonth > month) continue;
    const key = `${party.accountId}/${party.userId ?? ''}`;
    const entry = byParty.get(key) ?? { session, lines: [] };
    entry.lines.push({
      sessionId: session.sessionId,
      kind: sessionMonth === month ? 'session' : 'correction',
      sessionMonth,
      energyWh: session.energyWh,
      rateEur: session.rateEur,
      amountEur: sessionAmount(session.energyWh, session.rateEur),
    });
    byParty.set(key, entry);
  }
  return [...byParty.values()].map(({ session, lines }) => {
    const party = partyOf(session) ?? { accountId: session.accountId, userId: null };
    return {
      ...party,
      status: initialStatus(session),
      lines,
      sessionCount: lines.filter((line) => line.kind === 'session').length,
      correctionCount: lines.filter((line) => line.kind === 'correction').length,
      ...statementTotals(lines),
    };
  });
}
