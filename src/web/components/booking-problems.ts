import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { type ProblemWords, problemMessage } from './problem-messages.ts';
import type { BookingT } from './use-booking-texts.ts';

/** Why a time could not be booked, for the booking form; undefined for any other failure. */
export function slotProblem(error: unknown, bt: BookingT, workshop: string): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'slot_unavailable') return undefined;
  switch (error.problem.reason) {
    case 'full':
      return bt('problems.slotFull');
    case 'past':
      return bt('problems.slotPast');
    case 'no_hours':
      return bt('problems.slotNoHours', { workshop });
    default:
      return bt('problems.slotNotASlot');
  }
}

/** Whether the answer says the booking is no longer as the page showed it: read it again. */
export function isStaleBooking(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'booking_status_conflict' || error.code === 'cancellation_too_late')
  );
}

/** A sentence for a failed change to a booking from the driver app. */
export function driverBookingProblem(error: unknown, t: TFunction, bt: BookingT): string {
  const words: ProblemWords = {
    booking_status_conflict: bt('problems.statusConflict'),
    cancellation_too_late: bt('problems.tooLate'),
    forbidden: bt('problems.onlyBookerOrPrimary'),
    not_found: bt('problems.goneMeanwhile'),
  };
  return problemMessage(error, t, words);
}

/** A sentence for a failed change to a booking from the workshop portal. */
export function workshopBookingProblem(error: unknown, t: TFunction, bt: BookingT): string {
  if (error instanceof ApiError && error.code === 'slot_unavailable') {
    return error.problem.reason === 'past' ? bt('problems.proposePast') : bt('problems.proposeFull');
  }
  const words: ProblemWords = {
    booking_status_conflict: bt('problems.statusConflict'),
    not_found: bt('problems.goneMeanwhile'),
  };
  return problemMessage(error, t, words);
}
