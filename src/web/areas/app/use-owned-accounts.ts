import { useQueries } from '@tanstack/react-query';
import { fetchAccountStatements, statementsKey } from '../../api/charging.ts';
import type { Me } from '../../api/session.ts';
import { useChargingTexts } from '../charging/use-charging-texts.ts';

/** The first page of an account's statements: the Charging page's list opens with it too. */
export const accountChartKey = (accountId: string) => statementsKey(`account:${accountId}:chart`);

export interface OwnedAccount {
  id: string;
  /** The account's name as its statements carry it, or a stand-in while it has none. */
  name: string;
}

/** The accounts the person owns (`GET /me`), in its order. */
export function ownedAccountIds(me: Me): string[] {
  return me.accounts
    .filter((account) => account.role === 'account_owner')
    .map((account) => account.accountId);
}

/**
 * The accounts the person owns, named. `GET /me` lists only their ids and no route gives an
 * owner the account itself, so a name is read from the account's own statements; until it has
 * one, the account is "Your account" (or numbered, when there are several).
 */
export function useOwnedAccounts(me: Me): OwnedAccount[] {
  const ct = useChargingTexts();
  const ids = ownedAccountIds(me);
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: [...statementsKey(`account:${id}:names`)],
      queryFn: () => fetchAccountStatements(id, {}),
      staleTime: 60_000,
    })),
  });
  return ids.map((id, index) => {
    const own = results[index]?.data?.items.find((statement) => statement.accountId === id);
    const fallback =
      ids.length === 1 ? ct('app.accountFallback') : ct('app.accountNumbered', { number: index + 1 });
    return { id, name: own?.accountName.trim() || fallback };
  });
}
