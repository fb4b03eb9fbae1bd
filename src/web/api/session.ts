import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Language, OrganizationKind, StaffRole } from '../../shared/roles.ts';
import { ApiError, apiFetch } from './client.ts';

/** A person as the API shows them to themselves. */
export interface User {
  id: string;
  email: string;
  name: string;
  language: Language;
}

export interface StaffMembership {
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  roles: StaffRole[];
}

/** `GET /me`: the signed-in person and every membership that decides where they may go. */
export interface Me {
  user: User;
  staff: StaffMembership[];
  accounts: { accountId: string; role: string }[];
  vehicles: { vehicleId: string; role: string }[];
  permissions: string[];
}

/** What login, accepting an invitation and a password reset answer; the cookie is set as well. */
export interface SessionAnswer {
  user: User;
  token: string;
}

export const ME_QUERY_KEY = ['me'] as const;

/**
 * The signed-in person, or null when nobody is: being signed out is an ordinary state of the app,
 * not an error, so a 401 resolves to null and every other failure still rejects.
 */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiFetch<Me>('/api/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQuery = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: fetchMe,
  // Memberships change rarely and every sign-in, sign-out and acceptance refreshes this at once.
  staleTime: 60_000,
});

/** The signed-in person (`data` is null when signed out). */
export function useMe() {
  return useQuery(meQuery);
}

export function logIn(body: { email: string; password: string }): Promise<SessionAnswer> {
  return apiFetch<SessionAnswer>('/api/v1/auth/login', { method: 'POST', body });
}

export function logOut(): Promise<void> {
  return apiFetch<void>('/api/v1/auth/logout', { method: 'POST' });
}

export function updateMe(body: { language?: Language; name?: string }): Promise<User> {
  return apiFetch<User>('/api/v1/me', { method: 'PATCH', body });
}
