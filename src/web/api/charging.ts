import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';

export const STATEMENT_STATUSES = ['awaiting_approval', 'approved', 'rejected'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export function isStatementStatus(value: unknown): value is StatementStatus {
  return typeof value === 'string' && (STATEMENT_STATUSES as readonly string[]).includes(value);
}

/**
 * One month's reimbursement of one party: a sub-account (`userId` null) or an end-user of an
 * account. Money and energy are exact decimal strings ("12.35" EUR, "20.809" kWh).
 */
export interface Statement {
  id: string;
  /** `YYYY-MM`, a Copenhagen month. */
  month: string;
  /** The reimbursed account: the sub-account, or the account the end-user belongs to. */
  accountId: string;
  accountName: string;
  parentAccountId: string | null;
  userId: string | null;
  userName: string | null;
  /** `manual`: a subsidiary's statement, which waits for approval. */
  reimbursementMode: 'automatic' | 'manual';
  energyKwh: string;
  /** EUR, rounded to cents once for the statement. */
  amountEur: string;
  status: StatementStatus;
  sessionCount: number;
  correctionCount: number;
  /** ISO date-time: when the month was closed into this statement. */
  createdAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
}

/** A session behind a statement; `correction` for one of an earlier, closed month that came late. */
export interface StatementLine {
  sessionId: string;
  externalId: string;
  chargerId: string;
  userId: string | null;
  startedAt: string;
  endedAt: string;
  kind: 'session' | 'correction';
  sessionMonth: string;
  energyWh: number;
  energyKwh: string;
  /** EUR per kWh in force when the session ended; absent for those who may not see rates. */
  rateEur?: string;
  /** The session's exact amount in EUR (seven decimals, not rounded). */
  amountEur: string;
}

export interface StatementDetail extends Statement {
  /** The exact sum of the lines before the one rounding. */
  amountExactEur: string;
  decidedBy: { id: string; name: string } | null;
  lines: StatementLine[];
}

export interface ChargingSession {
  id: string;
  externalId: string;
  accountId: string;
  accountName: string;
  userId: string | null;
  chargerId: string;
  /** Only private sessions are reimbursed. */
  private: boolean;
  startedAt: string;
  endedAt: string;
  /** The month it counts in (by its end, in Copenhagen). */
  month: string;
  energyWh: number;
  energyKwh: string;
  /** The statement it was reimbursed on, once its month is closed; null before, or if not reimbursed. */
  statementId: string | null;
  amountEur: string | null;
}

/** A month closed into statements. */
export interface ClosedMonth {
  month: string;
  timeZone: string;
  periodStart: string;
  periodEnd: string;
  closedAt: string;
  closedByUserId: string | null;
  statementCount: number;
}

export interface CloseMonthAnswer {
  month: string;
  closedAt: string;
  /** False when the month was already closed: nothing was made this time. */
  closedNow: boolean;
  statementCount: number;
}

export interface StatementFilter {
  month?: string | undefined;
  status?: StatementStatus | undefined;
}

export const CHARGING_KEY = ['charging'] as const;
export const statementsKey = (scope: string) => [...CHARGING_KEY, 'statements', scope] as const;
export const sessionsKey = (scope: string) => [...CHARGING_KEY, 'sessions', scope] as const;
export const CLOSED_MONTHS_KEY = [...CHARGING_KEY, 'months'] as const;

const accountPath = (accountId: string) => `/api/v1/accounts/${encodeURIComponent(accountId)}`;
const statementPath = (accountId: string, statementId: string) =>
  `${accountPath(accountId)}/statements/${encodeURIComponent(statementId)}`;

/** The account's and its sub-accounts' statements, newest month first. */
export function fetchAccountStatements(
  accountId: string,
  filter: StatementFilter & { cursor?: string | undefined },
): Promise<ListPage<Statement>> {
  return apiFetch(`${accountPath(accountId)}/statements${queryString({ ...filter })}`);
}

export function fetchAccountStatement(accountId: string, statementId: string): Promise<StatementDetail> {
  return apiFetch(statementPath(accountId, statementId));
}

/** The account's and its sub-accounts' charging sessions, newest first. */
export function fetchAccountSessions(
  accountId: string,
  filter: { month?: string | undefined; cursor?: string | undefined },
): Promise<ListPage<ChargingSession>> {
  return apiFetch(`${accountPath(accountId)}/charging-sessions${queryString({ ...filter })}`);
}

/**
 * Approves a subsidiary's statement awaiting approval (the parent account's owners, operator
 * finance). `accountId` is any account whose statements include it: its own or its parent.
 */
export function approveStatement(accountId: string, statementId: string): Promise<StatementDetail> {
  return apiFetch(`${statementPath(accountId, statementId)}/approve`, { method: 'POST' });
}

export function rejectStatement(
  accountId: string,
  statementId: string,
  reason: string,
): Promise<StatementDetail> {
  return apiFetch(`${statementPath(accountId, statementId)}/reject`, { method: 'POST', body: { reason } });
}

/** My own statements, as an end-user reimbursed at an agreed rate. */
export function fetchMyStatements(
  filter: StatementFilter & { cursor?: string | undefined },
): Promise<ListPage<Statement>> {
  return apiFetch(`/api/v1/me/statements${queryString({ ...filter })}`);
}

export function fetchMyStatement(statementId: string): Promise<StatementDetail> {
  return apiFetch(`/api/v1/me/statements/${encodeURIComponent(statementId)}`);
}

/** My own charging sessions, newest first. */
export function fetchMySessions(filter: {
  month?: string | undefined;
  cursor?: string | undefined;
}): Promise<ListPage<ChargingSession>> {
  return apiFetch(`/api/v1/me/charging-sessions${queryString({ ...filter })}`);
}

/** Every account's statements (operator admin and finance). */
export function fetchAllStatements(
  filter: StatementFilter & { accountId?: string | undefined; cursor?: string | undefined },
): Promise<ListPage<Statement>> {
  return apiFetch(`/api/v1/admin/statements${queryString({ ...filter })}`);
}

/**
 * Where the CSV of the statements a filter selects is downloaded: a plain link, so the browser
 * saves the file (the session cookie goes along).
 */
export function statementsExportUrl(filter: StatementFilter & { accountId?: string | undefined }): string {
  return `/api/v1/admin/statements/export.csv${queryString({ ...filter })}`;
}

export function fetchClosedMonths(): Promise<ListPage<ClosedMonth>> {
  return apiFetch('/api/v1/admin/statements/months');
}

/** Closes a month into statements; safe to repeat (`closedNow` is then false). */
export function closeMonth(month: string): Promise<CloseMonthAnswer> {
  return apiFetch('/api/v1/admin/statements/close', { method: 'POST', body: { month } });
}
