import { notFound } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { type ChatRole, chatRoleOf } from '../../policy/rules/chat.ts';
import type { VehicleAccess } from '../vehicle-users/member-vehicle.ts';

export interface Conversation {
  vehicleId: string;
  workshopId: string;
  myRole: ChatRole;
}

/**
 * A vehicle's conversation as the actor takes part in it, from the in-process vehicle cache.
 * Anyone who does not take part gets 404: even the conversation's existence stays hidden.
 */
export async function loadConversation(
  access: VehicleAccess,
  actor: Actor,
  vehicleId: string,
): Promise<Conversation> {
  const found = await access.find(vehicleId);
  if (!found) throw notFound();
  const myRole = chatRoleOf(actor, {
    workshopId: found.vehicle.workshopId,
    sharingLevel: found.vehicle.sharingLevel,
    vehicleRole: found.roles.get(actor.user.id) ?? null,
  });
  if (!myRole) throw notFound();
  return { vehicleId, workshopId: found.vehicle.workshopId, myRole };
}
