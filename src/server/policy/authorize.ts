import { forbidden } from '../lib/errors.ts';
import type { Actor } from './actor.ts';
import { isPermission, type Permission } from './permissions.ts';
import { ROLE_GRANTS } from './roles.ts';

/** What a permission is asked about: for staff permissions, the organisation concerned. */
export interface OrganizationTarget {
  organizationId: string;
}

/**
 * Whether the actor holds the permission for the target; without a target, whether they hold
 * it anywhere (used to gate a route before its target is loaded). Pure: no database access.
 */
export function can(actor: Actor, permission: Permission, target?: OrganizationTarget): boolean {
  if (!isPermission(permission)) return false;
  return actor.staff.some((membership) =>
    membership.roles.some((role) => {
      const scope = ROLE_GRANTS[role]?.[permission];
      if (!scope) return false;
      return scope === 'any' || !target || target.organizationId === membership.organizationId;
    }),
  );
}

/** Throws 403 `forbidden` unless `can` allows. */
export function authorize(actor: Actor, permission: Permission, target?: OrganizationTarget): void {
  if (!can(actor, permission, target)) throw forbidden();
}

/**
 * The organisations in which the actor holds the permission, or `any` when one of their roles
 * reaches every organisation: lists filter by this in SQL, never after loading.
 */
export function organizationsWhere(actor: Actor, permission: Permission): 'any' | string[] {
  const ids = new Set<string>();
  for (const membership of actor.staff) {
    for (const role of membership.roles) {
      const scope = ROLE_GRANTS[role]?.[permission];
      if (scope === 'any') return 'any';
      if (scope === 'own') ids.add(membership.organizationId);
    }
  }
  return [...ids];
}
