import { z } from 'zod';
import type { VehicleStatus } from './vehicle-status.ts';

const At = z.date();

/** Status as the API shows it; `position` only where the reader may see it (SPEC §6). */
export const StatusView = z.object({
  position: z
    .object({
      lat: z.number(),
      lon: z.number(),
      at: At,
      speedKmh: z.number().optional(),
      heading: z.number().optional(),
    })
    .optional(),
  /** Why `position` is absent: the primary chose limited sharing, or the reader is workshop staff. */
  positionHidden: z.enum(['limited_sharing', 'workshop']).optional(),
  ignition: z.object({ on: z.boolean(), at: At }).optional(),
  odometer: z.object({ km: z.number(), at: At }).optional(),
  fuel: z.object({ percent: z.number(), at: At }).optional(),
  battery: z.object({ percent: z.number(), at: At }).optional(),
});

export const AlarmView = z.object({ code: z.string(), since: z.date(), description: z.string().optional() });

export type PositionVisibility =
  | { visible: true }
  | { visible: false; reason: 'limited_sharing' | 'workshop' };

/**
 * The status with the position left out, not blanked, when the policy hides it: a hidden field
 * never leaves the server.
 */
export function presentStatus(status: VehicleStatus, position: PositionVisibility) {
  const { alarms, position: where, ...rest } = status;
  return {
    status: position.visible ? { ...rest, position: where } : { ...rest, positionHidden: position.reason },
    alarms,
  };
}
