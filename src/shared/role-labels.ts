import type { Language, StaffRole } from './roles.ts';

/** How each role is named to people, in each language. */
export const ROLE_LABELS: Record<Language, Record<StaffRole, string>> = {
  en: {
    admin: 'Admin',
    customer_manager: 'Customer manager',
    finance: 'Finance',
    support: 'Support',
    workshop_admin: 'Workshop admin',
    service_advisor: 'Service advisor',
    technician: 'Technician',
  },
  da: {
    admin: 'Administrator',
    customer_manager: 'Kundeansvarlig',
    finance: 'Økonomi',
    support: 'Support',
    workshop_admin: 'Værkstedsadministrator',
    service_advisor: 'Servicerådgiver',
    technician: 'Tekniker',
  },
};
