import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/roles.ts';
import type { Actor } from './actor.ts';
import { can, organizationsWhere } from './authorize.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';

const OPERATOR = '00000000-0000-4000-8000-00000000000a';
const WORKSHOP = '00000000-0000-4000-8000-00000000000b';
const OTHER_WORKSHOP = '00000000-0000-4000-8000-00000000000c';

function actorWith(role: StaffRole): Actor {
  const isOperatorRole = ['admin', 'customer_manager', 'finance', 'support'].includes(role);
  return {
    user: { id: 'u', email: 'u@example.test', name: 'U', language: 'en' },
    sessionId: 's',
    staff: [
      {
        organizationId: isOperatorRole ? OPERATOR : WORKSHOP,
        organizationKind: isOperatorRole ? 'operator' : 'workshop',
        organizationName: 'Org',
        roles: [role],
      },
    ],
  };
}

/**
 * Written out by hand from SPEC §2, not derived from the roles table: a change to who may do
 * what must change this table too. `own` = only in the member's own workshop; `any` = anywhere.
 */
const EXPECTED: Record<StaffRole, Partial<Record<Permission, 'any' | 'own'>>> = {
  admin: {
    'staff.read': 'any',
    'staff.invite': 'any',
    'staff.manage': 'any',
    'workshop.create': 'any',
    'workshop.manage': 'any',
    'workshop.read': 'any',
    'customer.read': 'any',
    'customer.manage': 'any',
    'account.read': 'any',
    'account.rates.read': 'any',
    'account.rates.manage': 'any',
    'charging.keys.manage': 'any',
    'statement.read': 'any',
    'statement.export': 'any',
    'statement.close': 'any',
    'vehicle.read': 'any',
    'vehicle.create': 'any',
    'vehicle.primary.invite': 'any',
    'vehicle.primary.remove': 'any',
    'mail.read': 'any',
    'audit.read': 'any',
  },
  customer_manager: {
    'staff.read': 'any',
    'workshop.read': 'any',
    'customer.read': 'any',
    'customer.manage': 'any',
    'account.read': 'any',
    'account.rates.read': 'any',
    'account.rates.manage': 'any',
    'statement.read': 'any',
  },
  // SPEC §2: finance is reimbursement statements; §11: it closes months and approves subsidiaries'.
  finance: {
    'staff.read': 'any',
    'workshop.read': 'any',
    'customer.read': 'any',
    'account.read': 'any',
    'account.rates.read': 'any',
    'statement.read': 'any',
    'statement.export': 'any',
    'statement.close': 'any',
    'statement.approve': 'any',
  },
  support: {
    'staff.read': 'any',
    'workshop.read': 'any',
    'customer.read': 'any',
    'account.read': 'any',
    'statement.read': 'any',
    'vehicle.read': 'any',
    'audit.read': 'any',
  },
  workshop_admin: {
    'staff.read': 'own',
    'staff.invite': 'own',
    'staff.manage': 'own',
    'vehicle.read': 'own',
    'vehicle.create': 'own',
    'vehicle.primary.invite': 'own',
    'vehicle.primary.remove': 'own',
    'vehicle.chat': 'own',
    'vehicle.maintenance.notify': 'own',
    'booking.read': 'own',
    'booking.manage': 'own',
    'booking.settings.manage': 'own',
  },
  service_advisor: {
    'vehicle.read': 'own',
    'vehicle.create': 'own',
    'vehicle.primary.invite': 'own',
    'vehicle.primary.remove': 'own',
    'vehicle.chat': 'own',
    'vehicle.maintenance.notify': 'own',
    'booking.read': 'own',
    'booking.manage': 'own',
  },
  // Technicians look after the car's health: they read vehicles, but manage neither cars nor people.
  technician: {
    'vehicle.read': 'own',
    'vehicle.chat': 'own',
    'vehicle.maintenance.notify': 'own',
    'booking.read': 'own',
  },
};

describe('the staff permission table', () => {
  for (const [role, grants] of Object.entries(EXPECTED) as [StaffRole, (typeof EXPECTED)[StaffRole]][]) {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const expected = grants[permission];
      it(`${role} ${expected ? `may ${permission} (${expected})` : `may not ${permission}`}`, () => {
        const actor = actorWith(role);
        expect(can(actor, permission, { organizationId: WORKSHOP })).toBe(expected !== undefined);
        expect(can(actor, permission, { organizationId: OTHER_WORKSHOP })).toBe(expected === 'any');
        expect(can(actor, permission)).toBe(expected !== undefined);
      });
    }
  }

  it('denies a permission that is not in the catalogue', () => {
    expect(can(actorWith('admin'), 'vehicle.fly' as Permission)).toBe(false);
  });

  it('denies everything to a person with no memberships', () => {
    const nobody: Actor = { ...actorWith('admin'), staff: [] };
    for (const permission of Object.keys(PERMISSIONS) as Permission[])
      expect(can(nobody, permission)).toBe(false);
  });

  it('lists where a permission reaches, for SQL filters', () => {
    expect(organizationsWhere(actorWith('admin'), 'staff.read')).toBe('any');
    expect(organizationsWhere(actorWith('workshop_admin'), 'staff.read')).toEqual([WORKSHOP]);
    expect(organizationsWhere(actorWith('technician'), 'staff.read')).toEqual([]);
  });
});
