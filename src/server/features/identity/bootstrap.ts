import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizations, staffMemberships, users } from '../../db/schema/index.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

/** The operator organisation, if it exists yet. */
export async function findOperator(db: Database) {
  const [operator] = await db.select().from(organizations).where(eq(organizations.kind, 'operator'));
  return operator;
}

/**
 * Creates the operator organisation and its first admin when no operator exists yet
 * (BOOTSTRAP_ADMIN_EMAIL/PASSWORD). A unique index allows one operator, so two instances
 * starting at once cannot make two. Returns whether it created anything.
 */
export async function bootstrapOperator(
  db: Database,
  admin: { email: string; password: string; name?: string },
  now: Date,
): Promise<boolean> {
  const issue = passwordProblem(admin.password);
  if (issue) throw new Error(`BOOTSTRAP_ADMIN_PASSWORD ${issue.message}`);
  if (await findOperator(db)) return false;
  const passwordHash = await hashPassword(admin.password);
  const email = normalizeEmail(admin.email);
  return db.transaction(async (tx) => {
    const [operator] = await tx
      .insert(organizations)
      .values({ kind: 'operator', name: 'keyfob operator' })
      .onConflictDoNothing()
      .returning();
    if (!operator) return false;
    const [user] = await tx
      .insert(users)
      .values({ email, name: admin.name ?? 'Administrator', passwordHash, createdAt: now })
      .onConflictDoUpdate({ target: users.email, set: { status: 'active' } })
      .returning();
    if (!user) throw new Error('bootstrap admin was not created');
    await tx
      .insert(staffMemberships)
      .values({ userId: user.id, organizationId: operator.id, roles: ['admin'], createdAt: now });
    await recordAudit(
      tx,
      {
        action: 'operator.bootstrapped',
        actorUserId: user.id,
        subjectType: 'organization',
        subjectId: operator.id,
      },
      now,
    );
    return true;
  });
}
