import type { Me } from '../../api/session.ts';
import type { OrganizationChoice } from '../staff/add-system-user-dialog.tsx';

/**
 * The workshops whose staff this person manages from the workshop portal. `GET /me` lists
 * permissions without saying where they reach, so the interface picks the workshops where the
 * person is a workshop admin (the role that holds staff.invite for its own workshop, SPEC §2).
 * The server checks the workshop on every request regardless.
 */
export function managedWorkshops(me: Me): OrganizationChoice[] {
  return me.staff
    .filter(
      (membership) =>
        membership.organizationKind === 'workshop' && membership.roles.includes('workshop_admin'),
    )
    .map((membership) => ({
      id: membership.organizationId,
      name: membership.organizationName,
      kind: 'workshop',
    }));
}
