import { apiFetch } from './client.ts';
import type { Alarm, VehicleStatus } from './telemetry.ts';
import type { FuelType, SharingLevel, VehicleRole } from './vehicles.ts';

/** A vehicle as one of its users sees it in the driver app; the server leaves out what they may not see. */
export interface DriverVehicle {
  id: string;
  registrationNumber: string;
  make: string;
  model: string;
  year: number | null;
  fuelType: FuelType | null;
  myRole: VehicleRole;
  /** `isChosen` is false until the primary picks a level (the first-run tile asks for it). */
  sharing: { level: SharingLevel; isChosen: boolean };
  /** The position is absent when hidden (`positionHidden` says why) or not reported yet. */
  status: VehicleStatus & { positionHidden?: 'limited_sharing' };
  alarms: Alarm[];
}

/** A user of the vehicle; `email` is present for the primary's eyes only. */
export interface VehicleUser {
  id: string;
  name: string;
  role: VehicleRole;
  /** ISO date-time. */
  since: string;
  email?: string;
}

/** An invitation to become a secondary user, not yet accepted. */
export interface SecondaryInvitation {
  id: string;
  email: string;
  /** ISO date-time. */
  expiresAt: string;
  invitationStatus: 'pending' | 'expired';
}

/** `GET /vehicles/:vid/users`: `pendingInvitations` is present for the primary only. */
export interface VehicleUsers {
  items: VehicleUser[];
  pendingInvitations?: SecondaryInvitation[];
  nextCursor: null;
}

/** SPEC §5: at most five secondary users per vehicle, pending invitations included. */
export const MAX_SECONDARY_USERS = 5;

/** Query keys start here; invalidating it reloads every driver-app vehicle read. */
export const DRIVER_VEHICLES_KEY = ['driver-vehicles'] as const;

export const driverVehicleKey = (vehicleId: string) => [...DRIVER_VEHICLES_KEY, vehicleId] as const;
export const vehicleUsersKey = (vehicleId: string) => [...DRIVER_VEHICLES_KEY, vehicleId, 'users'] as const;

const vehiclePath = (vehicleId: string) => `/api/v1/vehicles/${encodeURIComponent(vehicleId)}`;
const invitationPath = (vehicleId: string, invitationId: string) =>
  `${vehiclePath(vehicleId)}/invitations/${encodeURIComponent(invitationId)}`;

/** Rejects with a 404 ApiError when the caller is not (or no longer) a user of the vehicle. */
export function fetchDriverVehicle(vehicleId: string): Promise<DriverVehicle> {
  return apiFetch(vehiclePath(vehicleId));
}

export function fetchVehicleUsers(vehicleId: string): Promise<VehicleUsers> {
  return apiFetch(`${vehiclePath(vehicleId)}/users`);
}

/** Invites a secondary user; `sharingLevel` also sets the level (the first-run tile sends it). */
export function inviteSecondaryUser(
  vehicleId: string,
  body: { email: string; sharingLevel?: SharingLevel },
): Promise<{ invitationId: string }> {
  return apiFetch(`${vehiclePath(vehicleId)}/invitations`, { method: 'POST', body });
}

/** Removes a secondary user at once (the primary's call; others get 403). */
export function removeVehicleUser(vehicleId: string, userId: string): Promise<void> {
  return apiFetch(`${vehiclePath(vehicleId)}/users/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export function revokeSecondaryInvitation(vehicleId: string, invitationId: string): Promise<void> {
  return apiFetch(invitationPath(vehicleId, invitationId), { method: 'DELETE' });
}

/** Mails a new link valid for 24 hours; the old one stops working. */
export function resendSecondaryInvitation(
  vehicleId: string,
  invitationId: string,
): Promise<{ expiresAt: string }> {
  return apiFetch(`${invitationPath(vehicleId, invitationId)}/resend`, { method: 'POST' });
}

/** The primary's choice for every user of the vehicle; applies to the very next read. */
export function setSharingLevel(vehicleId: string, level: SharingLevel): Promise<{ level: SharingLevel }> {
  return apiFetch(`${vehiclePath(vehicleId)}/sharing`, { method: 'PUT', body: { level } });
}
