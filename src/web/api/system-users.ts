import type { InvitationState, OrganizationKind, StaffRole } from '../../shared/roles.ts';
import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';

/** A system user in Users → System users: a member of an organisation, or a pending invitation. */
export interface SystemUser {
  id: string;
  /** Set once the person has an account; null while the invitation is pending. */
  userId: string | null;
  /** Set while the invitation is pending (or expired); null for members. */
  invitationId: string | null;
  email: string;
  name: string | null;
  organization: { id: string; name: string; kind: OrganizationKind };
  roles: StaffRole[];
  invitationStatus: InvitationState;
}

export interface SystemUserSearch {
  q?: string;
  cursor?: string;
  organizationId?: string;
}

export interface InviteSystemUserBody {
  email: string;
  organizationId: string;
  roles: StaffRole[];
}

export const SYSTEM_USERS_KEY = ['system-users'] as const;

export function fetchSystemUsers(search: SystemUserSearch): Promise<ListPage<SystemUser>> {
  return apiFetch(`/api/v1/admin/system-users${queryString({ ...search })}`);
}

export function inviteSystemUser(body: InviteSystemUserBody): Promise<{ invitationId: string }> {
  return apiFetch('/api/v1/admin/system-users', { method: 'POST', body });
}

export function changeSystemUserRoles(
  userId: string,
  body: { organizationId: string; roles: StaffRole[] },
): Promise<{ userId: string; organizationId: string; roles: StaffRole[] }> {
  return apiFetch(`/api/v1/admin/system-users/${encodeURIComponent(userId)}/roles`, { method: 'PUT', body });
}

/** Ends the person's sessions at once; they can no longer sign in. */
export function deactivateSystemUser(userId: string): Promise<void> {
  return apiFetch(`/api/v1/admin/system-users/${encodeURIComponent(userId)}/deactivate`, { method: 'POST' });
}
