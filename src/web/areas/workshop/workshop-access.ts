import type { Me, StaffMembership } from '../../api/session.ts';

/** The search part of the workshop portal's vehicle addresses: which workshop is meant. */
export interface WorkshopSearch {
  /** A workshop id; the person's first workshop when missing or not theirs. */
  workshop?: string;
}

/** Keeps only a string `workshop`; the key is always returned, as the router wants. */
export function parseWorkshopSearch(search: Record<string, unknown>): WorkshopSearch {
  return { workshop: typeof search.workshop === 'string' ? search.workshop : undefined };
}

/** The workshops this person works at, in the order `GET /me` lists them. */
export function workshopMemberships(me: Me): StaffMembership[] {
  return me.staff.filter((membership) => membership.organizationKind === 'workshop');
}

/** The workshop an address names, if the person works there; else their first workshop. */
export function chooseWorkshop(me: Me, workshopId: string | undefined): StaffMembership | undefined {
  const memberships = workshopMemberships(me);
  return memberships.find((membership) => membership.organizationId === workshopId) ?? memberships[0];
}

/** What the vehicle pages let a person do (SPEC §2: technicians only read, and chat). */
export type VehicleAction =
  | 'vehicle.create'
  | 'vehicle.primary.invite'
  | 'vehicle.primary.remove'
  | 'vehicle.chat';

/**
 * Whether to offer an action. `GET /me` lists permissions without saying where they reach, so
 * someone who is a service advisor at one workshop and a technician at another is offered the
 * buttons at both; the server refuses at the second (403), and the page says so.
 */
export function canDo(me: Me, action: VehicleAction): boolean {
  return me.permissions.includes(action);
}
