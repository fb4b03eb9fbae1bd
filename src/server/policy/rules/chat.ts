import { STAFF_ROLES, type StaffRole } from '../../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { can } from '../authorize.ts';
import { ROLE_GRANTS } from '../roles.ts';
import { canOnVehicle, type SharingLevel, type VehicleRole } from './vehicle.ts';

/** How someone takes part in a vehicle's conversation; each message carries it (SPEC §7). */
export type ChatRole = VehicleRole | 'workshop';

export interface ConversationTarget {
  workshopId: string;
  sharingLevel: SharingLevel;
  /** The actor's role on the vehicle, or null when they are not one of its users. */
  vehicleRole: VehicleRole | null;
}

/**
 * Who takes part in a vehicle's conversation: its current users, and the staff of its own
 * workshop. Someone who is both speaks as the vehicle user they are.
 */
export function chatRoleOf(actor: Actor, conversation: ConversationTarget): ChatRole | null {
  const { vehicleRole, sharingLevel } = conversation;
  if (vehicleRole && canOnVehicle('vehicle.chat', { role: vehicleRole, sharingLevel })) return vehicleRole;
  if (can(actor, 'vehicle.chat', { organizationId: conversation.workshopId })) return 'workshop';
  return null;
}

/**
 * The staff roles that take part in their own workshop's conversations: whom the batched chat
 * mail goes to besides the vehicle's users.
 */
export const WORKSHOP_CHAT_ROLES: readonly StaffRole[] = STAFF_ROLES.filter(
  (role) => ROLE_GRANTS[role]['vehicle.chat'] === 'own',
);
