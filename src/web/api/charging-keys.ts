import { apiFetch } from './client.ts';
import type { ListPage } from './lists.ts';

/** A charging back end's key, as listed: never the secret itself. */
export interface ChargingKey {
  id: string;
  /** Which back end the key is for, as operators recognise it. */
  name: string;
  createdAt: string;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  /** Set once the key is revoked for good. */
  revokedAt: string | null;
}

/** A new or rotated key: `key` is shown in this answer only, never again. */
export interface ChargingKeyCreated {
  id: string;
  name: string;
  key: string;
}

export const CHARGING_KEYS_KEY = ['charging-keys'] as const;

export function fetchChargingKeys(): Promise<ListPage<ChargingKey>> {
  return apiFetch('/api/v1/admin/charging-keys');
}

export function createChargingKey(name: string): Promise<ChargingKeyCreated> {
  return apiFetch('/api/v1/admin/charging-keys', { method: 'POST', body: { name } });
}

/** A new secret for the same back end; the old one stops working at once. */
export function rotateChargingKey(id: string): Promise<ChargingKeyCreated> {
  return apiFetch(`/api/v1/admin/charging-keys/${encodeURIComponent(id)}/rotate`, { method: 'POST' });
}

/** Revokes the key for good; the sessions it sent stay. */
export function revokeChargingKey(id: string): Promise<void> {
  return apiFetch(`/api/v1/admin/charging-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
