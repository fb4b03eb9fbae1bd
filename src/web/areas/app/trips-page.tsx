import { Card, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { fetchTrips, type TripSummary, tripListKey } from '../../api/trips.ts';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { tripAssignees, tripDurationAndDistance, tripWhen } from './trip-wording.ts';
import { useAppTexts } from './use-app-texts.ts';
import { VehicleGate } from './vehicle-gate.tsx';

function TripCard({ vehicleId, trip }: { vehicleId: string; trip: TripSummary }) {
  const at = useAppTexts();
  const language = currentLanguage();
  return (
    <Card component="li" withBorder padding="sm" radius="md">
      <Stack gap={4}>
        <AnchorLink
          to="/app/vehicles/$vehicleId/trips/$tripId"
          params={{ vehicleId, tripId: trip.id }}
          fw={700}
          underline="always"
        >
          {tripWhen(trip, at, language)}
        </AnchorLink>
        <Text size="sm">{tripDurationAndDistance(trip, at, language)}</Text>
        <Text size="sm">{tripAssignees(trip.assignees, at, language)}</Text>
        {trip.locationHidden ? (
          <Text size="sm" c="dimmed">
            {at('trips.routeHidden')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

function TripsView({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const plate = vehicle.registrationNumber;
  const query = usePagedList(tripListKey(vehicle.id), (cursor) => fetchTrips(vehicle.id, cursor));
  return (
    <Page title={at('trips.title')}>
      <Stack gap={4}>
        <Text fw={600}>{at('users.vehicleLine', { plate, make: vehicle.make, model: vehicle.model })}</Text>
        <AnchorLink to="/app" search={{ vehicle: vehicle.id }} underline="always">
          {at('trips.back', { plate })}
        </AnchorLink>
      </Stack>
      {vehicle.sharing.level === 'limited' ? <Text c="dimmed">{at('trips.limitedNote')}</Text> : null}
      <PagedResults
        query={query}
        isSearching={false}
        emptyTitle={at('trips.emptyTitle')}
        emptyDescription={at('trips.empty')}
      >
        {(trips) => (
          <Stack
            component="ul"
            aria-label={at('trips.listLabel', { plate })}
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {trips.map((trip) => (
              <TripCard key={trip.id} vehicleId={vehicle.id} trip={trip} />
            ))}
          </Stack>
        )}
      </PagedResults>
    </Page>
  );
}

/** A car's trips, newest first, page by page: when, how long, how far and who drove (SPEC §6). */
export function TripsPage() {
  const at = useAppTexts();
  const { vehicleId } = useParams({ from: '/app/vehicles/$vehicleId/trips' });
  return (
    <VehicleGate vehicleId={vehicleId} title={at('trips.title')}>
      {(vehicle) => <TripsView vehicle={vehicle} />}
    </VehicleGate>
  );
}
