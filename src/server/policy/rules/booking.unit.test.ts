import { describe, expect, it } from 'vitest';
import { mayAnswerBooking, workshopRolesWith } from './booking.ts';
import type { VehicleRole } from './vehicle.ts';

describe('who answers a booking on the vehicle side', () => {
  const cases: [VehicleRole | null, boolean, boolean][] = [
    ['primary', true, true],
    ['primary', false, true],
    ['secondary', true, true],
    ['secondary', false, false],
    [null, true, false],
    [null, false, false],
  ];
  for (const [role, isBooker, expected] of cases) {
    for (const sharingLevel of ['shared', 'limited'] as const) {
      it(`${role ?? 'not a user'}${isBooker ? ' who booked' : ''} at ${sharingLevel}: ${expected ? 'may' : 'may not'}`, () => {
        expect(mayAnswerBooking({ role, sharingLevel, isBooker })).toBe(expected);
      });
    }
  }
});

describe('which workshop roles hear of bookings', () => {
  it('are the roles that answer them', () => {
    expect(workshopRolesWith('booking.manage').sort()).toEqual(['service_advisor', 'workshop_admin']);
    expect(workshopRolesWith('booking.settings.manage')).toEqual(['workshop_admin']);
  });
});
