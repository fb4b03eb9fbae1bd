import { apiFetch } from './client.ts';

/** Sends a new activation link valid for 24 hours; the old link stops working at once. */
export function resendInvitation(invitationId: string): Promise<{ expiresAt: string }> {
  return apiFetch(`/api/v1/admin/invitations/${encodeURIComponent(invitationId)}/resend`, { method: 'POST' });
}

/** Withdraws a pending invitation: its link stops working. */
export function revokeInvitation(invitationId: string): Promise<void> {
  return apiFetch(`/api/v1/admin/invitations/${encodeURIComponent(invitationId)}`, { method: 'DELETE' });
}
