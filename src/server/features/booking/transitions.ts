import type { BookingAction, BookingSide, BookingStatus } from '../../../shared/booking.ts';

const HOUR_MS = 60 * 60 * 1000;

export type WorkshopChange = 'confirm' | 'decline' | 'propose';
export type BookerChange = 'accept' | 'reject' | 'cancel';

interface Transition {
  /** The statuses this change can be made from. */
  from: readonly BookingStatus[];
  to: BookingStatus;
  /** How the change is written in the history. */
  recorded: BookingAction;
  side: BookingSide;
}

/**
 * The booking's state machine (SPEC §7). The workshop answers a request, and may decline or move
 * a booking it has confirmed; the vehicle side accepts or rejects a proposal (a rejected proposal
 * ends the booking: the time asked for is what the workshop could not do) and cancels.
 */
export const TRANSITIONS: Record<WorkshopChange | BookerChange, Transition> = {
  confirm: { from: ['requested'], to: 'confirmed', recorded: 'confirmed', side: 'workshop' },
  decline: {
    from: ['requested', 'proposed', 'confirmed'],
    to: 'declined',
    recorded: 'declined',
    side: 'workshop',
  },
  propose: {
    from: ['requested', 'proposed', 'confirmed'],
    to: 'proposed',
    recorded: 'proposed',
    side: 'workshop',
  },
  accept: { from: ['proposed'], to: 'confirmed', recorded: 'accepted', side: 'vehicle_user' },
  reject: { from: ['proposed'], to: 'cancelled', recorded: 'rejected', side: 'vehicle_user' },
  cancel: {
    from: ['requested', 'proposed', 'confirmed'],
    to: 'cancelled',
    recorded: 'cancelled',
    side: 'vehicle_user',
  },
};

/** The statuses in which a booking holds a bay. */
export const HOLDING_STATUSES = ['requested', 'confirmed', 'proposed'] as const satisfies BookingStatus[];

export interface BookingTimes {
  status: BookingStatus;
  startAt: Date;
  proposedStartAt: Date | null;
}

/**
 * Until when the vehicle side may cancel: a confirmed booking until the workshop's cut-off before
 * it starts (the bay is planned for it); a request or proposal, which nothing was agreed on yet,
 * until the time it holds begins. Null when the booking is already over.
 */
export function cancellableUntil(booking: BookingTimes, cutoffHours: number): Date | null {
  if (booking.status === 'confirmed') return new Date(booking.startAt.getTime() - cutoffHours * HOUR_MS);
  if (booking.status === 'requested') return booking.startAt;
  if (booking.status === 'proposed') return booking.proposedStartAt;
  return null;
}
