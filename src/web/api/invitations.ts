import type { InvitationKind, Language } from '../../shared/roles.ts';
import type { CompanyDetails } from './accounts.ts';
import { apiFetch } from './client.ts';
import type { SessionAnswer } from './session.ts';

/** `GET /invitations/:token`: what an activation link offers, read without using it up. */
export interface InvitationView {
  kind: InvitationKind;
  email: string;
  /** ISO date-time. */
  expiresAt: string;
  existingUser: boolean;
  needsCompanyDetails: boolean;
  invitedBy: { name: string } | null;
  /** What accepting grants, e.g. "join Nørre Auto as Technician", in each language. */
  description: Record<Language, string>;
}

export interface AcceptInvitationBody {
  name?: string;
  password?: string;
  language?: Language;
  /** Required when the invitation says `needsCompanyDetails` (a business account). */
  company?: CompanyDetails;
}

const invitationPath = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

export function fetchInvitation(token: string): Promise<InvitationView> {
  return apiFetch<InvitationView>(invitationPath(token));
}

export function acceptInvitation(token: string, body: AcceptInvitationBody): Promise<SessionAnswer> {
  return apiFetch<SessionAnswer>(`${invitationPath(token)}/accept`, { method: 'POST', body });
}
