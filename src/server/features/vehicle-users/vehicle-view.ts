import { z } from 'zod';
import type { Actor } from '../../policy/actor.ts';
import { canOnVehicle } from '../../policy/rules/vehicle.ts';
import { AlarmView, presentStatus, StatusView } from '../telemetry/status-view.ts';
import type { VehicleStatusReader } from '../telemetry/vehicle-status.ts';
import { FUEL_TYPES } from '../vehicles/schemas.ts';
import { loadMemberVehicle, type VehicleAccess } from './member-vehicle.ts';

export const SharingLevelSchema = z.enum(['shared', 'limited']);

/** `GET /vehicles/{vid}` and each message of its live stream. */
export const VehicleView = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  make: z.string(),
  model: z.string(),
  year: z.number().nullable(),
  fuelType: z.enum(FUEL_TYPES).nullable(),
  myRole: z.enum(['primary', 'secondary']),
  sharing: z.object({ level: SharingLevelSchema, isChosen: z.boolean() }),
  status: StatusView,
  alarms: z.array(AlarmView),
});
export type VehicleView = z.infer<typeof VehicleView>;

/**
 * The vehicle as this user of it sees it now: authorized and filled from the in-process caches,
 * so a warm read costs no database round trip. Not a user of it: 404.
 */
export async function readVehicleView(
  access: VehicleAccess,
  statuses: VehicleStatusReader,
  actor: Actor,
  vehicleId: string,
): Promise<VehicleView> {
  const vehicle = await loadMemberVehicle(access, actor, vehicleId, 'vehicle.status.read');
  const mayLocate = canOnVehicle('vehicle.position.read', {
    role: vehicle.myRole,
    sharingLevel: vehicle.sharingLevel,
  });
  const status = await statuses.read(vehicle.id);
  return {
    id: vehicle.id,
    registrationNumber: vehicle.registrationNumber,
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    fuelType: vehicle.fuelType,
    myRole: vehicle.myRole,
    sharing: { level: vehicle.sharingLevel, isChosen: vehicle.sharingChosenAt !== null },
    // A hidden position is absent and says why: never sent and hidden.
    ...presentStatus(status, mayLocate ? { visible: true } : { visible: false, reason: 'limited_sharing' }),
  };
}
