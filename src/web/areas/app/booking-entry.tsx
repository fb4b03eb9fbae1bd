import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Booking, fetchVehicleBookings, vehicleBookingsKey } from '../../api/bookings.ts';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { heldTime } from '../../components/booking-facts.tsx';
import { BookingStatusBadge } from '../../components/booking-status-badge.tsx';
import { formatAppointment } from '../../components/booking-time.ts';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { AppSection } from './app-section.tsx';

/** The booking that most needs a look: a proposal this person can answer, else the next one. */
export function bookingToShow(bookings: Booking[], now: Date): Booking | undefined {
  const toAnswer = bookings.find((booking) => booking.status === 'proposed' && booking.canAnswer);
  if (toAnswer) return toAnswer;
  return bookings
    .filter(
      (booking) =>
        (booking.status === 'requested' || booking.status === 'proposed' || booking.status === 'confirmed') &&
        new Date(heldTime(booking).end) > now,
    )
    .sort((a, b) => new Date(heldTime(a).start).getTime() - new Date(heldTime(b).start).getTime())[0];
}

/**
 * The status screen's way into service booking (the app's bar has no room for a fifth place):
 * the next appointment, or the workshop's proposal waiting for an answer, and "Book service".
 */
export function BookingEntry({ vehicle }: { vehicle: DriverVehicle }) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const plate = vehicle.registrationNumber;
  // The first page holds the latest appointments, which is where the coming ones are.
  const bookings = useQuery({
    queryKey: [...vehicleBookingsKey(vehicle.id), 'first'],
    queryFn: () => fetchVehicleBookings(vehicle.id),
  });
  const shown = bookings.data ? bookingToShow(bookings.data.items, new Date()) : undefined;
  const held = shown ? heldTime(shown) : undefined;

  return (
    <AppSection title={bt('entry.heading')}>
      {shown && held ? (
        <Stack gap={4} align="flex-start">
          <Group gap="xs" wrap="wrap">
            <BookingStatusBadge status={shown.status} />
            <Text fw={600}>
              {shown.status === 'proposed' && shown.canAnswer
                ? bt('entry.answerNeeded', {
                    workshop: shown.workshop.name,
                    time: formatAppointment(held.start, held.end, language),
                  })
                : bt('entry.next', { time: formatAppointment(held.start, held.end, language) })}
            </Text>
          </Group>
          <AnchorLink
            to="/app/vehicles/$vehicleId/bookings/$bookingId"
            params={{ vehicleId: vehicle.id, bookingId: shown.id }}
            underline="always"
          >
            {bt('entry.openNext')}
          </AnchorLink>
        </Stack>
      ) : bookings.isSuccess ? (
        <Text>{bt('entry.noneUpcoming')}</Text>
      ) : null}
      <Group gap="sm">
        <ButtonLink
          to="/app/vehicles/$vehicleId/bookings/new"
          params={{ vehicleId: vehicle.id }}
          aria-label={bt('entry.bookFor', { plate })}
        >
          {bt('entry.book')}
        </ButtonLink>
        <ButtonLink
          to="/app/vehicles/$vehicleId/bookings"
          params={{ vehicleId: vehicle.id }}
          variant="default"
          aria-label={bt('entry.listOf', { plate })}
        >
          {bt('entry.list')}
        </ButtonLink>
      </Group>
    </AppSection>
  );
}
