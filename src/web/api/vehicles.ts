import { ApiError, apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';
import type { Alarm, VehicleStatus } from './telemetry.ts';

export const FUEL_TYPES = ['petrol', 'diesel', 'electric', 'hybrid', 'plug_in_hybrid', 'other'] as const;
export type FuelType = (typeof FUEL_TYPES)[number];
export type SharingLevel = 'shared' | 'limited';
export type VehicleRole = 'primary' | 'secondary';

/** One row of a workshop's vehicle list. */
export interface WorkshopVehicleSummary {
  id: string;
  vin: string;
  registrationNumber: string;
  make: string;
  model: string;
  primaryUser: { id: string; name: string } | null;
  userCount: number;
}

/** A vehicle as its workshop sees it: users and invitations, status and alarms, never position. */
export interface WorkshopVehicle {
  id: string;
  vin: string;
  registrationNumber: string;
  make: string;
  model: string;
  year: number | null;
  fuelType: FuelType | null;
  sharing: { level: SharingLevel };
  /** `since` is an ISO date-time. */
  primaryUser: { id: string; name: string; email: string; since: string } | null;
  /** Names only: secondary users' emails are for the primary user alone (SPEC §5). */
  secondaryUsers: { id: string; name: string }[];
  secondaryUserCount: number;
  pendingPrimaryInvitation: {
    id: string;
    email: string;
    /** ISO date-time. */
    expiresAt: string;
    invitationStatus: 'pending' | 'expired';
  } | null;
  pendingSecondaryInvitationCount: number;
  /** Health only: a workshop never gets the position (`positionHidden` is `workshop`). */
  status: VehicleStatus;
  alarms: Alarm[];
}

export interface AddVehicleBody {
  vin: string;
  registrationNumber: string;
  make: string;
  model: string;
  year?: number;
  fuelType?: FuelType;
}

/** Someone who loses access when the primary user is removed. */
export interface AffectedUser {
  id: string;
  name: string;
  email: string;
  role: VehicleRole;
}

export const WORKSHOP_VEHICLES_KEY = ['workshop-vehicles'] as const;

const vehiclesPath = (workshopId: string) => `/api/v1/workshops/${encodeURIComponent(workshopId)}/vehicles`;
const vehiclePath = (workshopId: string, vehicleId: string) =>
  `${vehiclesPath(workshopId)}/${encodeURIComponent(vehicleId)}`;

export function fetchWorkshopVehicles(
  workshopId: string,
  search: { q?: string; cursor?: string },
): Promise<ListPage<WorkshopVehicleSummary>> {
  return apiFetch(`${vehiclesPath(workshopId)}${queryString({ ...search })}`);
}

export function fetchWorkshopVehicle(workshopId: string, vehicleId: string): Promise<WorkshopVehicle> {
  return apiFetch(vehiclePath(workshopId, vehicleId));
}

/**
 * A vehicle looked up in each of the given workshops in turn, for an address that does not say
 * which workshop it belongs to. Another workshop's vehicle answers 404, so the first workshop that
 * answers is the vehicle's; when none does, the last 404 is thrown.
 */
export async function findWorkshopVehicle(
  vehicleId: string,
  workshopIds: string[],
): Promise<{ workshopId: string; vehicle: WorkshopVehicle }> {
  let lastError: unknown = new ApiError({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    code: 'not_found',
  });
  for (const workshopId of workshopIds) {
    try {
      return { workshopId, vehicle: await fetchWorkshopVehicle(workshopId, vehicleId) };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** Adds a vehicle; the answer holds its device token, which is never shown again. */
export function addVehicle(
  workshopId: string,
  body: AddVehicleBody,
): Promise<{ id: string; deviceToken: string }> {
  return apiFetch(vehiclesPath(workshopId), { method: 'POST', body });
}

/** A new device token, shown once; the old one stops working at once. */
export function rotateDeviceToken(workshopId: string, vehicleId: string): Promise<{ deviceToken: string }> {
  return apiFetch(`${vehiclePath(workshopId, vehicleId)}/device-token`, { method: 'POST' });
}

export function invitePrimaryUser(
  workshopId: string,
  vehicleId: string,
  body: { email: string; name?: string },
): Promise<{ invitationId: string }> {
  return apiFetch(`${vehiclePath(workshopId, vehicleId)}/primary-user/invitation`, { method: 'POST', body });
}

function isAffectedUser(value: unknown): value is AffectedUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return (
    typeof user.id === 'string' &&
    typeof user.name === 'string' &&
    typeof user.email === 'string' &&
    (user.role === 'primary' || user.role === 'secondary')
  );
}

/**
 * Who would lose access if the primary user were removed: the API's answer to a removal without
 * confirmation, which changes nothing. Rejects as usual when there is no primary user (404).
 */
export async function previewPrimaryUserRemoval(
  workshopId: string,
  vehicleId: string,
): Promise<AffectedUser[]> {
  try {
    await apiFetch(`${vehiclePath(workshopId, vehicleId)}/primary-user`, { method: 'DELETE' });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'confirmation_required') {
      const affected = error.problem.affectedUsers;
      return Array.isArray(affected) ? affected.filter(isAffectedUser) : [];
    }
    throw error;
  }
  // The API never removes without confirmation; an answer without the 409 is not one it gives.
  throw new Error('removing the primary user without confirmation did not ask for confirmation');
}

/** Removes the primary user and every other user of the vehicle, and revokes its invitations. */
export function removePrimaryUser(
  workshopId: string,
  vehicleId: string,
): Promise<{ removedUsers: AffectedUser[] }> {
  return apiFetch(`${vehiclePath(workshopId, vehicleId)}/primary-user?confirm=true`, { method: 'DELETE' });
}
