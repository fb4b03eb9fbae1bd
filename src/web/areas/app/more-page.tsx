import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMAIL_KINDS } from '../../api/notifications.ts';
import { EmailPreferences } from '../../components/email-preferences.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { useAreaMe } from '../area-me.tsx';
import { AppSection } from './app-section.tsx';
import { ChargingEntry } from './charging-entry.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { useMyVehicles } from './use-driver-vehicles.ts';

/**
 * "More": each of the person's cars, with the way to Manage users, its trips, its service
 * bookings and its status; and which emails the person gets.
 */
export function MorePage() {
  const { t } = useTranslation();
  const at = useAppTexts();
  const bt = useBookingTexts();
  const me = useAreaMe();
  const { vehicles, isPending } = useMyVehicles(me);

  return (
    <Page title={at('more.title')}>
      <AppSection title={at('more.vehiclesHeading')}>
        {isPending && vehicles.length === 0 ? (
          <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
        ) : vehicles.length === 0 ? (
          <NothingYet title={at('vehicle.emptyTitle')} description={at('vehicle.empty')} />
        ) : (
          <Stack
            component="ul"
            aria-label={at('more.vehiclesLabel')}
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {vehicles.map((vehicle) => (
              <Card component="li" key={vehicle.id} withBorder padding="sm" radius="md">
                <Stack gap="xs">
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <Text fw={700}>{vehicle.registrationNumber}</Text>
                    <Text size="sm">{at(`roles.${vehicle.myRole}`)}</Text>
                  </Group>
                  <Text size="sm">{`${vehicle.make} ${vehicle.model}`}</Text>
                  <Group gap="sm">
                    <ButtonLink
                      to="/app/vehicles/$vehicleId/users"
                      params={{ vehicleId: vehicle.id }}
                      size="compact-md"
                      aria-label={
                        vehicle.myRole === 'primary'
                          ? at('more.manageUsersOf', { plate: vehicle.registrationNumber })
                          : at('more.usersOf', { plate: vehicle.registrationNumber })
                      }
                    >
                      {vehicle.myRole === 'primary' ? at('vehicle.manageUsers') : at('users.titleSecondary')}
                    </ButtonLink>
                    <ButtonLink
                      to="/app/vehicles/$vehicleId/trips"
                      params={{ vehicleId: vehicle.id }}
                      size="compact-md"
                      variant="default"
                      aria-label={at('more.tripsOf', { plate: vehicle.registrationNumber })}
                    >
                      {at('status.trips')}
                    </ButtonLink>
                    <ButtonLink
                      to="/app/vehicles/$vehicleId/bookings"
                      params={{ vehicleId: vehicle.id }}
                      size="compact-md"
                      variant="default"
                      aria-label={bt('entry.listOf', { plate: vehicle.registrationNumber })}
                    >
                      {bt('entry.list')}
                    </ButtonLink>
                    <ButtonLink
                      to="/app"
                      search={{ vehicle: vehicle.id }}
                      size="compact-md"
                      variant="default"
                      aria-label={at('more.status', { plate: vehicle.registrationNumber })}
                    >
                      {at('nav.status')}
                    </ButtonLink>
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </AppSection>
      <ChargingEntry />
      <AppSection title={t('emailPreferences.heading')}>
        <EmailPreferences kinds={EMAIL_KINDS} />
      </AppSection>
    </Page>
  );
}
