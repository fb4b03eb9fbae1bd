import { Card, Group, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { type Booking, fetchVehicleBookings, vehicleBookingListKey } from '../../api/bookings.ts';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { serviceSummary } from '../../components/booking-facts.tsx';
import { BookingStatusBadge } from '../../components/booking-status-badge.tsx';
import { formatAppointment } from '../../components/booking-time.ts';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAppTexts } from './use-app-texts.ts';
import { VehicleGate } from './vehicle-gate.tsx';

function BookingCard({ vehicleId, booking }: { vehicleId: string; booking: Booking }) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  return (
    <Card component="li" withBorder padding="sm" radius="md">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" align="flex-start" wrap="wrap">
          <AnchorLink
            to="/app/vehicles/$vehicleId/bookings/$bookingId"
            params={{ vehicleId, bookingId: booking.id }}
            fw={700}
            underline="always"
          >
            {formatAppointment(booking.start, booking.end, language)}
          </AnchorLink>
          <BookingStatusBadge status={booking.status} />
        </Group>
        {booking.status === 'proposed' && booking.proposedStart && booking.proposedEnd ? (
          <Text size="sm" fw={600}>
            {bt('list.proposal', {
              time: formatAppointment(booking.proposedStart, booking.proposedEnd, language),
            })}
          </Text>
        ) : null}
        <Text size="sm">{serviceSummary(booking.serviceTypes, bt, language)}</Text>
        <Text size="sm" c="dimmed">
          {bt('list.bookedBy', { name: booking.booker.name })}
        </Text>
      </Stack>
    </Card>
  );
}

function BookingsView({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const bt = useBookingTexts();
  const plate = vehicle.registrationNumber;
  const query = usePagedList(vehicleBookingListKey(vehicle.id), (cursor) =>
    fetchVehicleBookings(vehicle.id, cursor),
  );
  return (
    <Page
      title={bt('list.title')}
      actions={
        <ButtonLink to="/app/vehicles/$vehicleId/bookings/new" params={{ vehicleId: vehicle.id }}>
          {bt('entry.book')}
        </ButtonLink>
      }
    >
      <Stack gap={4}>
        <Text fw={600}>{at('users.vehicleLine', { plate, make: vehicle.make, model: vehicle.model })}</Text>
        <AnchorLink
          to="/app"
          search={{ vehicle: vehicle.id }}
          underline="always"
          style={{ alignSelf: 'flex-start' }}
        >
          {bt('list.back', { plate })}
        </AnchorLink>
      </Stack>
      <Text c="dimmed">{bt('list.intro', { plate })}</Text>
      <PagedResults
        query={query}
        isSearching={false}
        emptyTitle={bt('list.emptyTitle')}
        emptyDescription={bt('list.empty')}
      >
        {(bookings) => (
          <Stack
            component="ul"
            aria-label={bt('list.listLabel', { plate })}
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {bookings.map((booking) => (
              <BookingCard key={booking.id} vehicleId={vehicle.id} booking={booking} />
            ))}
          </Stack>
        )}
      </PagedResults>
    </Page>
  );
}

/**
 * A car's service bookings, the latest appointment first, for every user of the car (SPEC §6:
 * booking is for all of them at both sharing levels), each with its status; and "Book service".
 */
export function BookingsPage() {
  const bt = useBookingTexts();
  const { vehicleId } = useParams({ from: '/app/vehicles/$vehicleId/bookings' });
  return (
    <VehicleGate vehicleId={vehicleId} title={bt('list.title')}>
      {(vehicle) => <BookingsView vehicle={vehicle} />}
    </VehicleGate>
  );
}
