import { Alert, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { useAreaMe } from '../area-me.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { isVehicleGone, useDriverVehicle, useMyVehicles } from './use-driver-vehicles.ts';
import { VehicleGone } from './vehicle-gone.tsx';

interface VehicleGateProps {
  vehicleId: string;
  /** The page's title while the car loads or fails to. */
  title: string;
  children: (vehicle: DriverVehicle) => ReactNode;
}

/**
 * A driver-app page about one car: renders its content once the car is read, a loading state
 * before that, "no longer have access" when the car answers 404, and a retry on other failures.
 */
export function VehicleGate({ vehicleId, title, children }: VehicleGateProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const me = useAreaMe();
  const mine = useMyVehicles(me);
  const vehicle = useDriverVehicle(vehicleId);

  if (vehicle.isError) {
    if (isVehicleGone(vehicle.error)) {
      return <VehicleGone otherVehicles={mine.vehicles.filter((candidate) => candidate.id !== vehicleId)} />;
    }
    return (
      <Page title={title}>
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={at('vehicle.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button onClick={() => void vehicle.refetch()}>{t('session.retry')}</Button>
        </Stack>
      </Page>
    );
  }
  if (vehicle.isPending) {
    return (
      <Page title={title}>
        <LoadingState title={at('vehicle.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  return children(vehicle.data);
}
