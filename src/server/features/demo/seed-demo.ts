import type { Database } from '../../db/client.ts';
import { organizations, staffMemberships, users } from '../../db/schema/index.ts';
import { bootstrapOperator, findOperator } from '../identity/bootstrap.ts';
import { hashPassword } from '../identity/passwords.ts';
import { findUserByEmail } from '../identity/users.ts';

/** Demo logins: printed at start when DEMO is on. Never used outside demo data. */
export const DEMO_PASSWORD = 'keyfob-demo-password';
export const DEMO_LOGINS = [
  { email: 'admin@demo.keyfob.dk', name: 'Ada Admin', what: 'operator admin' },
  { email: 'workshop@demo.keyfob.dk', name: 'Wilma Workshop', what: 'workshop admin at Nørre Auto' },
] as const;

/**
 * Seeds the demo once: the operator with its admin, and a workshop with its admin. Later areas
 * add their own demo data here. Safe to run at every start: it stops when the demo admin exists.
 */
export async function seedDemo(db: Database, now: Date): Promise<void> {
  const [admin, workshopAdmin] = DEMO_LOGINS;
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
    if (workshop && wilma) {
      await tx.insert(staffMemberships).values({
        userId: wilma.id,
        organizationId: workshop.id,
        roles: ['workshop_admin', 'service_advisor'],
        createdAt: now,
      });
    }
  });
}
