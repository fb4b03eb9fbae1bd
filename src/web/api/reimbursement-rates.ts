import { ACCOUNTS_KEY } from './accounts.ts';
import { apiFetch } from './client.ts';

/** A sub-account's own rate (`userId` null) or the one agreed with an end-user, and its history. */
export interface RateHistory {
  accountId: string;
  userId: string | null;
  /** EUR per kWh in force now, as a decimal string; null when none is. */
  reimbursementRateEur: string | null;
  /** Newest first by when each took effect. */
  history: {
    /** Null: reimbursement stopped from then on. */
    rateEur: string | null;
    effectiveFrom: string;
    setBy: { id: string; name: string } | null;
    createdAt: string;
  }[];
}

export interface RateChange {
  /** A decimal string, so the amount stays exact; null stops an end-user's reimbursement. */
  reimbursementRateEur: string | null;
  /** ISO date-time; now when left out. Never in the future, never in a closed month. */
  effectiveFrom?: string;
}

/** Whose rate: a sub-account's own, or an end-user's in an account. */
export interface RateSubject {
  accountId: string;
  userId: string | null;
}

export const rateHistoryKey = (subject: RateSubject) =>
  [...ACCOUNTS_KEY, 'rates', subject.accountId, subject.userId ?? 'account'] as const;

function ratePath({ accountId, userId }: RateSubject): string {
  const account = `/api/v1/admin/accounts/${encodeURIComponent(accountId)}`;
  return userId === null ? account : `${account}/members/${encodeURIComponent(userId)}`;
}

export function fetchRateHistory(subject: RateSubject): Promise<RateHistory> {
  return apiFetch(`${ratePath(subject)}/reimbursement-rates`);
}

export function changeRate(subject: RateSubject, body: RateChange): Promise<RateHistory> {
  return apiFetch(`${ratePath(subject)}/reimbursement-rate`, { method: 'PUT', body });
}
