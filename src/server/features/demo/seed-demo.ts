import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import {
  organizations,
  serviceTypes,
  staffMemberships,
  users,
  vehicleMemberships,
  vehicles,
  workshopBookingSettings,
} from '../../db/schema/index.ts';
import { hashToken } from '../../lib/tokens.ts';
import { bootstrapOperator, findOperator } from '../identity/bootstrap.ts';
import { hashPassword } from '../identity/passwords.ts';
import { findUserByEmail } from '../identity/users.ts';
import { seedChargingDemo } from './seed-charging.ts';

/** Demo logins: printed at start when DEMO is on. Never used outside demo data. */
export const DEMO_PASSWORD = 'keyfob-demo-password';
export const DEMO_LOGINS = [
  { email: 'admin@demo.keyfob.dk', name: 'Ada Admin', what: 'operator admin' },
  { email: 'workshop@demo.keyfob.dk', name: 'Wilma Workshop', what: 'workshop admin at Nørre Auto' },
  { email: 'driver@demo.keyfob.dk', name: 'Dorte Driver', what: 'primary user of the demo Volvo' },
  { email: 'friend@demo.keyfob.dk', name: 'Frede Friend', what: 'secondary user of the demo Volvo' },
] as const;

/**
 * Seeds the demo once: the operator with its admin, and a workshop with its admin. Later areas
 * add their own demo data here. Safe to run at every start: it stops when the demo admin exists.
 */
/** The workshop's cars; the first is the demo household's. The simulator drives them all. */
const DEMO_VEHICLES = [
  {
    vin: 'YV1XZK7V9P2000001',
    registrationNumber: 'DK 12 345',
    make: 'Volvo',
    model: 'XC40 Recharge',
    year: 2023,
    fuelType: 'electric' as const,
  },
  {
    vin: 'WV1ZZZ7HZPH000002',
    registrationNumber: 'DK 23 456',
    make: 'Volkswagen',
    model: 'Transporter',
    year: 2021,
    fuelType: 'diesel' as const,
  },
  {
    vin: 'TMBJJ7NX1P0000003',
    registrationNumber: 'DK 34 567',
    make: 'Skoda',
    model: 'Octavia',
    year: 2020,
    fuelType: 'petrol' as const,
  },
];
export const DEMO_VINS = DEMO_VEHICLES.map((vehicle) => vehicle.vin);

/** What the demo workshop offers to book, with how long each takes. */
const DEMO_SERVICE_TYPES = [
  { name: 'Annual service', durationMinutes: 120 },
  { name: 'Oil change', durationMinutes: 30 },
  { name: 'Tyre change', durationMinutes: 45 },
  { name: 'Brake check', durationMinutes: 60 },
  { name: 'Warning light diagnosis', durationMinutes: 60 },
  { name: 'Battery health check', durationMinutes: 30 },
];

export async function seedDemo(db: Database, now: Date): Promise<void> {
  const [admin, workshopAdmin, driver, friend] = DEMO_LOGINS;
  if (await findUserByEmail(db, admin.email)) return;
  await bootstrapOperator(db, { email: admin.email, password: DEMO_PASSWORD, name: admin.name }, now);
  const operator = await findOperator(db);
  if (!operator) throw new Error('no operator after bootstrap');
  // An operator made by BOOTSTRAP_ADMIN_* gets the demo admin as a second admin.
  const demoAdmin = await findUserByEmail(db, admin.email);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    let adminId = demoAdmin?.id;
    if (!adminId) {
      const [created] = await tx
        .insert(users)
        .values({ email: admin.email, name: admin.name, passwordHash, createdAt: now })
        .returning({ id: users.id });
      adminId = created?.id;
      if (adminId) {
        await tx
          .insert(staffMemberships)
          .values({ userId: adminId, organizationId: operator.id, roles: ['admin'], createdAt: now });
      }
    }
    const [workshop] = await tx
      .insert(organizations)
      .values({ kind: 'workshop', name: 'Nørre Auto' })
      .returning();
    const [wilma] = await tx
      .insert(users)
      .values({ email: workshopAdmin.email, name: workshopAdmin.name, passwordHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!workshop) return;
    // Nørre Auto takes bookings: weekdays with a short Friday, half-hour slots, three bays.
    await tx.insert(workshopBookingSettings).values({
      workshopId: workshop.id,
      openingHours: [
        ...[1, 2, 3, 4].map((weekday) => ({ weekday, opens: '07:30', closes: '16:00' })),
        { weekday: 5, opens: '07:30', closes: '14:00' },
      ],
      slotMinutes: 30,
      capacity: 3,
      cancellationCutoffHours: 24,
      updatedAt: now,
    });
    await tx.insert(serviceTypes).values(
      DEMO_SERVICE_TYPES.map((type) => ({
        ...type,
        workshopId: workshop.id,
        createdAt: now,
        updatedAt: now,
      })),
    );
    if (wilma) {
      await tx.insert(staffMemberships).values({
        userId: wilma.id,
        organizationId: workshop.id,
        roles: ['workshop_admin', 'service_advisor'],
        createdAt: now,
      });
    }
    const drivers = await tx
      .insert(users)
      .values(
        [driver, friend].map((person) => ({
          email: person.email,
          name: person.name,
          passwordHash,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    const [volvo] = await tx
      .insert(vehicles)
      .values(
        DEMO_VEHICLES.map((vehicle) => ({
          ...vehicle,
          workshopId: workshop.id,
          // Demo device tokens are never shown; rotating one in the portal gives a usable one.
          deviceTokenHash: hashToken(randomBytes(32).toString('base64url')),
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: vehicles.id });
    if (!volvo) return;
    await tx.insert(vehicleMemberships).values(
      drivers.map((person) => ({
        vehicleId: volvo.id,
        userId: person.id,
        role: person.email === driver.email ? ('primary' as const) : ('secondary' as const),
        createdAt: now,
      })),
    );
  });
  const [owner, fleetDriver] = [
    await findUserByEmail(db, driver.email),
    await findUserByEmail(db, friend.email),
  ];
  if (owner && fleetDriver) await seedChargingDemo(db, { ownerId: owner.id, driverId: fleetDriver.id }, now);
}
