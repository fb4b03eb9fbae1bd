import { Group, Stack, Text } from '@mantine/core';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { AlarmList } from '../../components/alarm-list.tsx';
import { DetailsList } from '../../components/details-list.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { VehicleHealth } from '../../components/vehicle-health.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { AppSection } from './app-section.tsx';
import { BookingEntry } from './booking-entry.tsx';
import { sharingLevelHint, sharingLevelName } from './sharing-level-choice.tsx';
import { useAppTexts } from './use-app-texts.ts';

/**
 * Where the car is, when the server sends it; otherwise why not (hidden, or none yet). Shown as
 * coordinates: no map can be reached from here, and a link to one would leave keyfob.
 */
function PositionSection({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const { position, positionHidden } = vehicle.status;
  if (positionHidden) {
    return (
      <AppSection title={at('status.positionHeading')}>
        <Text fw={600}>{at('status.positionHidden')}</Text>
        <Text c="dimmed">
          {vehicle.myRole === 'primary'
            ? at('status.positionHiddenPrimary')
            : at('status.positionHiddenSecondary')}
        </Text>
      </AppSection>
    );
  }
  if (!position) {
    return (
      <AppSection title={at('status.positionHeading')}>
        <Text>{at('status.positionNone')}</Text>
      </AppSection>
    );
  }
  return (
    <AppSection title={at('status.positionHeading')}>
      <Text>{at('status.coordinates', { lat: position.lat.toFixed(5), lon: position.lon.toFixed(5) })}</Text>
      {position.speedKmh !== undefined ? (
        <Text>{at('status.speed', { speed: Math.round(position.speedKmh) })}</Text>
      ) : null}
      <Text c="dimmed">
        {at('status.reportedAt', { date: formatDateTime(position.at, currentLanguage()) })}
      </Text>
    </AppSection>
  );
}

/**
 * The status screen of one car: what it is, my role, the sharing level in words, its position
 * (or why it is hidden), fuel or battery, odometer and ignition, its warning lights, its service
 * bookings, and the ways to its trips and its users.
 */
export function VehicleStatus({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const level = vehicle.sharing.level;
  return (
    <>
      <section aria-label={at('status.factsLabel')}>
        <DetailsList
          items={[
            {
              label: at('vehicle.makeModel'),
              value: `${vehicle.make} ${vehicle.model}${vehicle.year ? ` (${vehicle.year})` : ''}`,
            },
            { label: at('vehicle.myRole'), value: at(`roles.${vehicle.myRole}`) },
            {
              label: at('vehicle.sharing'),
              value: (
                <Stack gap={2}>
                  <Text fw={600} inherit>
                    {sharingLevelName(level, at)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {sharingLevelHint(level, at)}
                  </Text>
                </Stack>
              ),
            },
          ]}
        />
      </section>
      <PositionSection vehicle={vehicle} />
      <AppSection title={at('status.healthHeading')}>
        <VehicleHealth status={vehicle.status} />
      </AppSection>
      <AppSection title={at('status.alarmsHeading')}>
        <AlarmList
          alarms={vehicle.alarms}
          label={at('status.alarmsLabel')}
          emptyText={at('status.noAlarms')}
        />
      </AppSection>
      <BookingEntry vehicle={vehicle} />
      <Group gap="sm">
        <ButtonLink to="/app/vehicles/$vehicleId/trips" params={{ vehicleId: vehicle.id }}>
          {at('status.trips')}
        </ButtonLink>
        <ButtonLink to="/app/vehicles/$vehicleId/users" params={{ vehicleId: vehicle.id }} variant="default">
          {vehicle.myRole === 'primary' ? at('vehicle.manageUsers') : at('vehicle.seeUsers')}
        </ButtonLink>
      </Group>
    </>
  );
}
