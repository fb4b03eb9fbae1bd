import { Anchor, List, Stack, Text } from '@mantine/core';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { DetailsList } from '../../components/details-list.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { AppSection } from './app-section.tsx';
import { sharingLevelHint, sharingLevelName } from './sharing-level-choice.tsx';
import { useAppTexts } from './use-app-texts.ts';

/** Where the car is, when the server sends it; otherwise why not (hidden, or none yet). */
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
  const lat = position.lat.toFixed(5);
  const lon = position.lon.toFixed(5);
  return (
    <AppSection title={at('status.positionHeading')}>
      <Text>{at('status.coordinates', { lat, lon })}</Text>
      <Text c="dimmed">
        {at('status.reportedAt', { date: formatDateTime(position.at, currentLanguage()) })}
      </Text>
      <Anchor
        href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`}
        target="_blank"
        rel="noreferrer"
        underline="always"
      >
        {at('status.openMap')}
      </Anchor>
    </AppSection>
  );
}

/**
 * The status screen of one car: what it is, my role, the sharing level in words, its position
 * (or why it is hidden) and its warning lights, and the way to its users.
 */
export function VehicleStatus({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const language = currentLanguage();
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
      <AppSection title={at('status.alarmsHeading')}>
        {vehicle.alarms.length === 0 ? (
          <Text>{at('status.noAlarms')}</Text>
        ) : (
          <List aria-label={at('status.alarmsLabel')}>
            {vehicle.alarms.map((alarm) => (
              <List.Item key={`${alarm.code}-${alarm.since}`}>
                {at('status.alarmSince', { code: alarm.code, date: formatDateTime(alarm.since, language) })}
              </List.Item>
            ))}
          </List>
        )}
      </AppSection>
      <div>
        <ButtonLink to="/app/vehicles/$vehicleId/users" params={{ vehicleId: vehicle.id }} variant="default">
          {vehicle.myRole === 'primary' ? at('vehicle.manageUsers') : at('vehicle.seeUsers')}
        </ButtonLink>
      </div>
    </>
  );
}
