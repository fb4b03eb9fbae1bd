import { isStatementStatus, type StatementStatus } from '../../api/charging.ts';
import { isMonth } from './charging-format.ts';

/** Filters kept in a page's address, so Back and a shared link show the same list. */
export interface StatementSearch {
  month?: string;
  status?: StatementStatus;
}

export interface ChargingSearch extends StatementSearch {
  /** Which of the person's owned accounts the page shows, when they own several. */
  account?: string;
}

export interface AdminStatementSearch extends StatementSearch {
  /** Only this account's and its sub-accounts' statements. */
  account?: string;
}

export interface MonthSearch {
  month?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Unknown values are dropped here, so a page never sends the API a filter it would refuse. Every
// key is returned: a key left out would fall through to the root route's raw search.
const monthIn = (search: Record<string, unknown>) => (isMonth(search.month) ? search.month : undefined);
const statusIn = (search: Record<string, unknown>) =>
  isStatementStatus(search.status) ? search.status : undefined;
const accountIn = (search: Record<string, unknown>) =>
  typeof search.account === 'string' && UUID.test(search.account) ? search.account : undefined;

export function parseMonthSearch(search: Record<string, unknown>): MonthSearch {
  return { month: monthIn(search) };
}

export function parseChargingSearch(search: Record<string, unknown>): ChargingSearch {
  return { account: accountIn(search), month: monthIn(search), status: statusIn(search) };
}

export function parseAdminStatementSearch(search: Record<string, unknown>): AdminStatementSearch {
  return { account: accountIn(search), month: monthIn(search), status: statusIn(search) };
}
