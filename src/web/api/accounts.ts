import { apiFetch } from './client.ts';
import type { AccountType, AccountUsage, Customer } from './customers.ts';
import { type ListPage, queryString } from './lists.ts';

export interface AccountSummary {
  id: string;
  name: string;
  type: AccountType;
  /** Set on sub-accounts only. */
  usage: AccountUsage | null;
  parentAccountId: string | null;
}

export type ReimbursementMode = 'automatic' | 'manual';

export interface SubAccount extends AccountSummary {
  /** Absent for people who may not see rates. */
  reimbursementRateEur?: string | null;
  reimbursementMode: ReimbursementMode | null;
}

export interface CompanyDetails {
  name: string;
  registrationNumber: string;
  address: string;
  /** ISO 3166-1 alpha-2, e.g. DK. */
  country: string;
}

export interface AccountDetails extends SubAccount {
  company: CompanyDetails | null;
  members: Customer[];
  subAccounts: SubAccount[];
}

export interface AddSubAccountBody {
  usage: AccountUsage;
  name: string;
  email: string;
  type: AccountType;
  /** A decimal string, so the amount stays exact. */
  reimbursementRateEur: string;
}

export const ACCOUNTS_KEY = ['accounts'] as const;

export function fetchAccounts(search: { q?: string; cursor?: string }): Promise<ListPage<AccountSummary>> {
  return apiFetch(`/api/v1/admin/accounts${queryString({ ...search })}`);
}

export function fetchAccount(id: string): Promise<AccountDetails> {
  return apiFetch(`/api/v1/admin/accounts/${encodeURIComponent(id)}`);
}

export function addSubAccount(
  parentId: string,
  body: AddSubAccountBody,
): Promise<{ accountId: string; invitationId: string }> {
  return apiFetch(`/api/v1/admin/accounts/${encodeURIComponent(parentId)}/sub-accounts`, {
    method: 'POST',
    body,
  });
}
