import type { Database } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { createInvitation } from '../invitations/create-invitation.ts';

/**
 * Invite client: a new customer account whose first owner is the invitee. Without a name the
 * account is named at activation (company name for business, the owner's name for consumer).
 * The account and its invitation are saved together or not at all.
 */
export async function inviteCustomer(
  db: Database,
  actor: Actor,
  input: { email: string; accountName?: string | undefined; type: 'consumer' | 'business' },
  publicUrl: string,
  now: Date,
): Promise<{ accountId: string; invitationId: string }> {
  authorize(actor, 'customer.manage');
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({ name: input.accountName ?? '', type: input.type, createdAt: now })
      .returning({ id: accounts.id });
    if (!account) throw new Error('insert returned no account');
    const { invitationId } = await createInvitation(
      tx,
      {
        kind: 'customer',
        email: input.email,
        // One pending "Invite client" per email: a second one is a mistake, not a second account.
        scope: 'customer',
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
