import type { Me } from '../api/session.ts';

/** The three areas of the web app, in the order a person with several of them meets them. */
export const AREAS = [
  { path: '/admin', label: 'nav.admin' },
  { path: '/workshop', label: 'nav.workshop' },
  { path: '/app', label: 'nav.app' },
] as const;

export type Area = (typeof AREAS)[number];
export type AreaPath = Area['path'];

/**
 * The areas a person's memberships open: operator staff the admin portal, workshop staff the
 * workshop portal, and account or vehicle users the driver app. Someone with no membership at all
 * still gets the driver app, where a later invitation to a car will show up. The server checks
 * every request on its own; this only decides what the interface offers.
 */
export function allowedAreas(me: Me): Area[] {
  const isOperatorStaff = me.staff.some((membership) => membership.organizationKind === 'operator');
  const isWorkshopStaff = me.staff.some((membership) => membership.organizationKind === 'workshop');
  const usesCars = me.accounts.length > 0 || me.vehicles.length > 0 || me.staff.length === 0;
  return AREAS.filter(
    (area) =>
      (area.path === '/admin' && isOperatorStaff) ||
      (area.path === '/workshop' && isWorkshopStaff) ||
      (area.path === '/app' && usesCars),
  );
}

/** Where a person lands after signing in when nothing asked for another page. */
export function homeAreaPath(me: Me): AreaPath {
  return allowedAreas(me)[0]?.path ?? '/app';
}

/** The area a page path belongs to, if any. */
export function areaOfPath(pathname: string): Area | undefined {
  return AREAS.find((area) => pathname === area.path || pathname.startsWith(`${area.path}/`));
}
