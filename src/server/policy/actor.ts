import type { Language, OrganizationKind, StaffRole } from '../../shared/roles.ts';

/** A signed-in person with every membership the policy rules need, loaded once per request. */
export interface Actor {
  user: { id: string; email: string; name: string; language: Language };
  sessionId: string;
  staff: StaffMembership[];
}

export interface StaffMembership {
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  roles: StaffRole[];
}
