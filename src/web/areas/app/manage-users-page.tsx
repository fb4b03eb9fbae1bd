import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_KEY } from '../../api/notifications.ts';
import {
  type DriverVehicle,
  driverVehicleKey,
  type VehicleUser,
  type VehicleUsers,
  vehicleUsersKey,
} from '../../api/vehicle-users.ts';
import { DoneNotice } from '../../components/done-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { useAreaMe } from '../area-me.tsx';
import { AppSection } from './app-section.tsx';
import { InviteSecondarySection } from './invite-secondary-section.tsx';
import { RemoveUserDialog } from './remove-user-dialog.tsx';
import { SecondaryInvitations } from './secondary-invitations.tsx';
import { SharingLevelForm, SharingLevelSummary } from './sharing-level-form.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { isVehicleGone, useDriverVehicle, useMyVehicles, useVehicleUsers } from './use-driver-vehicles.ts';
import { VehicleGone } from './vehicle-gone.tsx';
import { VehicleUserList } from './vehicle-user-list.tsx';

function UsersView({ vehicle, users }: { vehicle: DriverVehicle; users: VehicleUsers }) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<VehicleUser | null>(null);
  const isPrimary = vehicle.myRole === 'primary';
  const pending = users.pendingInvitations ?? [];
  const secondaryCount = users.items.filter((user) => user.role === 'secondary').length + pending.length;
  const plate = vehicle.registrationNumber;

  const reload = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: driverVehicleKey(vehicle.id) }),
      queryClient.invalidateQueries({ queryKey: vehicleUsersKey(vehicle.id) }),
      queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    ]);
  };

  return (
    <Page title={isPrimary ? at('users.titlePrimary') : at('users.titleSecondary')}>
      <Stack gap={4}>
        <Text fw={600}>{at('users.vehicleLine', { plate, make: vehicle.make, model: vehicle.model })}</Text>
        <AnchorLink to="/app" search={{ vehicle: vehicle.id }} underline="always">
          {at('users.back', { plate })}
        </AnchorLink>
      </Stack>
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />

      <AppSection title={at('users.listHeading')}>
        <VehicleUserList
          plate={plate}
          users={users.items}
          myUserId={me.user.id}
          myRole={vehicle.myRole}
          onRemove={setRemoving}
        />
      </AppSection>

      {isPrimary ? (
        <>
          <AppSection title={at('invite.heading')}>
            <InviteSecondarySection
              vehicleId={vehicle.id}
              count={secondaryCount}
              onInvited={async (email) => {
                setNotice(t('invitations.sent', { email }));
                await reload();
              }}
            />
          </AppSection>
          <AppSection title={at('invitations.heading')}>
            <SecondaryInvitations
              vehicleId={vehicle.id}
              invitations={pending}
              onChanged={reload}
              onDone={setNotice}
            />
          </AppSection>
        </>
      ) : null}

      <AppSection title={at('sharingSection.heading')}>
        {isPrimary ? (
          // Keyed by the saved level, so the choice shown follows a change made elsewhere.
          <SharingLevelForm
            key={vehicle.sharing.level}
            vehicle={vehicle}
            onChanged={reload}
            onDone={setNotice}
          />
        ) : (
          <SharingLevelSummary vehicle={vehicle} />
        )}
      </AppSection>

      <RemoveUserDialog
        vehicle={vehicle}
        user={removing}
        onClose={() => setRemoving(null)}
        onRemoved={async (user) => {
          setRemoving(null);
          setNotice(at('users.removed', { name: user.name, plate }));
          await reload();
        }}
      />
    </Page>
  );
}

/**
 * More → vehicle → Manage users (SPEC §5): the car's users with their roles; for the primary
 * also emails, invitations, Remove and the data-sharing level.
 */
export function ManageUsersPage() {
  const { t } = useTranslation();
  const at = useAppTexts();
  const me = useAreaMe();
  const { vehicleId } = useParams({ from: '/app/vehicles/$vehicleId/users' });
  const mine = useMyVehicles(me);
  const vehicle = useDriverVehicle(vehicleId);
  const users = useVehicleUsers(vehicleId);

  if (vehicle.isError || users.isError) {
    if (isVehicleGone(vehicle.error) || isVehicleGone(users.error)) {
      return <VehicleGone otherVehicles={mine.vehicles.filter((candidate) => candidate.id !== vehicleId)} />;
    }
    return (
      <Page title={at('users.titlePrimary')}>
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={at('vehicle.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button
            onClick={() => {
              void vehicle.refetch();
              void users.refetch();
            }}
          >
            {t('session.retry')}
          </Button>
        </Stack>
      </Page>
    );
  }
  if (vehicle.isPending || users.isPending) {
    return (
      <Page title={at('users.titlePrimary')}>
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  return <UsersView vehicle={vehicle.data} users={users.data} />;
}
