/** Roles a system user can hold, by the kind of organisation they belong to (SPEC §2). */
export const OPERATOR_ROLES = ['admin', 'customer_manager', 'finance', 'support'] as const;
export const WORKSHOP_ROLES = ['workshop_admin', 'service_advisor', 'technician'] as const;
export const STAFF_ROLES = [...OPERATOR_ROLES, ...WORKSHOP_ROLES] as const;

export type OperatorRole = (typeof OPERATOR_ROLES)[number];
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type OrganizationKind = 'operator' | 'workshop';

export const LANGUAGES = ['en', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];

export const INVITATION_KINDS = [
  'system_user',
  'customer',
  'end_user',
  'sub_account',
  'vehicle_primary',
  'vehicle_secondary',
] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** A person's view of an invitation in lists: `expired` is a pending one whose link ran out. */
export type InvitationState = 'pending' | 'expired' | 'active' | 'deactivated';
