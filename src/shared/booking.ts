/** Where a booking stands (SPEC §7): asked for, agreed, refused, moved by the workshop, called off. */
export const BOOKING_STATUSES = ['requested', 'confirmed', 'declined', 'proposed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** What can happen to a booking; each is one line of its history. */
export const BOOKING_ACTIONS = [
  'requested',
  'confirmed',
  'declined',
  'proposed',
  'accepted',
  'rejected',
  'cancelled',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/** Which side of a booking made a change: a user of the vehicle, or the workshop's staff. */
export const BOOKING_SIDES = ['vehicle_user', 'workshop'] as const;
export type BookingSide = (typeof BOOKING_SIDES)[number];
