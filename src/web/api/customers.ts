import type { InvitationState } from '../../shared/roles.ts';
import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';

export type AccountRole = 'account_owner' | 'driver';
export type AccountType = 'business' | 'consumer';
export type AccountUsage = 'employee' | 'subsidiary';

/** A person in Users → Customers: a member of an account, or a pending invitation to one. */
export interface Customer {
  id: string;
  userId: string | null;
  invitationId: string | null;
  email: string;
  name: string | null;
  /** The name is empty until an invited client activates, when it is taken from them. */
  account: { id: string; name: string };
  role: AccountRole;
  invitationStatus: InvitationState;
  /**
   * EUR per kWh as an exact decimal string. The server leaves the field out entirely for people
   * who may not see rates, which is different from null (no rate agreed).
   */
  reimbursementRateEur?: string | null;
}

export interface InviteClientBody {
  email: string;
  accountName?: string;
  type: AccountType;
}

export interface AddEndUserBody {
  email: string;
  role: AccountRole;
  accountId: string;
  /** A decimal string, so the amount stays exact. */
  reimbursementRateEur?: string;
}

export const CUSTOMERS_KEY = ['customers'] as const;

export function fetchCustomers(search: { q?: string; cursor?: string }): Promise<ListPage<Customer>> {
  return apiFetch(`/api/v1/admin/customers${queryString({ ...search })}`);
}

/** "Invite client": a new account whose first owner is the invitee. */
export function inviteClient(body: InviteClientBody): Promise<{ accountId: string; invitationId: string }> {
  return apiFetch('/api/v1/admin/customers', { method: 'POST', body });
}

/** "Add end-user": a driver or account owner of an existing account. */
export function addEndUser(body: AddEndUserBody): Promise<{ invitationId: string }> {
  return apiFetch('/api/v1/admin/end-users', { method: 'POST', body });
}
