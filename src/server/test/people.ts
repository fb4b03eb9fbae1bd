import type { StaffRole } from '../../shared/roles.ts';
import { buildOperator, buildStaff, signIn } from './factories.ts';
import type { TestApp } from './server.ts';

/** Signs in a fresh operator staff member with these roles; answers their bearer headers. */
export async function operatorStaff(t: TestApp, roles: StaffRole[]) {
  const operator = await buildOperator(t.database.db);
  const user = await buildStaff(t.database.db, operator, roles);
  const token = await signIn(t.database.db, user, t.clock.now());
  return { user, operator, headers: { authorization: `Bearer ${token}` } };
}
