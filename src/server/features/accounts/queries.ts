import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { InvitationState } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { accountMemberships, accounts, invitations, users } from '../../db/schema/index.ts';
import { decodeCursor, paginate, prefixPattern } from '../../lib/search.ts';

export const PAGE_SIZE = 50;
const CUSTOMER_KINDS = ['customer', 'end_user', 'sub_account'] as const;

/**
 * Customers: every member of an account, and every pending customer, end-user or sub-account
 * invitation, in one keyset-paged list ordered by email. `q` is an indexed prefix match on the
 * email or the name.
 */
export async function listCustomers(
  db: Database,
  input: { q?: string | undefined; cursor?: string | undefined; accountId?: string; limit?: number },
  now: Date,
) {
  const limit = input.limit ?? PAGE_SIZE;
  const pattern = prefixPattern(input.q);
  const after = decodeCursor(input.cursor);
  const members = db
    .select({
      id: sql<string>`${accountMemberships.id}::text`.as('id'),
      userId: sql<string | null>`${users.id}`.as('user_id'),
      invitationId: sql<string | null>`null::uuid`.as('invitation_id'),
      email: sql<string>`${users.email}`.as('email'),
      name: sql<string | null>`${users.name}`.as('name'),
      accountId: sql<string>`${accounts.id}`.as('account_id'),
      accountName: sql<string>`${accounts.name}`.as('account_name'),
      role: sql<'account_owner' | 'driver'>`${accountMemberships.role}::text`.as('role'),
      invitationStatus: sql<InvitationState>`${users.status}::text`.as('invitation_status'),
      rate: sql<string | null>`${accountMemberships.reimbursementRateEur}::text`.as('rate'),
    })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(
      and(
        pattern ? or(like(users.email, pattern), like(sql`lower(${users.name})`, pattern)) : undefined,
        input.accountId ? eq(accountMemberships.accountId, input.accountId) : undefined,
      ),
    );
  const pending = db
    .select({
      id: sql<string>`${invitations.id}::text`.as('id'),
      userId: sql<string | null>`null::uuid`.as('user_id'),
      invitationId: sql<string | null>`${invitations.id}`.as('invitation_id'),
      email: sql<string>`${invitations.email}`.as('email'),
      name: sql<string | null>`null::text`.as('name'),
      accountId: sql<string>`${accounts.id}`.as('account_id'),
      accountName: sql<string>`${accounts.name}`.as('account_name'),
      role: sql<'account_owner' | 'driver'>`${invitations.grant}->>'role'`.as('role'),
      invitationStatus:
        sql<InvitationState>`case when ${invitations.expiresAt} <= ${now} then 'expired' else 'pending' end`.as(
          'invitation_status',
        ),
      rate: sql<string | null>`${invitations.grant}->>'reimbursementRateEur'`.as('rate'),
    })
    .from(invitations)
    .innerJoin(accounts, sql`${accounts.id} = (${invitations.grant}->>'accountId')::uuid`)
    .where(
      and(
        eq(invitations.status, 'pending'),
        inArray(invitations.kind, [...CUSTOMER_KINDS]),
        pattern ? like(invitations.email, pattern) : undefined,
        input.accountId ? sql`${invitations.grant}->>'accountId' = ${input.accountId}` : undefined,
      ),
    );
  const people = unionAll(members, pending).as('people');
  const rows = await db
    .select()
    .from(people)
    .where(after ? sql`(${people.email}, ${people.id}) > (${after[0]}, ${after[1]})` : undefined)
    .orderBy(asc(people.email), asc(people.id))
    .limit(limit + 1);
  return paginate(rows, limit, (row) => row.email);
}

/** Accounts whose name starts with what was typed (indexed), for the typeahead and the list. */
export async function searchAccounts(
  db: Database,
  input: { q?: string | undefined; cursor?: string | undefined },
) {
  const pattern = prefixPattern(input.q);
  const after = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      type: accounts.type,
      usage: accounts.usage,
      parentAccountId: accounts.parentAccountId,
      sortKey: sql<string>`lower(${accounts.name})`,
    })
    .from(accounts)
    .where(
      and(
        pattern ? like(sql`lower(${accounts.name})`, pattern) : undefined,
        after ? sql`(lower(${accounts.name}), ${accounts.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(sql`lower(${accounts.name})`, asc(accounts.id))
    .limit(PAGE_SIZE + 1);
  const page = paginate(rows, PAGE_SIZE, (row) => row.sortKey);
  return { items: page.items.map(({ sortKey: _, ...account }) => account), nextCursor: page.nextCursor };
}

/** Employee sub-accounts are reimbursed automatically, subsidiaries after approval (SPEC §4). */
export function reimbursementMode(usage: 'employee' | 'subsidiary' | null) {
  if (usage === 'employee') return 'automatic' as const;
  if (usage === 'subsidiary') return 'manual' as const;
  return null;
}

export async function findAccount(db: Database, id: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  return account;
}

/** An account's direct sub-accounts, by name. */
export function listSubAccounts(db: Database, parentId: string) {
  return db.select().from(accounts).where(eq(accounts.parentAccountId, parentId)).orderBy(asc(accounts.name));
}
