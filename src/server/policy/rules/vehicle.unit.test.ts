import { describe, expect, it } from 'vitest';
import type { Permission } from '../permissions.ts';
import { canOnVehicle, type SharingLevel, type VehicleRole } from './vehicle.ts';

type Reader = { role: VehicleRole | null; isAssignee: boolean; name: string };

const READERS: Reader[] = [
  { name: 'primary', role: 'primary', isAssignee: false },
  { name: 'assigned primary', role: 'primary', isAssignee: true },
  { name: 'assigned secondary', role: 'secondary', isAssignee: true },
  { name: 'unassigned secondary', role: 'secondary', isAssignee: false },
  { name: 'not a user of the vehicle', role: null, isAssignee: false },
];

/** SPEC §6, cell by cell, written out by hand: who sees what at each level. */
const SPEC_TABLE: Record<string, Record<SharingLevel, (reader: Reader) => boolean>> = {
  'vehicle.position.read': { shared: (r) => r.role !== null, limited: () => false },
  'vehicle.status.read': { shared: (r) => r.role !== null, limited: (r) => r.role !== null },
  'vehicle.trips.read': { shared: (r) => r.role !== null, limited: (r) => r.role !== null },
  'vehicle.trips.locations.read': {
    shared: (r) => r.role !== null,
    limited: (r) => r.role !== null && r.isAssignee,
  },
  'vehicle.trips.assign_self': { shared: (r) => r.role !== null, limited: (r) => r.role !== null },
  'vehicle.trips.assign_any': { shared: (r) => r.role === 'primary', limited: (r) => r.role === 'primary' },
  'vehicle.users.emails.read': { shared: (r) => r.role === 'primary', limited: (r) => r.role === 'primary' },
  'vehicle.sharing.manage': { shared: (r) => r.role === 'primary', limited: (r) => r.role === 'primary' },
  // Booking is for all vehicle users at both levels (SPEC §6); the primary answers any booking.
  'vehicle.bookings.read': { shared: (r) => r.role !== null, limited: (r) => r.role !== null },
  'vehicle.bookings.create': { shared: (r) => r.role !== null, limited: (r) => r.role !== null },
  'vehicle.bookings.manage_own': { shared: (r) => r.role !== null, limited: (r) => r.role !== null },
  'vehicle.bookings.manage_any': {
    shared: (r) => r.role === 'primary',
    limited: (r) => r.role === 'primary',
  },
};

describe('vehicle rules against the SPEC §6 table', () => {
  for (const [permission, levels] of Object.entries(SPEC_TABLE)) {
    for (const level of ['shared', 'limited'] as const) {
      for (const reader of READERS) {
        const expected = levels[level](reader);
        it(`${permission} at ${level}: ${reader.name} ${expected ? 'may' : 'may not'}`, () => {
          expect(
            canOnVehicle(permission as Permission, {
              role: reader.role,
              sharingLevel: level,
              isAssignee: reader.isAssignee,
            }),
          ).toBe(expected);
        });
      }
    }
  }
});
