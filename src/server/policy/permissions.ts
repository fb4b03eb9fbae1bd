/**
 * The catalogue: every permission keyfob knows, each with what it allows. Rules grant these;
 * routes declare and check these; nothing checks a role name. Unknown permission: deny.
 */
export const PERMISSIONS = {
  'staff.read': 'See the system users of an organisation and their invitations',
  'staff.invite': 'Invite system users to an organisation, resend and revoke those invitations',
  'staff.manage': "Change a system user's roles and deactivate them",
  'workshop.create': 'Create workshop organisations',
  'workshop.manage': "Edit a workshop's name, address, phone and time zone",
  'workshop.read': 'See workshop organisations',
  'customer.read': 'See customers (account owners and end-users) and their invitations',
  'customer.manage': 'Invite customers and end-users, add sub-accounts, resend and revoke those invitations',
  'account.read': 'See accounts, their members and sub-accounts',
  'account.rates.read': 'See reimbursement rates of accounts and end-users',
  'account.rates.manage':
    'Change the reimbursement rate of a sub-account or an end-user (the old rate stays in the history)',
  'account.statements.read':
    "An account's and its sub-accounts' reimbursement statements and charging sessions (its owners)",
  'account.statements.approve':
    "Approve or reject a subsidiary sub-account's statements (the parent account's owners)",
  'charging.keys.manage': 'Create, list, rotate and revoke the keys of charging back ends',
  'statement.read': "See any account's reimbursement statements and charging sessions",
  'statement.export': "List every account's statements together, by month and state, and export them as CSV",
  'statement.close': 'Close a month: make its reimbursement statements (the monthly job does it too)',
  'statement.approve': "Approve or reject any subsidiary sub-account's statement",
  'vehicle.read': "See a workshop's vehicles, their users, status and alarms (never position or trips)",
  'vehicle.create': 'Add vehicles to a workshop and rotate their device tokens',
  'vehicle.primary.invite': "Invite a vehicle's primary user, resend and revoke that invitation",
  'vehicle.primary.remove': "Remove a vehicle's primary user, and with them every user of the vehicle",
  'vehicle.status.read': "A vehicle user's view of status data, health and active alarms",
  'vehicle.position.read': "The vehicle's live position (only while the primary shares it)",
  'vehicle.users.read': "The vehicle's users: names and roles",
  'vehicle.users.emails.read': "The emails of the vehicle's other users, and its pending invitations",
  'vehicle.users.invite': 'Invite secondary users to the vehicle, resend and revoke those invitations',
  'vehicle.users.remove': 'Remove a secondary user from the vehicle',
  'vehicle.sharing.manage': 'Choose the data-sharing level of the vehicle',
  'vehicle.chat': "Read and write a vehicle's conversation with its workshop",
  'vehicle.maintenance.notify':
    "Tell a workshop vehicle's users that service is due by a date or mileage, and see the notices sent",
  'vehicle.trips.read': "The vehicle's trips: times, duration and distance",
  'vehicle.trips.locations.read':
    "A trip's start and end positions and route (shared, or limited and assigned to the trip)",
  'vehicle.trips.assign_self': 'Assign an unassigned trip to oneself',
  'vehicle.trips.assign_any': 'Assign any trip to any users of the vehicle, and undo it',
  'vehicle.bookings.read': "The vehicle's service bookings, and its workshop's free slots",
  'vehicle.bookings.create': 'Book a service appointment for the vehicle',
  'vehicle.bookings.manage_own':
    "Accept or reject the workshop's other time for a booking one made, and cancel it",
  'vehicle.bookings.manage_any': "Accept, reject or cancel any of the vehicle's bookings",
  'booking.read': "See a workshop's bookings, its booking settings and service types",
  'booking.manage': "Confirm or decline a workshop's bookings, or propose another time",
  'booking.settings.manage':
    "Set a workshop's opening hours, closed dates, slot length, bays and service types",
  'mail.read': 'See outgoing mail and failed sends',
  'audit.read': 'Read the audit log',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(name: string): name is Permission {
  return Object.hasOwn(PERMISSIONS, name);
}
