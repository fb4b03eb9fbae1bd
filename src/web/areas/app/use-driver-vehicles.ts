import { type QueryClient, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../api/client.ts';
import { ME_QUERY_KEY, type Me } from '../../api/session.ts';
import {
  type DriverVehicle,
  driverVehicleKey,
  fetchDriverVehicle,
  fetchVehicleUsers,
  vehicleUsersKey,
} from '../../api/vehicle-users.ts';

/** The vehicle answered 404: the person is not, or no longer, one of its users. */
export function isVehicleGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * After a 404 on a vehicle: reload the memberships, so the vehicle leaves the switcher and the
 * More page on this very load, and forget its users, which this person may no longer read.
 */
function forgetVehicle(queryClient: QueryClient, vehicleId: string): void {
  queryClient.removeQueries({ queryKey: vehicleUsersKey(vehicleId), type: 'inactive' });
  void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
}

/** One vehicle as its user sees it; a 404 (removed meanwhile) also refreshes `GET /me`. */
export function useDriverVehicle(vehicleId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: driverVehicleKey(vehicleId),
    queryFn: () => fetchDriverVehicle(vehicleId),
  });
  const isGone = query.isError && isVehicleGone(query.error);
  useEffect(() => {
    if (isGone) forgetVehicle(queryClient, vehicleId);
  }, [isGone, queryClient, vehicleId]);
  return query;
}

/** The users of a vehicle (emails and pending invitations for the primary only). */
export function useVehicleUsers(vehicleId: string, enabled = true) {
  return useQuery({
    queryKey: vehicleUsersKey(vehicleId),
    queryFn: () => fetchVehicleUsers(vehicleId),
    enabled,
  });
}

/**
 * Every vehicle `GET /me` lists, read for its registration number and make (the switcher and
 * the More page name them). Vehicles that answer 404 are left out, and refresh `GET /me`.
 */
export function useMyVehicles(me: Me): { vehicles: DriverVehicle[]; isPending: boolean } {
  const queryClient = useQueryClient();
  const results = useQueries({
    queries: me.vehicles.map(({ vehicleId }) => ({
      queryKey: driverVehicleKey(vehicleId),
      queryFn: () => fetchDriverVehicle(vehicleId),
    })),
  });
  const goneIds = results
    .map((result, index) => (result.isError && isVehicleGone(result.error) ? me.vehicles[index] : undefined))
    .filter((membership) => membership !== undefined)
    .map((membership) => membership.vehicleId)
    .join(' ');
  useEffect(() => {
    for (const vehicleId of goneIds.split(' ').filter(Boolean)) forgetVehicle(queryClient, vehicleId);
  }, [goneIds, queryClient]);
  return {
    vehicles: results.flatMap((result) => (result.data && !result.isError ? [result.data] : [])),
    isPending: results.some((result) => result.isPending),
  };
}
