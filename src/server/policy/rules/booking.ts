import { type StaffRole, WORKSHOP_ROLES } from '../../../shared/roles.ts';
import type { Permission } from '../permissions.ts';
import { ROLE_GRANTS } from '../roles.ts';
import { canOnVehicle, type VehicleTarget } from './vehicle.ts';

/** A booking as the vehicle-side rules need it: the actor's role on its vehicle, and whether they made it. */
export interface BookingTarget extends VehicleTarget {
  isBooker: boolean;
}

/**
 * Who on the vehicle's side answers the workshop's proposal for a booking, or cancels it: the
 * person who booked, and the primary user (the car's owner, told of every booking).
 */
export function mayAnswerBooking(booking: BookingTarget): boolean {
  return (
    canOnVehicle('vehicle.bookings.manage_any', booking) ||
    (booking.isBooker && canOnVehicle('vehicle.bookings.manage_own', booking))
  );
}

/** The workshop roles that hold a permission in their own workshop: for telling its staff. */
export function workshopRolesWith(permission: Permission): StaffRole[] {
  return WORKSHOP_ROLES.filter((role) => ROLE_GRANTS[role][permission] !== undefined);
}
