import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  bookings,
  invitations,
  serviceTypes,
  statementMonths,
  statements,
  trips,
  workshopBookingSettings,
} from '../db/schema/index.ts';
import {
  bearer,
  buildAccount,
  buildChargingKey,
  buildOperator,
  buildOrganization,
  buildStaff,
  buildSubAccount,
  buildUser,
  buildVehicle,
  signIn,
  uniqueVin,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/server.ts';

type Actor =
  | 'anonymous'
  | 'plainUser'
  | 'leavingUser'
  | 'technician'
  | 'workshopAdmin'
  | 'operatorAdmin'
  | 'operatorSupport'
  | 'operatorFinance'
  | 'customerManager'
  | 'vehiclePrimary'
  | 'vehicleSecondary'
  /** The household vehicle's device, by its device token. */
  | 'vehicleDevice'
  /** Owner of the charging fleet account (the parent of its subsidiary). */
  | 'accountOwner'
  /** Owner of the fleet's subsidiary sub-account. */
  | 'subsidiaryOwner'
  /** A charging back end, by its key. */
  | 'chargingBackend';

interface Fixtures {
  operatorId: string;
  workshopId: string;
  otherWorkshopId: string;
  accountId: string;
  technicianId: string;
  deactivatableId: string;
  vehicleId: string;
  ownedVehicleId: string;
  otherVehicleId: string;
  householdVehicleId: string;
  removableSecondaryId: string;
  secondaryInvitationId: string;
  householdTripId: string;
  vehiclePrimaryId: string;
  /** Bookings of the household vehicle: requested by the secondary; proposed ones; one by the primary. */
  requestedBookingId: string;
  proposedBookingId: string;
  otherProposedBookingId: string;
  primarysBookingId: string;
  serviceTypeId: string;
  removableServiceTypeId: string;
  /** Charging: the fleet account, its subsidiary, a driver with a rate, statements awaiting approval. */
  fleetAccountId: string;
  subsidiaryId: string;
  fleetDriverId: string;
  approvableStatementId: string;
  rejectableStatementId: string;
  ownersStatementId: string;
  rotatableKeyId: string;
  revocableKeyId: string;
}

interface AuthorizationCase {
  as: Actor;
  /** A concrete URL for routes with parameters or wildcards; the route itself otherwise. */
  url?: string | ((fixtures: Fixtures) => string);
  payload?: (fixtures: Fixtures) => object;
  expectStatus: number;
}

const UNKNOWN_TOKEN = 'A'.repeat(43);
let eventCounter = 0;
const telemetryBatch = () => ({
  events: [{ id: `route-auth-${eventCounter++}`, type: 'fuel', ts: '2026-03-01T08:00:00Z', percent: 50 }],
});
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
let chargingCounter = 0;
const chargingBatch = (f: Fixtures) => ({
  sessions: [
    {
      id: `route-auth-${chargingCounter++}`,
      accountId: f.subsidiaryId,
      chargerId: 'C1',
      private: true,
      startedAt: '2026-02-20T08:00:00Z',
      endedAt: '2026-02-20T09:00:00Z',
      energyWh: 10_000,
    },
  ],
});
let emailCounter = 0;
const freshEmail = () => `route-auth-${emailCounter++}@example.test`;
const newVehicle = () => ({ vin: uniqueVin(), registrationNumber: 'RA 1', make: 'Skoda', model: 'Enyaq' });
let serviceTypeCounter = 0;
const newServiceType = () => ({ name: `Service ${serviceTypeCounter++}`, durationMinutes: 30 });
const BOOKING_SETTINGS = {
  openingHours: [{ weekday: 2, opens: '08:00', closes: '16:00' }],
  closedDates: [],
  slotMinutes: 60,
  capacity: 5,
};
/** A free slot at the route-test workshop: Tuesday 3 March 2026, 08:00 in Copenhagen. */
const FREE_SLOT = '2026-03-03T08:00:00+01:00';
const subAccount = () => ({
  usage: 'employee',
  name: 'Sub',
  email: freshEmail(),
  type: 'consumer',
  reimbursementRateEur: '0.3',
});

/**
 * Who may call every registered route, and what they get. A route missing here fails the suite:
 * adding a route means saying, and testing, who may reach it. Keys are `METHOD /path`.
 */
const AUTHORIZATION_CASES: Record<string, AuthorizationCase[]> = {
  'GET /healthz': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /readyz': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/openapi.json': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/json': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/yaml': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/static/index.html': [{ as: 'anonymous', expectStatus: 302 }],
  'GET /api/docs/static/swagger-initializer.js': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/static/*': [{ as: 'anonymous', url: '/api/docs/static/swagger-ui.css', expectStatus: 200 }],
  'GET /assets/*': [{ as: 'anonymous', url: '/assets/app.js', expectStatus: 200 }],
  'GET /dev/mail': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /dev/mail/messages': [{ as: 'anonymous', expectStatus: 200 }],

  'POST /api/v1/auth/login': [
    {
      as: 'anonymous',
      payload: () => ({ email: 'nobody@example.test', password: 'wrong password' }),
      expectStatus: 401,
    },
  ],
  'POST /api/v1/auth/logout': [
    { as: 'anonymous', expectStatus: 401 },
    // Its own user: signing out ends the session the other cases use.
    { as: 'leavingUser', expectStatus: 204 },
  ],
  'GET /api/v1/me': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 200 },
  ],
  'PATCH /api/v1/me': [
    { as: 'anonymous', payload: () => ({ language: 'da' }), expectStatus: 401 },
    { as: 'plainUser', payload: () => ({ language: 'da' }), expectStatus: 200 },
  ],
  'POST /api/v1/auth/password-reset': [
    { as: 'anonymous', payload: () => ({ email: 'nobody@example.test' }), expectStatus: 202 },
  ],
  'GET /api/v1/auth/password-reset/:token': [
    { as: 'anonymous', url: `/api/v1/auth/password-reset/${UNKNOWN_TOKEN}`, expectStatus: 404 },
  ],
  'POST /api/v1/auth/password-reset/:token': [
    {
      as: 'anonymous',
      url: `/api/v1/auth/password-reset/${UNKNOWN_TOKEN}`,
      payload: () => ({ password: 'a long enough passphrase' }),
      expectStatus: 404,
    },
  ],
  'GET /api/v1/invitations/:token': [
    { as: 'anonymous', url: `/api/v1/invitations/${UNKNOWN_TOKEN}`, expectStatus: 404 },
  ],
  'POST /api/v1/invitations/:token/accept': [
    {
      as: 'anonymous',
      url: `/api/v1/invitations/${UNKNOWN_TOKEN}/accept`,
      payload: () => ({}),
      expectStatus: 404,
    },
  ],
  'POST /api/v1/admin/invitations/:id/resend': [
    { as: 'anonymous', url: `/api/v1/admin/invitations/${UNKNOWN_ID}/resend`, expectStatus: 401 },
    // Not found and not yours are the same answer.
    { as: 'plainUser', url: `/api/v1/admin/invitations/${UNKNOWN_ID}/resend`, expectStatus: 404 },
  ],
  'DELETE /api/v1/admin/invitations/:id': [
    { as: 'anonymous', url: `/api/v1/admin/invitations/${UNKNOWN_ID}`, expectStatus: 401 },
    { as: 'plainUser', url: `/api/v1/admin/invitations/${UNKNOWN_ID}`, expectStatus: 404 },
  ],
  'GET /api/v1/admin/mail': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 403 },
    { as: 'operatorSupport', expectStatus: 403 },
    { as: 'workshopAdmin', expectStatus: 403 },
    { as: 'operatorAdmin', expectStatus: 200 },
  ],
  'POST /api/v1/admin/system-users': [
    {
      as: 'anonymous',
      payload: (f) => ({ email: freshEmail(), organizationId: f.operatorId, roles: ['support'] }),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      payload: (f) => ({ email: freshEmail(), organizationId: f.operatorId, roles: ['support'] }),
      expectStatus: 403,
    },
    {
      as: 'technician',
      payload: (f) => ({ email: freshEmail(), organizationId: f.workshopId, roles: ['technician'] }),
      expectStatus: 403,
    },
    {
      as: 'operatorSupport',
      payload: (f) => ({ email: freshEmail(), organizationId: f.operatorId, roles: ['support'] }),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      payload: (f) => ({ email: freshEmail(), organizationId: f.otherWorkshopId, roles: ['technician'] }),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      payload: (f) => ({ email: freshEmail(), organizationId: f.workshopId, roles: ['technician'] }),
      expectStatus: 201,
    },
    {
      as: 'operatorAdmin',
      payload: (f) => ({ email: freshEmail(), organizationId: f.workshopId, roles: ['workshop_admin'] }),
      expectStatus: 201,
    },
  ],
  'GET /api/v1/admin/system-users': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 403 },
    { as: 'technician', expectStatus: 403 },
    { as: 'workshopAdmin', expectStatus: 200 },
    { as: 'operatorSupport', expectStatus: 200 },
    { as: 'operatorFinance', expectStatus: 200 },
  ],
  'PUT /api/v1/admin/system-users/:userId/roles': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/system-users/${f.technicianId}/roles`,
      payload: (f) => ({ organizationId: f.workshopId, roles: ['technician'] }),
      expectStatus: 401,
    },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/admin/system-users/${f.technicianId}/roles`,
      payload: (f) => ({ organizationId: f.workshopId, roles: ['technician'] }),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/admin/system-users/${f.technicianId}/roles`,
      payload: (f) => ({ organizationId: f.workshopId, roles: ['technician', 'service_advisor'] }),
      expectStatus: 200,
    },
  ],
  'POST /api/v1/admin/system-users/:userId/deactivate': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/system-users/${f.deactivatableId}/deactivate`,
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/admin/system-users/${f.deactivatableId}/deactivate`,
      expectStatus: 403,
    },
    // A workshop admin cannot reach operator staff: not found, as if they did not exist.
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/admin/system-users/${f.deactivatableId}/deactivate`,
      expectStatus: 404,
    },
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/admin/system-users/${f.deactivatableId}/deactivate`,
      expectStatus: 204,
    },
  ],
  'POST /api/v1/admin/workshops': [
    { as: 'anonymous', payload: () => ({ name: 'W' }), expectStatus: 401 },
    { as: 'workshopAdmin', payload: () => ({ name: 'W' }), expectStatus: 403 },
    { as: 'customerManager', payload: () => ({ name: 'W' }), expectStatus: 403 },
    { as: 'operatorAdmin', payload: () => ({ name: 'W' }), expectStatus: 201 },
  ],
  'GET /api/v1/admin/workshops': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'technician', expectStatus: 403 },
    { as: 'operatorSupport', expectStatus: 200 },
  ],
  'PATCH /api/v1/admin/workshops/:id': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/workshops/${f.workshopId}`,
      payload: () => ({ phone: '1' }),
      expectStatus: 401,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/admin/workshops/${f.workshopId}`,
      payload: () => ({ phone: '1' }),
      expectStatus: 403,
    },
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/admin/workshops/${f.workshopId}`,
      payload: () => ({ phone: '1' }),
      expectStatus: 200,
    },
  ],
  'POST /api/v1/admin/customers': [
    { as: 'anonymous', payload: () => ({ email: freshEmail() }), expectStatus: 401 },
    { as: 'operatorSupport', payload: () => ({ email: freshEmail() }), expectStatus: 403 },
    { as: 'operatorFinance', payload: () => ({ email: freshEmail() }), expectStatus: 403 },
    { as: 'workshopAdmin', payload: () => ({ email: freshEmail() }), expectStatus: 403 },
    { as: 'customerManager', payload: () => ({ email: freshEmail() }), expectStatus: 201 },
    { as: 'operatorAdmin', payload: () => ({ email: freshEmail() }), expectStatus: 201 },
  ],
  'POST /api/v1/admin/end-users': [
    {
      as: 'anonymous',
      payload: (f) => ({ email: freshEmail(), role: 'driver', accountId: f.accountId }),
      expectStatus: 401,
    },
    {
      as: 'operatorSupport',
      payload: (f) => ({ email: freshEmail(), role: 'driver', accountId: f.accountId }),
      expectStatus: 403,
    },
    {
      as: 'customerManager',
      payload: (f) => ({ email: freshEmail(), role: 'driver', accountId: f.accountId }),
      expectStatus: 201,
    },
  ],
  'GET /api/v1/admin/customers': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'workshopAdmin', expectStatus: 403 },
    { as: 'operatorSupport', expectStatus: 200 },
    { as: 'operatorFinance', expectStatus: 200 },
  ],
  'GET /api/v1/admin/accounts': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'technician', expectStatus: 403 },
    { as: 'operatorFinance', expectStatus: 200 },
  ],
  'GET /api/v1/admin/accounts/:id': [
    { as: 'anonymous', url: (f) => `/api/v1/admin/accounts/${f.accountId}`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/admin/accounts/${f.accountId}`, expectStatus: 403 },
    { as: 'operatorSupport', url: (f) => `/api/v1/admin/accounts/${f.accountId}`, expectStatus: 200 },
  ],
  'POST /api/v1/admin/accounts/:id/sub-accounts': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/accounts/${f.accountId}/sub-accounts`,
      payload: () => subAccount(),
      expectStatus: 401,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/admin/accounts/${f.accountId}/sub-accounts`,
      payload: () => subAccount(),
      expectStatus: 403,
    },
    {
      as: 'customerManager',
      url: (f) => `/api/v1/admin/accounts/${f.accountId}/sub-accounts`,
      payload: () => subAccount(),
      expectStatus: 201,
    },
  ],
  'POST /api/v1/workshops/:wid/vehicles': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`,
      payload: () => newVehicle(),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`,
      payload: () => newVehicle(),
      expectStatus: 403,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`,
      payload: () => newVehicle(),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/vehicles`,
      payload: () => newVehicle(),
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`,
      payload: () => newVehicle(),
      expectStatus: 201,
    },
  ],
  'GET /api/v1/workshops/:wid/vehicles': [
    { as: 'anonymous', url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`, expectStatus: 403 },
    { as: 'technician', url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`, expectStatus: 200 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/vehicles`, expectStatus: 404 },
    { as: 'operatorSupport', url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles`, expectStatus: 200 },
  ],
  'GET /api/v1/workshops/:wid/vehicles/:vid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}`,
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}`,
      expectStatus: 200,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/vehicles/${f.otherVehicleId}`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.otherVehicleId}`,
      expectStatus: 404,
    },
  ],
  'POST /api/v1/workshops/:wid/vehicles/:vid/device-token': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}/device-token`,
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}/device-token`,
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}/device-token`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/workshops/:wid/vehicles/:vid/primary-user/invitation': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}/primary-user/invitation`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}/primary-user/invitation`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) =>
        `/api/v1/workshops/${f.otherWorkshopId}/vehicles/${f.otherVehicleId}/primary-user/invitation`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.vehicleId}/primary-user/invitation`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 201,
    },
  ],
  'DELETE /api/v1/workshops/:wid/vehicles/:vid/primary-user': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.ownedVehicleId}/primary-user`,
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.ownedVehicleId}/primary-user`,
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) =>
        `/api/v1/workshops/${f.otherWorkshopId}/vehicles/${f.otherVehicleId}/primary-user?confirm=true`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.ownedVehicleId}/primary-user`,
      expectStatus: 409,
    },
  ],
  'GET /api/v1/vehicles/:vid': [
    { as: 'anonymous', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}`, expectStatus: 404 },
    { as: 'operatorAdmin', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}`, expectStatus: 404 },
    { as: 'vehicleSecondary', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}`, expectStatus: 200 },
    { as: 'vehiclePrimary', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}`, expectStatus: 200 },
  ],
  'GET /api/v1/vehicles/:vid/users': [
    { as: 'anonymous', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users`, expectStatus: 401 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users`, expectStatus: 404 },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/vehicles/:vid/invitations': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations`,
      payload: () => ({ email: freshEmail() }),
      expectStatus: 201,
    },
  ],
  'DELETE /api/v1/vehicles/:vid/users/:uid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users/${f.removableSecondaryId}`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users/${f.removableSecondaryId}`,
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users/${f.removableSecondaryId}`,
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/users/${f.removableSecondaryId}`,
      expectStatus: 204,
    },
  ],
  'POST /api/v1/vehicles/:vid/invitations/:iid/resend': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations/${f.secondaryInvitationId}/resend`,
      expectStatus: 401,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations/${f.secondaryInvitationId}/resend`,
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations/${f.secondaryInvitationId}/resend`,
      expectStatus: 200,
    },
  ],
  'DELETE /api/v1/vehicles/:vid/invitations/:iid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations/${f.secondaryInvitationId}`,
      expectStatus: 401,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations/${f.secondaryInvitationId}`,
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/invitations/${f.secondaryInvitationId}`,
      expectStatus: 204,
    },
  ],
  'PUT /api/v1/vehicles/:vid/sharing': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/sharing`,
      payload: () => ({ level: 'limited' }),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/sharing`,
      payload: () => ({ level: 'limited' }),
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/sharing`,
      payload: () => ({ level: 'limited' }),
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/sharing`,
      payload: () => ({ level: 'shared' }),
      expectStatus: 200,
    },
  ],
  'GET /api/v1/vehicles/:vid/messages': [
    { as: 'anonymous', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`, expectStatus: 404 },
    // Operator staff read vehicles everywhere but take no part in workshops' conversations.
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`,
      expectStatus: 404,
    },
    { as: 'technician', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`, expectStatus: 200 },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/vehicles/:vid/messages': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`,
      payload: () => ({ body: 'hi' }),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`,
      payload: () => ({ body: 'hi' }),
      expectStatus: 404,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages`,
      payload: () => ({ body: 'hi' }),
      expectStatus: 201,
    },
  ],
  'POST /api/v1/vehicles/:vid/messages/read': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages/read`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages/read`,
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/messages/read`,
      expectStatus: 204,
    },
  ],
  'GET /api/v1/workshops/:wid/conversations': [
    { as: 'anonymous', url: (f) => `/api/v1/workshops/${f.workshopId}/conversations`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/workshops/${f.workshopId}/conversations`, expectStatus: 404 },
    { as: 'operatorAdmin', url: (f) => `/api/v1/workshops/${f.workshopId}/conversations`, expectStatus: 404 },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/conversations`,
      expectStatus: 404,
    },
    { as: 'technician', url: (f) => `/api/v1/workshops/${f.workshopId}/conversations`, expectStatus: 200 },
  ],
  // Sockets themselves are tested in chat.test.ts; here, who may even start the handshake.
  'GET /api/v1/chat/live': [{ as: 'anonymous', expectStatus: 401 }],
  'GET /api/v1/workshops/:wid/alarms': [
    { as: 'anonymous', url: (f) => `/api/v1/workshops/${f.workshopId}/alarms`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/workshops/${f.workshopId}/alarms`, expectStatus: 403 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/alarms`, expectStatus: 404 },
    { as: 'technician', url: (f) => `/api/v1/workshops/${f.workshopId}/alarms`, expectStatus: 200 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/workshops/${f.workshopId}/alarms`, expectStatus: 200 },
  ],
  // The stream itself (200) never ends, so users of the vehicle are covered in live-vehicle.test.ts.
  'GET /api/v1/vehicles/:vid/live': [
    { as: 'anonymous', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/live`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/live`, expectStatus: 404 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/live`, expectStatus: 404 },
  ],
  'GET /api/v1/vehicles/:vid/trips': [
    { as: 'anonymous', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips`, expectStatus: 404 },
    // Workshops never see trips (SPEC §6).
    { as: 'workshopAdmin', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips`, expectStatus: 404 },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips`,
      expectStatus: 200,
    },
    { as: 'vehiclePrimary', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips`, expectStatus: 200 },
  ],
  'GET /api/v1/vehicles/:vid/trips/:tid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}`,
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}`,
      expectStatus: 200,
    },
  ],
  'PUT /api/v1/vehicles/:vid/trips/:tid/assignees': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}/assignees`,
      payload: () => ({ userIds: [] }),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}/assignees`,
      payload: () => ({ userIds: [] }),
      expectStatus: 404,
    },
    // Only the primary assigns trips to others.
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}/assignees`,
      payload: (f) => ({ userIds: [f.vehiclePrimaryId] }),
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/trips/${f.householdTripId}/assignees`,
      payload: (f) => ({ userIds: [f.vehiclePrimaryId] }),
      expectStatus: 200,
    },
  ],
  'POST /api/v1/ingest/telemetry': [
    { as: 'anonymous', payload: () => telemetryBatch(), expectStatus: 401 },
    // A person's session is not a device token, whoever they are.
    { as: 'vehiclePrimary', payload: () => telemetryBatch(), expectStatus: 401 },
    { as: 'operatorAdmin', payload: () => telemetryBatch(), expectStatus: 401 },
    { as: 'vehicleDevice', payload: () => telemetryBatch(), expectStatus: 202 },
  ],
  'GET /api/v1/notifications': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 200 },
  ],
  'POST /api/v1/notifications/:id/read': [
    { as: 'anonymous', url: `/api/v1/notifications/${UNKNOWN_ID}/read`, expectStatus: 401 },
    // Someone else's notice (or none) does not exist for the caller.
    { as: 'plainUser', url: `/api/v1/notifications/${UNKNOWN_ID}/read`, expectStatus: 404 },
  ],
  'POST /api/v1/notifications/read-all': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 204 },
  ],

  'GET /api/v1/vehicles/:vid/booking-slots': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/booking-slots`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/booking-slots`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/booking-slots`,
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/booking-slots`,
      expectStatus: 200,
    },
  ],
  'GET /api/v1/vehicles/:vid/bookings': [
    { as: 'anonymous', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`, expectStatus: 404 },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`,
      expectStatus: 404,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`,
      expectStatus: 200,
    },
  ],
  'GET /api/v1/vehicles/:vid/bookings/:bid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.requestedBookingId}`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.requestedBookingId}`,
      expectStatus: 404,
    },
    // Another vehicle's path does not reach this booking.
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${UNKNOWN_ID}`,
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.requestedBookingId}`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/vehicles/:vid/bookings': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`,
      payload: () => ({ start: FREE_SLOT }),
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`,
      payload: () => ({ start: FREE_SLOT }),
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`,
      payload: () => ({ start: FREE_SLOT }),
      expectStatus: 404,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings`,
      payload: () => ({ start: FREE_SLOT }),
      expectStatus: 201,
    },
  ],
  'POST /api/v1/vehicles/:vid/bookings/:bid/accept': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.proposedBookingId}/accept`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.proposedBookingId}/accept`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.proposedBookingId}/accept`,
      expectStatus: 404,
    },
    // The secondary user who booked it.
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.proposedBookingId}/accept`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/vehicles/:vid/bookings/:bid/reject': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.otherProposedBookingId}/reject`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.otherProposedBookingId}/reject`,
      expectStatus: 404,
    },
    // The primary answers for a booking the secondary made.
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.otherProposedBookingId}/reject`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/vehicles/:vid/bookings/:bid/cancel': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.primarysBookingId}/cancel`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.primarysBookingId}/cancel`,
      expectStatus: 404,
    },
    // A secondary user cancels only their own bookings.
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.primarysBookingId}/cancel`,
      expectStatus: 403,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/vehicles/${f.householdVehicleId}/bookings/${f.primarysBookingId}/cancel`,
      expectStatus: 200,
    },
  ],
  'GET /api/v1/workshops/:wid/bookings': [
    { as: 'anonymous', url: (f) => `/api/v1/workshops/${f.workshopId}/bookings`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/workshops/${f.workshopId}/bookings`, expectStatus: 403 },
    // Operator staff take no part in workshops' bookings.
    { as: 'operatorAdmin', url: (f) => `/api/v1/workshops/${f.workshopId}/bookings`, expectStatus: 403 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/bookings`, expectStatus: 404 },
    { as: 'technician', url: (f) => `/api/v1/workshops/${f.workshopId}/bookings`, expectStatus: 200 },
    { as: 'workshopAdmin', url: (f) => `/api/v1/workshops/${f.workshopId}/bookings`, expectStatus: 200 },
  ],
  'GET /api/v1/workshops/:wid/bookings/:bid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      expectStatus: 401,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/bookings/${f.requestedBookingId}`,
      expectStatus: 404,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      expectStatus: 200,
    },
  ],
  'PATCH /api/v1/workshops/:wid/bookings/:bid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      payload: () => ({ action: 'confirm' }),
      expectStatus: 401,
    },
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      payload: () => ({ action: 'confirm' }),
      expectStatus: 403,
    },
    // Technicians see the calendar but do not answer bookings.
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      payload: () => ({ action: 'confirm' }),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/bookings/${f.requestedBookingId}`,
      payload: () => ({ action: 'confirm' }),
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/bookings/${f.requestedBookingId}`,
      payload: () => ({ action: 'confirm' }),
      expectStatus: 200,
    },
  ],
  'GET /api/v1/workshops/:wid/booking-settings': [
    { as: 'anonymous', url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`, expectStatus: 403 },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/booking-settings`,
      expectStatus: 404,
    },
    { as: 'technician', url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`, expectStatus: 200 },
  ],
  'PUT /api/v1/workshops/:wid/booking-settings': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`,
      payload: () => BOOKING_SETTINGS,
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`,
      payload: () => BOOKING_SETTINGS,
      expectStatus: 403,
    },
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`,
      payload: () => BOOKING_SETTINGS,
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/booking-settings`,
      payload: () => BOOKING_SETTINGS,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/booking-settings`,
      payload: () => BOOKING_SETTINGS,
      expectStatus: 200,
    },
  ],
  'GET /api/v1/workshops/:wid/service-types': [
    { as: 'anonymous', url: (f) => `/api/v1/workshops/${f.workshopId}/service-types`, expectStatus: 401 },
    { as: 'plainUser', url: (f) => `/api/v1/workshops/${f.workshopId}/service-types`, expectStatus: 403 },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/service-types`,
      expectStatus: 404,
    },
    { as: 'technician', url: (f) => `/api/v1/workshops/${f.workshopId}/service-types`, expectStatus: 200 },
  ],
  'POST /api/v1/workshops/:wid/service-types': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types`,
      payload: () => newServiceType(),
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types`,
      payload: () => newServiceType(),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/service-types`,
      payload: () => newServiceType(),
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types`,
      payload: () => newServiceType(),
      expectStatus: 201,
    },
  ],
  'PATCH /api/v1/workshops/:wid/service-types/:sid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types/${f.serviceTypeId}`,
      payload: () => ({ durationMinutes: 45 }),
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types/${f.serviceTypeId}`,
      payload: () => ({ durationMinutes: 45 }),
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/service-types/${f.serviceTypeId}`,
      payload: () => ({ durationMinutes: 45 }),
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types/${f.serviceTypeId}`,
      payload: () => ({ durationMinutes: 45 }),
      expectStatus: 200,
    },
  ],
  'DELETE /api/v1/workshops/:wid/service-types/:sid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types/${f.removableServiceTypeId}`,
      expectStatus: 401,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types/${f.removableServiceTypeId}`,
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/service-types/${f.removableServiceTypeId}`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/service-types/${f.removableServiceTypeId}`,
      expectStatus: 204,
    },
  ],
  'GET /api/v1/me/notification-preferences': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 200 },
  ],
  'PUT /api/v1/me/notification-preferences': [
    { as: 'anonymous', payload: () => ({ email: { chat_messages: false } }), expectStatus: 401 },
    { as: 'plainUser', payload: () => ({ email: { chat_messages: false } }), expectStatus: 200 },
  ],
  'POST /api/v1/workshops/:wid/vehicles/:vid/maintenance-notices': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      payload: () => ({ dueMileageKm: 30_000 }),
      expectStatus: 401,
    },
    // The car's own users do not send the workshop's notices.
    {
      as: 'vehiclePrimary',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      payload: () => ({ dueMileageKm: 30_000 }),
      expectStatus: 403,
    },
    // Operator staff see the vehicle, but the workshop is the one that tells its customers.
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      payload: () => ({ dueMileageKm: 30_000 }),
      expectStatus: 403,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/vehicles/${f.otherVehicleId}/maintenance-notices`,
      payload: () => ({ dueMileageKm: 30_000 }),
      expectStatus: 404,
    },
    {
      as: 'technician',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      payload: () => ({ dueMileageKm: 30_000 }),
      expectStatus: 201,
    },
  ],
  'GET /api/v1/workshops/:wid/vehicles/:vid/maintenance-notices': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      expectStatus: 401,
    },
    {
      as: 'vehicleSecondary',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      expectStatus: 403,
    },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      expectStatus: 403,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.otherWorkshopId}/vehicles/${f.otherVehicleId}/maintenance-notices`,
      expectStatus: 404,
    },
    {
      as: 'workshopAdmin',
      url: (f) => `/api/v1/workshops/${f.workshopId}/vehicles/${f.householdVehicleId}/maintenance-notices`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/admin/charging-keys': [
    { as: 'anonymous', payload: () => ({ name: 'Back end' }), expectStatus: 401 },
    { as: 'operatorFinance', payload: () => ({ name: 'Back end' }), expectStatus: 403 },
    { as: 'customerManager', payload: () => ({ name: 'Back end' }), expectStatus: 403 },
    { as: 'operatorAdmin', payload: () => ({ name: 'Back end' }), expectStatus: 201 },
  ],
  'GET /api/v1/admin/charging-keys': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'operatorFinance', expectStatus: 403 },
    { as: 'operatorAdmin', expectStatus: 200 },
  ],
  'POST /api/v1/admin/charging-keys/:id/rotate': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/charging-keys/${f.rotatableKeyId}/rotate`,
      expectStatus: 401,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/admin/charging-keys/${f.rotatableKeyId}/rotate`,
      expectStatus: 403,
    },
    { as: 'operatorAdmin', url: `/api/v1/admin/charging-keys/${UNKNOWN_ID}/rotate`, expectStatus: 404 },
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/admin/charging-keys/${f.rotatableKeyId}/rotate`,
      expectStatus: 200,
    },
  ],
  'DELETE /api/v1/admin/charging-keys/:id': [
    { as: 'anonymous', url: (f) => `/api/v1/admin/charging-keys/${f.revocableKeyId}`, expectStatus: 401 },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/admin/charging-keys/${f.revocableKeyId}`,
      expectStatus: 403,
    },
    { as: 'operatorAdmin', url: (f) => `/api/v1/admin/charging-keys/${f.revocableKeyId}`, expectStatus: 204 },
  ],
  'POST /api/v1/ingest/charging-sessions': [
    { as: 'anonymous', payload: chargingBatch, expectStatus: 401 },
    // A person's session or a car's device token is not a charging back end's key.
    { as: 'operatorAdmin', payload: chargingBatch, expectStatus: 401 },
    { as: 'vehicleDevice', payload: chargingBatch, expectStatus: 401 },
    { as: 'chargingBackend', payload: chargingBatch, expectStatus: 202 },
  ],
  'GET /api/v1/admin/accounts/:id/reimbursement-rates': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rates`,
      expectStatus: 401,
    },
    // Support helps customers but does not see the money agreed with them.
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rates`,
      expectStatus: 403,
    },
    {
      as: 'accountOwner',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rates`,
      expectStatus: 403,
    },
    {
      as: 'customerManager',
      url: `/api/v1/admin/accounts/${UNKNOWN_ID}/reimbursement-rates`,
      expectStatus: 404,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rates`,
      expectStatus: 200,
    },
  ],
  'PUT /api/v1/admin/accounts/:id/reimbursement-rate': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.31' }),
      expectStatus: 401,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.31' }),
      expectStatus: 403,
    },
    {
      as: 'accountOwner',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.31' }),
      expectStatus: 403,
    },
    {
      as: 'customerManager',
      url: (f) => `/api/v1/admin/accounts/${f.subsidiaryId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.31' }),
      expectStatus: 200,
    },
  ],
  'GET /api/v1/admin/accounts/:id/members/:userId/reimbursement-rates': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/accounts/${f.fleetAccountId}/members/${f.fleetDriverId}/reimbursement-rates`,
      expectStatus: 401,
    },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/admin/accounts/${f.fleetAccountId}/members/${f.fleetDriverId}/reimbursement-rates`,
      expectStatus: 403,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/admin/accounts/${f.fleetAccountId}/members/${f.fleetDriverId}/reimbursement-rates`,
      expectStatus: 200,
    },
  ],
  'PUT /api/v1/admin/accounts/:id/members/:userId/reimbursement-rate': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/admin/accounts/${f.fleetAccountId}/members/${f.fleetDriverId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.21' }),
      expectStatus: 401,
    },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/admin/accounts/${f.fleetAccountId}/members/${f.fleetDriverId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.21' }),
      expectStatus: 403,
    },
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/admin/accounts/${f.fleetAccountId}/members/${f.fleetDriverId}/reimbursement-rate`,
      payload: () => ({ reimbursementRateEur: '0.21' }),
      expectStatus: 200,
    },
  ],
  'POST /api/v1/admin/statements/close': [
    { as: 'anonymous', payload: () => ({ month: '2026-02' }), expectStatus: 401 },
    { as: 'customerManager', payload: () => ({ month: '2026-02' }), expectStatus: 403 },
    { as: 'operatorSupport', payload: () => ({ month: '2026-02' }), expectStatus: 403 },
    { as: 'accountOwner', payload: () => ({ month: '2026-02' }), expectStatus: 403 },
    { as: 'operatorFinance', payload: () => ({ month: '2026-02' }), expectStatus: 200 },
    { as: 'operatorAdmin', payload: () => ({ month: '2026-02' }), expectStatus: 200 },
  ],
  'GET /api/v1/admin/statements/months': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'operatorSupport', expectStatus: 403 },
    { as: 'operatorFinance', expectStatus: 200 },
  ],
  'GET /api/v1/admin/statements': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'accountOwner', expectStatus: 403 },
    { as: 'operatorSupport', expectStatus: 403 },
    { as: 'customerManager', expectStatus: 403 },
    { as: 'operatorFinance', expectStatus: 200 },
    { as: 'operatorAdmin', expectStatus: 200 },
  ],
  'GET /api/v1/admin/statements/export.csv': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'customerManager', expectStatus: 403 },
    { as: 'operatorFinance', expectStatus: 200 },
  ],
  'GET /api/v1/accounts/:aid/statements': [
    { as: 'anonymous', url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements`, expectStatus: 401 },
    // Not the account's: as if it were not there.
    { as: 'plainUser', url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements`, expectStatus: 404 },
    { as: 'technician', url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements`, expectStatus: 404 },
    // A subsidiary sees its own statements, not its parent's.
    {
      as: 'subsidiaryOwner',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements`,
      expectStatus: 404,
    },
    { as: 'subsidiaryOwner', url: (f) => `/api/v1/accounts/${f.subsidiaryId}/statements`, expectStatus: 200 },
    { as: 'accountOwner', url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements`, expectStatus: 200 },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements`,
      expectStatus: 200,
    },
  ],
  'GET /api/v1/accounts/:aid/statements/:sid': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}`,
      expectStatus: 404,
    },
    {
      as: 'subsidiaryOwner',
      url: (f) => `/api/v1/accounts/${f.subsidiaryId}/statements/${f.approvableStatementId}`,
      expectStatus: 200,
    },
    {
      as: 'accountOwner',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}`,
      expectStatus: 200,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/accounts/:aid/statements/:sid/approve': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}/approve`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}/approve`,
      expectStatus: 404,
    },
    // The subsidiary does not approve its own statement; operator staff other than finance neither.
    {
      as: 'subsidiaryOwner',
      url: (f) => `/api/v1/accounts/${f.subsidiaryId}/statements/${f.approvableStatementId}/approve`,
      expectStatus: 403,
    },
    {
      as: 'operatorAdmin',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}/approve`,
      expectStatus: 403,
    },
    {
      as: 'accountOwner',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.approvableStatementId}/approve`,
      expectStatus: 200,
    },
  ],
  'POST /api/v1/accounts/:aid/statements/:sid/reject': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.rejectableStatementId}/reject`,
      payload: () => ({ reason: 'Wrong charger' }),
      expectStatus: 401,
    },
    {
      as: 'subsidiaryOwner',
      url: (f) => `/api/v1/accounts/${f.subsidiaryId}/statements/${f.rejectableStatementId}/reject`,
      payload: () => ({ reason: 'Wrong charger' }),
      expectStatus: 403,
    },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.rejectableStatementId}/reject`,
      payload: () => ({ reason: 'Wrong charger' }),
      expectStatus: 403,
    },
    {
      as: 'operatorFinance',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/statements/${f.rejectableStatementId}/reject`,
      payload: () => ({ reason: 'Wrong charger' }),
      expectStatus: 200,
    },
  ],
  'GET /api/v1/accounts/:aid/charging-sessions': [
    {
      as: 'anonymous',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/charging-sessions`,
      expectStatus: 401,
    },
    {
      as: 'plainUser',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/charging-sessions`,
      expectStatus: 404,
    },
    {
      as: 'accountOwner',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/charging-sessions`,
      expectStatus: 200,
    },
    {
      as: 'operatorSupport',
      url: (f) => `/api/v1/accounts/${f.fleetAccountId}/charging-sessions`,
      expectStatus: 200,
    },
  ],
  'GET /api/v1/me/charging-sessions': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 200 },
  ],
  'GET /api/v1/me/statements': [
    { as: 'anonymous', expectStatus: 401 },
    { as: 'plainUser', expectStatus: 200 },
  ],
  'GET /api/v1/me/statements/:sid': [
    { as: 'anonymous', url: (f) => `/api/v1/me/statements/${f.ownersStatementId}`, expectStatus: 401 },
    // Someone else's statement is not there for the caller.
    { as: 'plainUser', url: (f) => `/api/v1/me/statements/${f.ownersStatementId}`, expectStatus: 404 },
    { as: 'accountOwner', url: (f) => `/api/v1/me/statements/${f.ownersStatementId}`, expectStatus: 200 },
  ],
};

describe('route authorization', () => {
  let t: TestApp;
  let webRoot: string;
  let fixtures: Fixtures;
  const tokens = new Map<Actor, string>();

  beforeAll(async () => {
    // A stand-in web build, so the asset route is registered whether or not `vite build` ran.
    webRoot = await mkdtemp(join(tmpdir(), 'keyfob-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>keyfob</title>');
    await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp({ webRoot });
    const db = t.database.db;
    const operator = await buildOperator(db);
    const workshop = await buildOrganization(db);
    const otherWorkshop = await buildOrganization(db);
    const [account] = await db
      .insert(accounts)
      .values({ name: 'Acme', type: 'business', createdAt: new Date() })
      .returning();
    const technician = await buildStaff(db, workshop, ['technician']);
    const vehiclePrimary = await buildUser(db);
    const vehicleSecondary = await buildUser(db);
    const removable = await buildUser(db);
    const household = await buildVehicle(db, {
      workshop,
      primary: vehiclePrimary,
      secondaries: [vehicleSecondary, removable],
    });
    const [secondaryInvitation] = await db
      .insert(invitations)
      .values({
        kind: 'vehicle_secondary',
        email: 'pending-friend@example.test',
        scope: `vehicle:${household.vehicle.id}:secondary`,
        grant: { vehicleId: household.vehicle.id },
        language: 'en',
        expiresAt: new Date(t.clock.now().getTime() + 60_000),
        createdAt: t.clock.now(),
      })
      .returning();
    const [trip] = await db
      .insert(trips)
      .values({
        vehicleId: household.vehicle.id,
        startedAt: new Date('2026-02-28T08:00:00Z'),
        endedAt: new Date('2026-02-28T08:30:00Z'),
      })
      .returning();
    await db.insert(workshopBookingSettings).values({
      workshopId: workshop.id,
      ...BOOKING_SETTINGS,
      updatedAt: t.clock.now(),
    });
    const [serviceType, removableServiceType] = await db
      .insert(serviceTypes)
      .values(
        ['Oil change', 'Tyres'].map((name) => ({
          workshopId: workshop.id,
          name,
          durationMinutes: 30,
          createdAt: t.clock.now(),
          updatedAt: t.clock.now(),
        })),
      )
      .returning();
    // Bookings nine days ahead, so none is near a cut-off; proposals four hours later.
    const hourOf = (hour: number) => new Date(`2026-03-10T${String(hour).padStart(2, '0')}:00:00Z`);
    const householdBooking = (
      hour: number,
      booker: { id: string; name: string },
      status: 'requested' | 'proposed',
    ) => ({
      workshopId: workshop.id,
      vehicleId: household.vehicle.id,
      bookerUserId: booker.id,
      bookerName: booker.name,
      status,
      startAt: hourOf(hour),
      endAt: hourOf(hour + 1),
      ...(status === 'proposed'
        ? { proposedStartAt: hourOf(hour + 4), proposedEndAt: hourOf(hour + 5) }
        : {}),
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    const [requested, proposed, otherProposed, primarys] = await db
      .insert(bookings)
      .values([
        householdBooking(9, vehicleSecondary, 'requested'),
        householdBooking(10, vehicleSecondary, 'proposed'),
        householdBooking(11, vehicleSecondary, 'proposed'),
        householdBooking(12, vehiclePrimary, 'requested'),
      ])
      .returning();
    // Charging: a fleet account (its owner, a driver with a rate), a subsidiary with its owner,
    // two of its statements awaiting approval and one of the owner's own, and back-end keys.
    const accountOwner = await buildUser(db);
    const subsidiaryOwner = await buildUser(db);
    const fleetDriver = await buildUser(db);
    const fleet = await buildAccount(db, {
      owners: [accountOwner],
      drivers: [{ user: fleetDriver, rateEur: '0.2' }],
    });
    const subsidiary = await buildSubAccount(db, fleet, {
      usage: 'subsidiary',
      rateEur: '0.3',
      owners: [subsidiaryOwner],
    });
    await db.insert(statementMonths).values(
      ['2025-11', '2025-12'].map((month) => ({
        month,
        timeZone: 'Europe/Copenhagen',
        periodStart: new Date(`${month}-01T00:00:00Z`),
        periodEnd: new Date(`${month}-28T00:00:00Z`),
        closedAt: t.clock.now(),
      })),
    );
    const statementOf = (month: string, accountId: string, userId: string | null) => ({
      month,
      accountId,
      userId,
      status: userId ? ('approved' as const) : ('awaiting_approval' as const),
      energyWh: 10_000,
      amountExactEur: '3.0000000',
      amountEur: '3.00',
      sessionCount: 1,
      correctionCount: 0,
      createdAt: t.clock.now(),
    });
    const [approvable, rejectable, ownersStatement] = await db
      .insert(statements)
      .values([
        statementOf('2025-11', subsidiary.id, null),
        statementOf('2025-12', subsidiary.id, null),
        statementOf('2025-12', fleet.id, accountOwner.id),
      ])
      .returning();
    const chargingBackend = await buildChargingKey(db);
    tokens.set('chargingBackend', chargingBackend.key);
    fixtures = {
      operatorId: operator.id,
      workshopId: workshop.id,
      otherWorkshopId: otherWorkshop.id,
      accountId: account?.id ?? '',
      // Not the `technician` actor: changing these roles must not change what that actor may do.
      technicianId: (await buildStaff(db, workshop, ['technician'])).id,
      deactivatableId: (await buildStaff(db, operator, ['support'])).id,
      vehicleId: (await buildVehicle(db, { workshop })).vehicle.id,
      ownedVehicleId: (await buildVehicle(db, { workshop, primary: await buildUser(db) })).vehicle.id,
      otherVehicleId: (await buildVehicle(db, { workshop: otherWorkshop, primary: await buildUser(db) }))
        .vehicle.id,
      householdVehicleId: household.vehicle.id,
      removableSecondaryId: removable.id,
      secondaryInvitationId: secondaryInvitation?.id ?? '',
      householdTripId: trip?.id ?? '',
      vehiclePrimaryId: vehiclePrimary.id,
      requestedBookingId: requested?.id ?? '',
      proposedBookingId: proposed?.id ?? '',
      otherProposedBookingId: otherProposed?.id ?? '',
      primarysBookingId: primarys?.id ?? '',
      serviceTypeId: serviceType?.id ?? '',
      removableServiceTypeId: removableServiceType?.id ?? '',
      fleetAccountId: fleet.id,
      subsidiaryId: subsidiary.id,
      fleetDriverId: fleetDriver.id,
      approvableStatementId: approvable?.id ?? '',
      rejectableStatementId: rejectable?.id ?? '',
      ownersStatementId: ownersStatement?.id ?? '',
      rotatableKeyId: (await buildChargingKey(db)).id,
      revocableKeyId: (await buildChargingKey(db)).id,
    };
    tokens.set('vehicleDevice', household.deviceToken);
    const people: Record<
      Exclude<Actor, 'anonymous' | 'vehicleDevice' | 'chargingBackend'>,
      { id: string }
    > = {
      plainUser: await buildUser(db),
      leavingUser: await buildUser(db),
      technician,
      workshopAdmin: await buildStaff(db, workshop, ['workshop_admin']),
      operatorAdmin: await buildStaff(db, operator, ['admin']),
      operatorSupport: await buildStaff(db, operator, ['support']),
      operatorFinance: await buildStaff(db, operator, ['finance']),
      customerManager: await buildStaff(db, operator, ['customer_manager']),
      vehiclePrimary,
      vehicleSecondary,
      accountOwner,
      subsidiaryOwner,
    };
    for (const [actor, person] of Object.entries(people)) {
      tokens.set(actor as Actor, await signIn(db, person, t.clock.now()));
    }
  }, 60_000);

  afterAll(async () => {
    await t.app.close();
    await t.database.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('has authorization cases for every registered route, and none for routes that are gone', () => {
    const registered = t.app.routeCatalogue.map((route) => `${route.method} ${route.url}`);
    const missing = registered.filter((key) => !AUTHORIZATION_CASES[key]?.length);
    const stale = Object.keys(AUTHORIZATION_CASES).filter((key) => !registered.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('keeps the declared access of every route (review a change here as a permission change)', () => {
    const lines = t.app.routeCatalogue
      .map((route) => `${route.method} ${route.url} -> ${route.access}`)
      .sort();
    expect(lines).toMatchSnapshot();
  });

  for (const [key, cases] of Object.entries(AUTHORIZATION_CASES)) {
    for (const authorizationCase of cases) {
      it(`${key} as ${authorizationCase.as} answers ${authorizationCase.expectStatus}`, async () => {
        const [method = 'GET', path = '/'] = key.split(' ');
        const token = tokens.get(authorizationCase.as);
        const response = await t.app.inject({
          method: method as 'GET',
          url:
            typeof authorizationCase.url === 'function'
              ? authorizationCase.url(fixtures)
              : (authorizationCase.url ?? path),
          headers: token ? bearer(token) : {},
          ...(authorizationCase.payload ? { payload: authorizationCase.payload(fixtures) } : {}),
        });
        expect(response.statusCode, response.body).toBe(authorizationCase.expectStatus);
      });
    }
  }
});
