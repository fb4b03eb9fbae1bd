import type { StaffRole } from '../../shared/roles.ts';
import type { Permission } from './permissions.ts';

/**
 * Where a role's grant reaches: `any` organisation, or only the `own` organisation the member
 * belongs to. Operator roles reach every organisation; workshop roles only their workshop.
 */
export type GrantScope = 'any' | 'own';

/** The one table from roles to permissions (SPEC §2). */
export const ROLE_GRANTS: Record<StaffRole, Partial<Record<Permission, GrantScope>>> = {
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
  // Finance closes months and decides subsidiaries' statements; it does not agree rates.
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
  // Support reads people and accounts to help them, but not the money agreed with them.
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
  // They see the booking calendar (what comes into the bays) but do not answer bookings.
  technician: {
    'vehicle.read': 'own',
    'vehicle.chat': 'own',
    'vehicle.maintenance.notify': 'own',
    'booking.read': 'own',
  },
};
