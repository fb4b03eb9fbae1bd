import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { type DriverVehicle, driverVehicleKey } from '../../api/vehicle-users.ts';
import { ChatConversation } from '../../components/chat-conversation.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { useAreaMe } from '../area-me.tsx';
import { parseStatusSearch, type StatusSearch } from './status-page.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { isVehicleGone, useDriverVehicle, useMyVehicles } from './use-driver-vehicles.ts';
import { VehicleGate } from './vehicle-gate.tsx';
import { VehicleSwitcher } from './vehicle-switcher.tsx';

/** The chat's address names its car the way the status screen's does: `?vehicle=<id>`. */
export type ChatSearch = StatusSearch;
export const parseChatSearch: (search: Record<string, unknown>) => ChatSearch = parseStatusSearch;

function VehicleChat({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const me = useAreaMe();
  const mine = useMyVehicles(me);
  const queryClient = useQueryClient();
  const plate = vehicle.registrationNumber;
  // A car `GET /me` does not list yet (just joined) still belongs in the switcher it is shown by.
  const switchable = mine.vehicles.some((candidate) => candidate.id === vehicle.id)
    ? mine.vehicles
    : [...mine.vehicles, vehicle];
  return (
    <Page title={at('chat.title')}>
      <VehicleSwitcher vehicles={switchable} selectedId={vehicle.id} to="/app/chat" />
      <Stack gap={4}>
        <Text fw={600}>{at('users.vehicleLine', { plate, make: vehicle.make, model: vehicle.model })}</Text>
        <Text c="dimmed">{at('chat.intro', { plate })}</Text>
      </Stack>
      <ChatConversation
        vehicleId={vehicle.id}
        myUserId={me.user.id}
        label={at('chat.label', { plate })}
        emptyTitle={at('chat.emptyTitle')}
        emptyDescription={at('chat.empty')}
        // Read the car again: its 404 shows the page every other car page shows when access ends.
        onAccessRemoved={() =>
          void queryClient.invalidateQueries({ queryKey: driverVehicleKey(vehicle.id), exact: true })
        }
      />
    </Page>
  );
}

function SelectedVehicleChat({ vehicleId, onGone }: { vehicleId: string; onGone: (id: string) => void }) {
  const at = useAppTexts();
  const query = useDriverVehicle(vehicleId);
  const isGone = query.isError && isVehicleGone(query.error);
  useEffect(() => {
    if (isGone) onGone(vehicleId);
  }, [isGone, onGone, vehicleId]);
  return (
    <VehicleGate vehicleId={vehicleId} title={at('chat.title')}>
      {(vehicle) => <VehicleChat vehicle={vehicle} />}
    </VehicleGate>
  );
}

/**
 * The driver app's workshop chat (SPEC §7): the chosen car's conversation with its workshop,
 * live, with the same switcher as the status screen for someone with several cars.
 */
export function ChatPage() {
  const at = useAppTexts();
  const me = useAreaMe();
  const search = useSearch({ from: '/app/chat' });
  // As on the status screen: a car shown by default that turns out to be gone stays selected, so
  // the page says so rather than quietly moving on to another car.
  const [goneId, setGoneId] = useState<string | undefined>(undefined);
  const vehicleId = search.vehicle ?? goneId ?? me.vehicles[0]?.vehicleId;
  if (!vehicleId) {
    return (
      <Page title={at('chat.title')}>
        <NothingYet title={at('vehicle.emptyTitle')} description={at('vehicle.empty')} />
      </Page>
    );
  }
  return <SelectedVehicleChat key={vehicleId} vehicleId={vehicleId} onGone={setGoneId} />;
}
