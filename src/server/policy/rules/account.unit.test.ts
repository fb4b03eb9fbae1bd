import { describe, expect, it } from 'vitest';
import type { Permission } from '../permissions.ts';
import { type AccountRole, canOnAccount } from './account.ts';

type Member = { name: string; role: AccountRole | null; parentRole: AccountRole | null };

const MEMBERS: Member[] = [
  { name: 'owner of the account', role: 'account_owner', parentRole: null },
  { name: 'driver in the account', role: 'driver', parentRole: null },
  { name: "owner of the account's parent", role: null, parentRole: 'account_owner' },
  { name: "driver in the account's parent", role: null, parentRole: 'driver' },
  { name: 'owner of both', role: 'account_owner', parentRole: 'account_owner' },
  { name: 'not a member', role: null, parentRole: null },
];

/** SPEC §9 and §11, written out by hand: who sees and who decides an account's statements. */
const EXPECTED: Record<string, (member: Member) => boolean> = {
  'account.statements.read': (m) => m.role === 'account_owner' || m.parentRole === 'account_owner',
  // A subsidiary does not approve its own statements: its parent's owners do.
  'account.statements.approve': (m) => m.parentRole === 'account_owner',
  // Staff permissions are never held through an account.
  'statement.read': () => false,
  'statement.approve': () => false,
  'account.rates.manage': () => false,
};

describe('account rules', () => {
  for (const [permission, expectedFor] of Object.entries(EXPECTED)) {
    for (const member of MEMBERS) {
      const expected = expectedFor(member);
      it(`${permission}: ${member.name} ${expected ? 'may' : 'may not'}`, () => {
        expect(canOnAccount(permission as Permission, member)).toBe(expected);
      });
    }
  }
});
