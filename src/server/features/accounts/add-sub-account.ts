import type { Database } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { recordRate } from '../charging/reimbursement-rates.ts';
import { createInvitation } from '../invitations/create-invitation.ts';
import { findAccount } from './queries.ts';

/**
 * Add sub-account: an employee or subsidiary account under a customer account, with its type and
 * reimbursement rate, and an invitation for its user (who gives company details if business).
 */
export async function addSubAccount(
  db: Database,
  actor: Actor,
  parentId: string,
  input: {
    usage: 'employee' | 'subsidiary';
    name: string;
    email: string;
    type: 'business' | 'consumer';
    reimbursementRateEur: string;
  },
  publicUrl: string,
  now: Date,
): Promise<{ accountId: string; invitationId: string }> {
  authorize(actor, 'customer.manage');
  const parent = await findAccount(db, parentId);
  if (!parent) throw notFound();
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({
        name: input.name,
        type: input.type,
        parentAccountId: parent.id,
        usage: input.usage,
        reimbursementRateEur: input.reimbursementRateEur,
        createdAt: now,
      })
      .returning({ id: accounts.id });
    if (!account) throw new Error('insert returned no account');
    await recordRate(tx, { accountId: account.id, userId: null }, input.reimbursementRateEur, {
      effectiveFrom: now,
      setByUserId: actor.user.id,
      now,
    });
    const { invitationId } = await createInvitation(
      tx,
      {
        kind: 'sub_account',
        email: input.email,
        scope: `account:${account.id}`,
        grant: { accountId: account.id, role: 'account_owner' },
        organizationId: null,
        inviter: actor.user,
        publicUrl,
      },
      now,
    );
    return { accountId: account.id, invitationId };
  });
}
