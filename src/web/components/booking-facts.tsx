import { Text } from '@mantine/core';
import type { Language } from '../../shared/roles.ts';
import type { BookedServiceType, Booking } from '../api/bookings.ts';
import { formatAppointment, zoneLabel } from './booking-time.ts';
import type { DetailsItem } from './details-list.tsx';
import { formatDuration, formatKilometres, formatList } from './format.ts';
import type { BookingT } from './use-booking-texts.ts';

/** "Oil change (1 hr) and Tyres (30 mins)", or "Not specified". */
export function serviceSummary(types: BookedServiceType[], bt: BookingT, language: Language): string {
  if (types.length === 0) return bt('facts.noServices');
  return formatList(
    types.map((type) =>
      bt('facts.service', { name: type.name, duration: formatDuration(type.durationMinutes * 60, language) }),
    ),
    language,
  );
}

/** Text a person typed, with its line breaks. */
function FreeText({ text }: { text: string }) {
  return (
    <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
}

/**
 * The facts both sides show about a booking: its time (and, while proposed, the new time), the
 * workshop's zone, the services, mileage, note and who booked it. A declined booking says why.
 */
export function bookingFacts(booking: Booking, bt: BookingT, language: Language): DetailsItem[] {
  return [
    ...(booking.status === 'proposed' && booking.proposedStart && booking.proposedEnd
      ? [
          {
            label: bt('facts.proposedTime'),
            value: formatAppointment(booking.proposedStart, booking.proposedEnd, language),
          },
          { label: bt('facts.askedTime'), value: formatAppointment(booking.start, booking.end, language) },
        ]
      : [{ label: bt('facts.time'), value: formatAppointment(booking.start, booking.end, language) }]),
    { label: bt('facts.timeZone'), value: zoneLabel(booking.workshop.timeZone) },
    { label: bt('facts.services'), value: serviceSummary(booking.serviceTypes, bt, language) },
    {
      label: bt('facts.mileage'),
      value:
        booking.mileageKm === null ? bt('facts.notGiven') : formatKilometres(booking.mileageKm, language),
    },
    {
      label: bt('facts.note'),
      value: booking.note ? <FreeText text={booking.note} /> : bt('facts.notGiven'),
    },
    { label: bt('facts.bookedBy'), value: booking.booker.name },
    ...(booking.status === 'declined' && booking.declineReason
      ? [{ label: bt('facts.declineReason'), value: <FreeText text={booking.declineReason} /> }]
      : []),
  ];
}

/** The time a booking holds a bay: the proposed one while there is one. */
export function heldTime(booking: Booking): { start: string; end: string } {
  return booking.status === 'proposed' && booking.proposedStart && booking.proposedEnd
    ? { start: booking.proposedStart, end: booking.proposedEnd }
    : { start: booking.start, end: booking.end };
}
