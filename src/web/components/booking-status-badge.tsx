import { Badge } from '@mantine/core';
import type { BookingStatus } from '../api/bookings.ts';
import { useBookingTexts } from './use-booking-texts.ts';

/**
 * Each status's colour, dark enough for small white text (4.5:1). The word carries the meaning;
 * the colour only helps scanning a list or the workshop's calendar.
 */
export const BOOKING_STATUS_COLORS: Record<BookingStatus, string> = {
  requested: 'var(--mantine-color-blue-8)',
  proposed: '#a63c06',
  confirmed: '#1b5e20',
  declined: 'var(--mantine-color-red-8)',
  cancelled: 'var(--mantine-color-gray-7)',
};

/** A booking's status as a badge: Requested, New time proposed, Confirmed, Declined, Cancelled. */
export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  const bt = useBookingTexts();
  return (
    <Badge
      color={BOOKING_STATUS_COLORS[status]}
      variant="filled"
      radius="sm"
      tt="none"
      fz="sm"
      miw="max-content"
    >
      {bt(`status.${status}`)}
    </Badge>
  );
}
