import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Language } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { accountMemberships, accounts } from '../../db/schema/index.ts';
import { can } from '../../policy/authorize.ts';
import { recordRate } from '../charging/reimbursement-rates.ts';
import type { InvitationKindHandler } from '../invitations/kinds.ts';

const ROLE_NAMES: Record<Language, Record<'account_owner' | 'driver', string>> = {
  en: { account_owner: 'account owner', driver: 'driver' },
  da: { account_owner: 'kontoejer', driver: 'fører' },
};

async function loadAccount(db: Database, accountId: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new Error(`invitation to missing account ${accountId}`);
  return account;
}

function describeAccount(name: string, role: 'account_owner' | 'driver', language: Language): string {
  const roleName = ROLE_NAMES[language][role];
  if (language === 'da')
    return name ? `kontoen ${name} som ${roleName}` : `en ny keyfob-konto som ${roleName}`;
  return name ? `the account ${name} as ${roleName}` : `a new keyfob account as ${roleName}`;
}

/**
 * Joins the account with a role (and, for end-users, the rate agreed with them). An account that
 * still has no name takes the company's name (business) or the owner's (consumer).
 */
async function joinAccount(
  db: Database,
  accepted: {
    userId: string;
    userName: string;
    company?: { name: string; registrationNumber: string; address: string; country: string } | undefined;
  },
  grant: {
    accountId: string;
    role: 'account_owner' | 'driver';
    reimbursementRateEur?: string | null | undefined;
  },
  now: Date,
) {
  const account = await loadAccount(db, grant.accountId);
  const [before] = await db
    .select({ rate: accountMemberships.reimbursementRateEur })
    .from(accountMemberships)
    .where(and(eq(accountMemberships.accountId, account.id), eq(accountMemberships.userId, accepted.userId)));
  const rate = grant.reimbursementRateEur ?? null;
  // The rate's history: from now on this one (charging reimbursement reads rates from it).
  if ((before?.rate ?? null) !== rate) {
    await recordRate(db, { accountId: account.id, userId: accepted.userId }, rate, {
      effectiveFrom: now,
      setByUserId: null,
      now,
    });
  }
  await db
    .insert(accountMemberships)
    .values({
      accountId: account.id,
      userId: accepted.userId,
      role: grant.role,
      reimbursementRateEur: grant.reimbursementRateEur ?? null,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [accountMemberships.accountId, accountMemberships.userId],
      set: { role: grant.role, reimbursementRateEur: grant.reimbursementRateEur ?? null },
    });
  const company = account.type === 'business' ? accepted.company : undefined;
  const name = account.name || (company?.name ?? accepted.userName);
  await db
    .update(accounts)
    .set({
      name,
      ...(company && grant.role === 'account_owner'
        ? {
            companyName: company.name,
            companyRegistrationNumber: company.registrationNumber,
            companyAddress: company.address,
            companyCountry: company.country.toUpperCase(),
          }
        : {}),
    })
    .where(and(eq(accounts.id, account.id)));
}

const AccountOwnerGrant = z.object({ accountId: z.uuid(), role: z.literal('account_owner') });
type AccountOwnerGrant = z.infer<typeof AccountOwnerGrant>;

/** Invite client (a new account's first owner) and Add sub-account share this kind of grant. */
export const accountOwnerKind: InvitationKindHandler<AccountOwnerGrant> = {
  grant: AccountOwnerGrant,
  mayManage: async (_db, actor) => can(actor, 'customer.manage'),
  async describe(db, grant, language) {
    const account = await loadAccount(db, grant.accountId);
    return describeAccount(account.name, grant.role, language);
  },
  async needsCompanyDetails(db, grant) {
    const account = await loadAccount(db, grant.accountId);
    return account.type === 'business' && !account.companyName;
  },
  apply: (db, accepted, grant, now) => joinAccount(db, accepted, grant, now),
};

const EndUserGrant = z.object({
  accountId: z.uuid(),
  role: z.enum(['account_owner', 'driver']),
  reimbursementRateEur: z.string().nullable(),
});
type EndUserGrant = z.infer<typeof EndUserGrant>;

/** Add end-user: a driver or an owner of an existing account, with an optional agreed rate. */
export const endUserKind: InvitationKindHandler<EndUserGrant> = {
  grant: EndUserGrant,
  mayManage: async (_db, actor) => can(actor, 'customer.manage'),
  async describe(db, grant, language) {
    const account = await loadAccount(db, grant.accountId);
    return describeAccount(account.name, grant.role, language);
  },
  needsCompanyDetails: async () => false,
  apply: (db, accepted, grant, now) => joinAccount(db, accepted, grant, now),
};
