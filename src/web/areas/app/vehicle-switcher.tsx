import { NativeSelect } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { useAppTexts } from './use-app-texts.ts';

interface VehicleSwitcherProps {
  vehicles: DriverVehicle[];
  selectedId: string;
  /** The page that shows the chosen car: the status screen unless said otherwise. */
  to?: '/app' | '/app/chat';
}

/**
 * Chooses which car the status screen (or the chat) shows, for someone with several; the choice
 * goes into the address (`/app?vehicle=<id>`), so a reload or a shared link keeps it.
 */
export function VehicleSwitcher({ vehicles, selectedId, to = '/app' }: VehicleSwitcherProps) {
  const at = useAppTexts();
  const navigate = useNavigate();
  if (vehicles.length < 2) return null;
  return (
    <NativeSelect
      label={at('vehicle.switcher')}
      maw="24rem"
      value={selectedId}
      data={vehicles.map((vehicle) => ({
        value: vehicle.id,
        label: at('vehicle.option', {
          plate: vehicle.registrationNumber,
          make: vehicle.make,
          model: vehicle.model,
        }),
      }))}
      onChange={(event) => void navigate({ to, search: { vehicle: event.currentTarget.value } })}
    />
  );
}
