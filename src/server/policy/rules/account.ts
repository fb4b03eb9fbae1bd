import type { Permission } from '../permissions.ts';

export type AccountRole = 'account_owner' | 'driver';

/** An account as the rules need it: who the actor is in it, and in its parent account. */
export interface AccountTarget {
  /** The actor's role in this account, or null when they are not a member. */
  role: AccountRole | null;
  /** The actor's role in the parent account (for a sub-account), or null. */
  parentRole: AccountRole | null;
}

/**
 * `in_account` for members of the account with that role; `in_parent` for members of its parent
 * account (a sub-account is its parent's business); `in_account_or_parent` for either.
 */
type AccountGrant = 'in_account' | 'in_parent' | 'in_account_or_parent';

/**
 * What each account role may do (SPEC §9, §11): owners see their account's statements and their
 * sub-accounts'; the parent account's owners approve a subsidiary's. Drivers see only their own
 * sessions and statements (the /me routes), which needs no grant here.
 */
export const ACCOUNT_ROLE_GRANTS: Record<AccountRole, Partial<Record<Permission, AccountGrant>>> = {
  account_owner: {
    'account.statements.read': 'in_account_or_parent',
    'account.statements.approve': 'in_parent',
  },
  driver: {},
};

/** The permissions only account members hold: routes check them on the loaded account. */
export const ACCOUNT_MEMBER_PERMISSIONS = new Set<Permission>(
  Object.values(ACCOUNT_ROLE_GRANTS).flatMap((grants) => Object.keys(grants) as Permission[]),
);

/** Whether an account member may do this to the account. Pure: the caller loads both roles. */
export function canOnAccount(permission: Permission, account: AccountTarget): boolean {
  const inAccount = account.role ? ACCOUNT_ROLE_GRANTS[account.role][permission] : undefined;
  if (inAccount === 'in_account' || inAccount === 'in_account_or_parent') return true;
  const inParent = account.parentRole ? ACCOUNT_ROLE_GRANTS[account.parentRole][permission] : undefined;
  return inParent === 'in_parent' || inParent === 'in_account_or_parent';
}
