import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { StaffRole } from '../../shared/roles.ts';
import type { Database } from '../db/client.ts';
import {
  accountMemberships,
  accounts,
  organizations,
  reimbursementRates,
  staffMemberships,
  users,
  vehicleMemberships,
  vehicles,
} from '../db/schema/index.ts';
import { insertChargingKey } from '../features/charging/charging-keys.ts';
import { hashPassword } from '../features/identity/passwords.ts';
import { createSession } from '../features/identity/sessions.ts';
import { hashToken } from '../lib/tokens.ts';

const unique = () => randomBytes(4).toString('hex');

/** The password every factory-made user has: long enough and not common. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';
// Hashing is deliberately slow; factories hash once and reuse it.
let passwordHash: Promise<string> | undefined;

/** A workshop organisation (or the operator, when `kind` says so). */
export async function buildOrganization(
  db: Database,
  overrides: Partial<typeof organizations.$inferInsert> = {},
): Promise<typeof organizations.$inferSelect> {
  const [organization] = await db
    .insert(organizations)
    .values({ kind: 'workshop', name: `Workshop ${unique()}`, ...overrides })
    .returning();
  if (!organization) throw new Error('insert returned no organisation');
  return organization;
}

/** The operator organisation: made on first use, the same one after that. */
export async function buildOperator(db: Database): Promise<typeof organizations.$inferSelect> {
  const [existing] = await db.select().from(organizations).where(eq(organizations.kind, 'operator'));
  return existing ?? buildOrganization(db, { kind: 'operator', name: 'keyfob operator' });
}

/** A user who can sign in with TEST_PASSWORD. */
export async function buildUser(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> = {},
  now = new Date(),
): Promise<typeof users.$inferSelect> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${id}@example.test`,
      name: `User ${id}`,
      passwordHash: await passwordHash,
      createdAt: now,
      ...overrides,
    })
    .returning();
  if (!user) throw new Error('insert returned no user');
  return user;
}

/** A system user of an organisation with the given roles. */
export async function buildStaff(
  db: Database,
  organization: { id: string },
  roles: StaffRole[],
  overrides: Partial<typeof users.$inferInsert> = {},
) {
  const user = await buildUser(db, overrides);
  await db
    .insert(staffMemberships)
    .values({ userId: user.id, organizationId: organization.id, roles, createdAt: new Date() });
  return user;
}

/** A session token for the user, as login would give: for `Authorization: Bearer`. */
export function signIn(db: Database, user: { id: string }, now = new Date()): Promise<string> {
  return createSession(db, user.id, now);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let vinCounter = 0;
/** A valid, unique VIN (17 characters, no I, O or Q). */
export function uniqueVin(): string {
  const digits = String(Date.now() % 1e8).padStart(8, '0') + String(vinCounter++).padStart(4, '0');
  return `WVW${digits}AB`.slice(0, 17).padEnd(17, '0');
}

/** A vehicle at a workshop (made when not given), with users when asked, and its device token. */
export async function buildVehicle(
  db: Database,
  options: { workshop?: { id: string }; primary?: { id: string }; secondaries?: { id: string }[] } = {},
) {
  const workshop = options.workshop ?? (await buildOrganization(db));
  const deviceToken = randomBytes(32).toString('base64url');
  const [vehicle] = await db
    .insert(vehicles)
    .values({
      workshopId: workshop.id,
      vin: uniqueVin(),
      registrationNumber: `AB ${10000 + vinCounter}`,
      make: 'Volvo',
      model: 'XC40',
      year: 2022,
      fuelType: 'electric',
      deviceTokenHash: hashToken(deviceToken),
      createdAt: new Date(),
    })
    .returning();
  if (!vehicle) throw new Error('insert returned no vehicle');
  const members = [
    ...(options.primary ? [{ userId: options.primary.id, role: 'primary' as const }] : []),
    ...(options.secondaries ?? []).map((user) => ({ userId: user.id, role: 'secondary' as const })),
  ];
  if (members.length) {
    await db
      .insert(vehicleMemberships)
      .values(members.map((m) => ({ ...m, vehicleId: vehicle.id, createdAt: new Date() })));
  }
  return { vehicle, workshop, deviceToken };
}

/** Since when factory-made reimbursement rates are in force: before any month a test closes. */
export const RATES_SINCE = new Date('2025-01-01T00:00:00Z');

/**
 * A customer account with its owners and drivers. A driver's `rateEur` is agreed with them and
 * in force since RATES_SINCE (in the membership and in the rate history, as inviting would).
 */
export async function buildAccount(
  db: Database,
  options: {
    name?: string;
    owners?: { id: string }[];
    drivers?: { user: { id: string }; rateEur?: string | null }[];
  } = {},
) {
  const [account] = await db
    .insert(accounts)
    .values({ name: options.name ?? `Account ${unique()}`, type: 'consumer', createdAt: RATES_SINCE })
    .returning();
  if (!account) throw new Error('insert returned no account');
  const members = [
    ...(options.owners ?? []).map((user) => ({
      userId: user.id,
      role: 'account_owner' as const,
      rate: null,
    })),
    ...(options.drivers ?? []).map((d) => ({
      userId: d.user.id,
      role: 'driver' as const,
      rate: d.rateEur ?? null,
    })),
  ];
  for (const member of members) {
    await db.insert(accountMemberships).values({
      accountId: account.id,
      userId: member.userId,
      role: member.role,
      reimbursementRateEur: member.rate,
      createdAt: RATES_SINCE,
    });
    if (member.rate !== null) {
      await db.insert(reimbursementRates).values({
        accountId: account.id,
        userId: member.userId,
        rateEur: member.rate,
        effectiveFrom: RATES_SINCE,
        createdAt: RATES_SINCE,
      });
    }
  }
  return account;
}

/** A sub-account of `parent` with its usage, its rate (in force since RATES_SINCE) and its owners. */
export async function buildSubAccount(
  db: Database,
  parent: { id: string },
  options: { usage: 'employee' | 'subsidiary'; rateEur: string; owners?: { id: string }[]; name?: string },
) {
  const [account] = await db
    .insert(accounts)
    .values({
      name: options.name ?? `${options.usage} ${unique()}`,
      type: 'business',
      parentAccountId: parent.id,
      usage: options.usage,
      reimbursementRateEur: options.rateEur,
      createdAt: RATES_SINCE,
    })
    .returning();
  if (!account) throw new Error('insert returned no sub-account');
  await db.insert(reimbursementRates).values({
    accountId: account.id,
    rateEur: options.rateEur,
    effectiveFrom: RATES_SINCE,
    createdAt: RATES_SINCE,
  });
  for (const owner of options.owners ?? []) {
    await db
      .insert(accountMemberships)
      .values({ accountId: account.id, userId: owner.id, role: 'account_owner', createdAt: RATES_SINCE });
  }
  return account;
}

/** A charging back end and its key, for `Authorization: Bearer`. */
export function buildChargingKey(db: Database, name = `Back end ${unique()}`) {
  return insertChargingKey(db, { name, createdByUserId: null, now: new Date() });
}
