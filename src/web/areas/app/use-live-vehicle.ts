import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { openLiveVehicle } from '../../api/live-vehicle.ts';
import { ME_QUERY_KEY } from '../../api/session.ts';
import { driverVehicleKey } from '../../api/vehicle-users.ts';

/** How long to wait before opening a stream again that the browser gave up on. */
const REOPEN_AFTER_MS = 10_000;

/**
 * Keeps the cached vehicle (`GET /vehicles/{vid}`) current while a page shows it: each message
 * of the vehicle's live stream replaces it, so the screen follows the car without reloading.
 * When the person loses access the vehicle is read again, and its 404 shows it as gone; a
 * sign-out refreshes who is signed in. Closed when the page goes away or `isEnabled` turns false.
 */
export function useLiveVehicle(vehicleId: string, isEnabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isEnabled) return;
    const key = driverVehicleKey(vehicleId);
    let close = () => {};
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      close = openLiveVehicle(vehicleId, {
        onVehicle: (vehicle) => queryClient.setQueryData(key, vehicle),
        onEnd: (reason) => {
          if (reason === 'access_removed') void queryClient.invalidateQueries({ queryKey: key, exact: true });
          else void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
        },
        onLost: () => {
          // The read says why (a 404 shows the car as gone); if the car is still there, try again.
          void queryClient.invalidateQueries({ queryKey: key, exact: true });
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        },
      });
    };
    open();
    return () => {
      clearTimeout(reopen);
      close();
    };
  }, [vehicleId, isEnabled, queryClient]);
}
