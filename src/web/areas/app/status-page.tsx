import { Alert, Button, Stack } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneNotice } from '../../components/done-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { useAreaMe } from '../area-me.tsx';
import { FirstRunTile } from './first-run-tile.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { isVehicleGone, useDriverVehicle, useMyVehicles } from './use-driver-vehicles.ts';
import { useLiveVehicle } from './use-live-vehicle.ts';
import { VehicleGone } from './vehicle-gone.tsx';
import { VehicleStatus } from './vehicle-status.tsx';
import { VehicleSwitcher } from './vehicle-switcher.tsx';

/** The search part of the status screen's address: which car is shown. */
export interface StatusSearch {
  /** A vehicle id; the person's first vehicle when missing. */
  vehicle?: string;
}

/** Keeps only a string `vehicle`; the key is always returned, as the router wants. */
export function parseStatusSearch(search: Record<string, unknown>): StatusSearch {
  return { vehicle: typeof search.vehicle === 'string' ? search.vehicle : undefined };
}

interface SelectedVehicleProps {
  vehicleId: string;
  /** The vehicle answered 404: this person was removed from it meanwhile. */
  onGone: (vehicleId: string) => void;
}

function SelectedVehicle({ vehicleId, onGone }: SelectedVehicleProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const me = useAreaMe();
  const mine = useMyVehicles(me);
  const query = useDriverVehicle(vehicleId);
  const [notice, setNotice] = useState<string | null>(null);
  const isGone = query.isError && isVehicleGone(query.error);
  // Live while the car is shown: every change the server announces lands in the query cache.
  useLiveVehicle(vehicleId, !query.isError);
  useEffect(() => {
    if (isGone) onGone(vehicleId);
  }, [isGone, onGone, vehicleId]);

  if (query.isError) {
    if (isGone) {
      return <VehicleGone otherVehicles={mine.vehicles.filter((vehicle) => vehicle.id !== vehicleId)} />;
    }
    return (
      <Page title={t('app.title')}>
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={at('vehicle.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button onClick={() => void query.refetch()}>{t('session.retry')}</Button>
        </Stack>
      </Page>
    );
  }
  if (query.isPending) {
    return (
      <Page title={t('app.title')}>
        <LoadingState title={at('vehicle.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }

  const vehicle = query.data;
  // A car `GET /me` does not list yet (just joined) still belongs in the switcher it is shown by.
  const switchable = mine.vehicles.some((candidate) => candidate.id === vehicle.id)
    ? mine.vehicles
    : [...mine.vehicles, vehicle];
  return (
    <Page title={vehicle.registrationNumber}>
      <VehicleSwitcher vehicles={switchable} selectedId={vehicle.id} />
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {vehicle.myRole === 'primary' && !vehicle.sharing.isChosen ? (
        <FirstRunTile vehicle={vehicle} onDone={setNotice} />
      ) : null}
      <VehicleStatus vehicle={vehicle} />
    </Page>
  );
}

/**
 * The driver app's start page: the status screen of the chosen car (SPEC §5, §6), or a friendly
 * empty state for someone with no car yet.
 */
export function StatusPage() {
  const { t } = useTranslation();
  const at = useAppTexts();
  const me = useAreaMe();
  const search = useSearch({ from: '/app/' });
  // A car shown by default that turns out to be gone stays selected, so the page says so rather
  // than quietly moving on once the refreshed `GET /me` no longer lists it.
  const [goneId, setGoneId] = useState<string | undefined>(undefined);
  const vehicleId = search.vehicle ?? goneId ?? me.vehicles[0]?.vehicleId;
  if (!vehicleId) {
    return (
      <Page title={t('app.title')}>
        <NothingYet title={at('vehicle.emptyTitle')} description={at('vehicle.empty')} />
      </Page>
    );
  }
  // Keyed by vehicle, so a switch starts with a fresh notice and form.
  return <SelectedVehicle key={vehicleId} vehicleId={vehicleId} onGone={setGoneId} />;
}
