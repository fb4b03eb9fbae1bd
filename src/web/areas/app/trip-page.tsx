import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { fetchTrip, type TripDetails, tripKey } from '../../api/trips.ts';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { DetailsList } from '../../components/details-list.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { formatDate, formatDateTime, formatKilometres } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { appProblemMessage } from './app-problem-messages.ts';
import { AppSection } from './app-section.tsx';
import { TripAssignmentForm } from './trip-assignment-form.tsx';
import { TripRouteDrawing } from './trip-route-drawing.tsx';
import { tripDuration, tripTimes } from './trip-wording.ts';
import { useAppTexts } from './use-app-texts.ts';
import { useVehicleUsers } from './use-driver-vehicles.ts';
import { useTripAssignment } from './use-trip-assignment.ts';
import { VehicleGate } from './vehicle-gate.tsx';

function BackToTrips({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  return (
    <AnchorLink
      to="/app/vehicles/$vehicleId/trips"
      params={{ vehicleId: vehicle.id }}
      underline="always"
      style={{ alignSelf: 'flex-start' }}
    >
      {at('trip.back', { plate: vehicle.registrationNumber })}
    </AnchorLink>
  );
}

const coordinate = (value: number) => value.toFixed(5);

interface TripViewProps {
  vehicle: DriverVehicle;
  trip: TripDetails;
}

function TripView({ vehicle, trip }: TripViewProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const me = useAreaMe();
  const language = currentLanguage();
  const isPrimary = vehicle.myRole === 'primary';
  const users = useVehicleUsers(vehicle.id, isPrimary);
  const assignment = useTripAssignment(vehicle.id, trip.id);
  const [notice, setNotice] = useState<string | null>(null);
  const isUnassigned = trip.assignees.length === 0;

  const save = (userIds: string[], done: string) => {
    setNotice(null);
    assignment.mutate(userIds, { onSuccess: () => setNotice(done) });
  };
  const assignToMe = (
    <Button
      onClick={() => save([me.user.id], at('trip.assignedToYou'))}
      loading={assignment.isPending}
      style={{ alignSelf: 'flex-start' }}
    >
      {at('trip.assignToMe')}
    </Button>
  );

  return (
    <Page title={at('trip.title')}>
      <Stack gap={4}>
        <Text fw={600}>
          {at('users.vehicleLine', {
            plate: vehicle.registrationNumber,
            make: vehicle.make,
            model: vehicle.model,
          })}
        </Text>
        <BackToTrips vehicle={vehicle} />
      </Stack>
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {assignment.isError ? (
        <Alert color="red" role="alert" title={t('errors.title')}>
          {assignment.error instanceof ApiError && assignment.error.code === 'validation_failed'
            ? at('problems.goneMeanwhile')
            : appProblemMessage(assignment.error, t, at)}
        </Alert>
      ) : null}

      <section aria-label={at('trip.factsLabel')}>
        <DetailsList
          items={[
            { label: at('trip.date'), value: formatDate(trip.startedAt, language) },
            { label: at('trip.time'), value: tripTimes(trip, at, language) },
            { label: at('trip.duration'), value: tripDuration(trip, at, language) },
            { label: at('trip.distance'), value: formatKilometres(trip.distanceKm, language) },
          ]}
        />
      </section>

      <AppSection title={at('trip.routeHeading')}>
        {trip.locationHidden ? (
          <>
            <Text fw={600}>{at('trip.hiddenTitle')}</Text>
            {isUnassigned ? (
              <>
                <Text>{at('trip.hiddenUnassigned')}</Text>
                {assignToMe}
              </>
            ) : (
              <Text>{isPrimary ? at('trip.hiddenPrimary') : at('trip.hiddenAssigned')}</Text>
            )}
          </>
        ) : trip.route && trip.route.length > 0 ? (
          <>
            <TripRouteDrawing route={trip.route} />
            {trip.start ? (
              <Text size="sm">
                {at('trip.startAt', { lat: coordinate(trip.start.lat), lon: coordinate(trip.start.lon) })}
              </Text>
            ) : null}
            {trip.end ? (
              <Text size="sm">
                {at('trip.endAt', { lat: coordinate(trip.end.lat), lon: coordinate(trip.end.lon) })}
              </Text>
            ) : null}
          </>
        ) : (
          <Text>{at('trip.noRoute')}</Text>
        )}
      </AppSection>

      <AppSection title={at('trip.assignHeading')}>
        {isUnassigned ? (
          <Text>{at('trip.noAssignees')}</Text>
        ) : (
          <List spacing="xs" aria-label={at('trip.assignHeading')}>
            {trip.assignees.map((assignee) => (
              <List.Item key={assignee.userId}>
                <Text fw={600} inherit>
                  {assignee.userId === me.user.id ? `${assignee.name} (${at('users.you')})` : assignee.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {assignee.assignedBy
                    ? at('trip.assignedBy', {
                        name: assignee.assignedBy.name,
                        date: formatDateTime(assignee.assignedAt, language),
                      })
                    : at('trip.assignedByGone', { date: formatDateTime(assignee.assignedAt, language) })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {/* Offered once: in the route section when it is what would show the route. */}
        {isUnassigned && !trip.locationHidden ? assignToMe : null}
        {isPrimary && users.data ? (
          <TripAssignmentForm
            // A fresh form after each saved change, starting from who the trip is assigned to now.
            key={trip.assignees.map((assignee) => assignee.userId).join(' ')}
            trip={trip}
            users={users.data.items}
            myUserId={me.user.id}
            isSaving={assignment.isPending}
            onSave={(userIds) => save(userIds, userIds.length > 0 ? at('trip.saved') : at('trip.undone'))}
          />
        ) : null}
      </AppSection>
    </Page>
  );
}

function TripLoader({ vehicle, tripId }: { vehicle: DriverVehicle; tripId: string }) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const trip = useQuery({
    queryKey: tripKey(vehicle.id, tripId),
    queryFn: () => fetchTrip(vehicle.id, tripId),
  });
  if (trip.isPending) {
    return (
      <Page title={at('trip.title')}>
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  if (trip.isError) {
    const isMissing =
      trip.error instanceof ApiError &&
      (trip.error.status === 404 || trip.error.code === 'validation_failed');
    return (
      <Page title={isMissing ? at('trip.notFoundTitle') : at('trip.title')}>
        <BackToTrips vehicle={vehicle} />
        {isMissing ? (
          <Text>{at('trip.notFound')}</Text>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Alert color="red" title={at('trip.failedTitle')} role="alert" w="100%">
              {t('errors.unexpected')}
            </Alert>
            <Button onClick={() => void trip.refetch()}>{t('session.retry')}</Button>
          </Stack>
        )}
      </Page>
    );
  }
  return <TripView vehicle={vehicle} trip={trip.data} />;
}

/**
 * One trip (SPEC §6, §8): when, how long and how far; its route drawn from its positions where
 * the sharing level allows, else why not and "Assign to me"; who it is assigned to and by whom,
 * and for the primary the control to assign it to anyone or undo it.
 */
export function TripPage() {
  const at = useAppTexts();
  const { vehicleId, tripId } = useParams({ from: '/app/vehicles/$vehicleId/trips/$tripId' });
  return (
    <VehicleGate vehicleId={vehicleId} title={at('trip.title')}>
      {(vehicle) => <TripLoader vehicle={vehicle} tripId={tripId} />}
    </VehicleGate>
  );
}
