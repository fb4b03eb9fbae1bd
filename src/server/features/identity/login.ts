import type { Database } from '../../db/client.ts';
import { Problem } from '../../lib/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { findUserByEmail, type UserRow } from './users.ts';

/**
 * Signs a person in. A wrong password, an unknown email and a deactivated account all get the
 * same 401 after the same amount of work, so the answer tells no one which emails exist.
 */
export async function logIn(
  db: Database,
  input: { email: string; password: string; ip: string },
  now: Date,
): Promise<{ user: UserRow; token: string }> {
  const user = await findUserByEmail(db, input.email);
  const isValid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !isValid || user.status !== 'active') {
    await recordAudit(
      db,
      {
        action: 'auth.login_failed',
        actorUserId: user?.id ?? null,
        actorEmail: input.email,
        subjectType: 'user',
        subjectId: user?.id ?? null,
        ip: input.ip,
      },
      now,
    );
    throw new Problem(401, 'invalid_credentials');
  }
  const token = await createSession(db, user.id, now);
  await recordAudit(
    db,
    { action: 'auth.login', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: input.ip },
    now,
  );
  return { user, token };
}
