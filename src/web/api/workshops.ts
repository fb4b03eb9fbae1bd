import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';

export interface Workshop {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  /** IANA time zone, e.g. Europe/Copenhagen. */
  timeZone: string;
}

export interface WorkshopFields {
  name: string;
  address?: string | null;
  phone?: string | null;
  timeZone?: string;
}

export const WORKSHOPS_KEY = ['workshops'] as const;

export function fetchWorkshops(q?: string): Promise<ListPage<Workshop>> {
  return apiFetch(`/api/v1/admin/workshops${queryString({ q })}`);
}

export function createWorkshop(body: WorkshopFields): Promise<Workshop> {
  return apiFetch('/api/v1/admin/workshops', { method: 'POST', body });
}

export function updateWorkshop(id: string, body: Partial<WorkshopFields>): Promise<Workshop> {
  return apiFetch(`/api/v1/admin/workshops/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}
