import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { organizations } from '../db/schema/index.ts';

const unique = () => randomBytes(4).toString('hex');

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
