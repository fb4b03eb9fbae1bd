import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { accountMemberships, users } from '../../db/schema/index.ts';
import { invalidField, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { createInvitation } from '../invitations/create-invitation.ts';
import { findAccount } from './queries.ts';

/** Refuses to invite someone who already belongs to the account. */
export async function refuseExistingMember(db: Database, accountId: string, email: string): Promise<void> {
  const [member] = await db
    .select({ id: accountMemberships.id })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(and(eq(accountMemberships.accountId, accountId), eq(users.email, email)));
  if (member) throw new Problem(409, 'already_a_member', `${email} already belongs to this account`);
}

/** Add end-user: a driver or account owner of an existing account, with an optional agreed rate. */
export async function addEndUser(
  db: Database,
  actor: Actor,
  input: {
    email: string;
    role: 'driver' | 'account_owner';
    accountId: string;
    reimbursementRateEur?: string | undefined;
  },
  publicUrl: string,
  now: Date,
): Promise<{ invitationId: string }> {
  authorize(actor, 'customer.manage');
  const account = await findAccount(db, input.accountId);
  if (!account) throw invalidField('accountId', 'not_found', 'no such account');
  await refuseExistingMember(db, account.id, input.email);
  return createInvitation(
    db,
    {
      kind: 'end_user',
      email: input.email,
      scope: `account:${account.id}`,
      grant: {
        accountId: account.id,
        role: input.role,
        reimbursementRateEur: input.reimbursementRateEur ?? null,
      },
      organizationId: null,
      inviter: actor.user,
      publicUrl,
    },
    now,
  );
}
