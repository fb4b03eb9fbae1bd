import type { Permission } from '../permissions.ts';

export type VehicleRole = 'primary' | 'secondary';
export type SharingLevel = 'shared' | 'limited';

/** A vehicle as the rules need it: who the actor is to it, and what its primary shares. */
export interface VehicleTarget {
  /** The actor's role on this vehicle, or null when they are not one of its users. */
  role: VehicleRole | null;
  sharingLevel: SharingLevel;
  /** For a trip: whether it is assigned to the actor. */
  isAssignee?: boolean;
}

/**
 * `always` for any vehicle user of that role; `when_shared` only at sharing level `shared`;
 * `when_shared_or_assigned` also at `limited` for the users a trip is assigned to.
 */
type VehicleGrant = 'always' | 'when_shared' | 'when_shared_or_assigned';

/**
 * What each vehicle role may do (SPEC §5 and §6). Limited sharing hides the live position from
 * everyone, the primary included.
 */
export const VEHICLE_ROLE_GRANTS: Record<VehicleRole, Partial<Record<Permission, VehicleGrant>>> = {
  primary: {
    'vehicle.status.read': 'always',
    'vehicle.position.read': 'when_shared',
    'vehicle.users.read': 'always',
    'vehicle.users.emails.read': 'always',
    'vehicle.users.invite': 'always',
    'vehicle.users.remove': 'always',
    'vehicle.sharing.manage': 'always',
    'vehicle.trips.read': 'always',
    'vehicle.trips.locations.read': 'when_shared_or_assigned',
    'vehicle.trips.assign_self': 'always',
    'vehicle.trips.assign_any': 'always',
    'vehicle.chat': 'always',
    'vehicle.bookings.read': 'always',
    'vehicle.bookings.create': 'always',
    'vehicle.bookings.manage_own': 'always',
    'vehicle.bookings.manage_any': 'always',
  },
  secondary: {
    'vehicle.status.read': 'always',
    'vehicle.position.read': 'when_shared',
    'vehicle.users.read': 'always',
    'vehicle.trips.read': 'always',
    'vehicle.trips.locations.read': 'when_shared_or_assigned',
    'vehicle.trips.assign_self': 'always',
    'vehicle.chat': 'always',
    'vehicle.bookings.read': 'always',
    'vehicle.bookings.create': 'always',
    'vehicle.bookings.manage_own': 'always',
  },
};

/** The permissions only a vehicle's own users can hold: routes check them on the loaded vehicle. */
export const VEHICLE_USER_PERMISSIONS = new Set<Permission>(
  Object.values(VEHICLE_ROLE_GRANTS).flatMap((grants) => Object.keys(grants) as Permission[]),
);

/** Whether a vehicle user may do this to the vehicle. Pure: the caller loads role and level. */
export function canOnVehicle(permission: Permission, vehicle: VehicleTarget): boolean {
  if (!vehicle.role) return false;
  const grant = VEHICLE_ROLE_GRANTS[vehicle.role][permission];
  if (!grant) return false;
  if (grant === 'always' || vehicle.sharingLevel === 'shared') return true;
  return grant === 'when_shared_or_assigned' && vehicle.isAssignee === true;
}
