import type { Me } from '../api/session.ts';

/** The permissions the web app shapes its pages by (the server's catalogue has more). */
export type PermissionName =
  | 'staff.read'
  | 'staff.invite'
  | 'staff.manage'
  | 'workshop.read'
  | 'workshop.create'
  | 'workshop.manage'
  | 'customer.read'
  | 'customer.manage'
  | 'account.read'
  | 'account.rates.read'
  | 'account.rates.manage'
  | 'charging.keys.manage'
  | 'statement.read'
  | 'statement.export'
  | 'statement.close'
  | 'statement.approve'
  | 'mail.read';

/**
 * Whether `GET /me` says the person holds a permission somewhere. It decides which buttons and
 * pages are offered; the server still checks every request, and for the organisation it is about.
 */
export function hasPermission(me: Me, permission: PermissionName): boolean {
  return me.permissions.includes(permission);
}
