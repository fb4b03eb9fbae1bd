import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignTrip, tripsKey } from '../../api/trips.ts';

/**
 * Sets who a trip is assigned to, then reads the car's trips again: the answer carries no route,
 * and a new assignee may now see where the trip went.
 */
export function useTripAssignment(vehicleId: string, tripId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => assignTrip(vehicleId, tripId, userIds),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tripsKey(vehicleId) }),
  });
}
