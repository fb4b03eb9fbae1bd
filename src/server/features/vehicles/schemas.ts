import { z } from 'zod';
import { Email } from '../identity/schemas.ts';
import { AlarmView, StatusView } from '../telemetry/status-view.ts';

export const FUEL_TYPES = ['petrol', 'diesel', 'electric', 'hybrid', 'plug_in_hybrid', 'other'] as const;

/** 17 characters, digits and capital letters except I, O and Q (ISO 3779). */
export const Vin = z
  .string()
  .trim()
  .transform((vin) => vin.toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'must be 17 letters and digits, without I, O or Q'));

export const AddVehicleBody = z.object({
  vin: Vin,
  registrationNumber: z
    .string()
    .trim()
    .transform((plate) => plate.toUpperCase().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9ÆØÅ][A-Z0-9ÆØÅ -]{0,14}$/, 'must be 1 to 15 letters, digits, spaces or dashes'),
    ),
  make: z.string().trim().min(1).max(60),
  model: z.string().trim().min(1).max(60),
  year: z
    .number()
    .int()
    .min(1900)
    .max(new Date().getUTCFullYear() + 1)
    .optional(),
  fuelType: z.enum(FUEL_TYPES).optional(),
});

export const WorkshopParams = z.object({ wid: z.uuid() });
export const VehicleParams = z.object({ wid: z.uuid(), vid: z.uuid() });

export const InvitePrimaryBody = z.object({
  email: Email,
  name: z.string().trim().min(1).max(200).optional(),
});

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const WorkshopVehicle = z.object({
  id: z.uuid(),
  vin: z.string(),
  registrationNumber: z.string(),
  make: z.string(),
  model: z.string(),
  year: z.number().nullable(),
  fuelType: z.enum(FUEL_TYPES).nullable(),
  sharing: z.object({ level: z.enum(['shared', 'limited']) }),
  primaryUser: PersonRef.extend({ email: z.string(), since: z.date() }).nullable(),
  secondaryUsers: z.array(PersonRef),
  secondaryUserCount: z.number(),
  pendingPrimaryInvitation: z
    .object({
      id: z.uuid(),
      email: z.string(),
      expiresAt: z.date(),
      invitationStatus: z.enum(['pending', 'expired']),
    })
    .nullable(),
  pendingSecondaryInvitationCount: z.number(),
  /** Never the position: workshops do not see where a car is. */
  status: StatusView,
  alarms: z.array(AlarmView),
});

export const VehicleListItem = z.object({
  id: z.uuid(),
  vin: z.string(),
  registrationNumber: z.string(),
  make: z.string(),
  model: z.string(),
  primaryUser: PersonRef.nullable(),
  userCount: z.number(),
});
