import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargingSession, Statement } from '../../api/charging.ts';
import type { DataColumn } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { accountName } from '../admin/customer-labels.ts';
import { formatEur, formatExactEur, formatKwh, formatMonth, monthOf } from './charging-format.ts';
import { StatementStatusBadge } from './statement-status-badge.tsx';
import type { ChargingT } from './use-charging-texts.ts';
import { useChargingTexts } from './use-charging-texts.ts';

/** Who a statement reimburses, in words: the sub-account, or "Frede (Demo Fleet)". */
export function partyLabel(statement: Statement, ct: ChargingT, t: TFunction): string {
  const account = accountName(statement.accountName, t);
  if (statement.userId === null) return account;
  return ct('party.endUser', { name: statement.userName ?? ct('party.unnamedUser'), account });
}

/**
 * The columns of a statement list: who is reimbursed (the link to the statement, drawn by the
 * page, which knows where statements open), month, energy, amount, sessions and status.
 */
export function useStatementColumns(link: (statement: Statement, label: string) => ReactNode) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const columns: DataColumn<Statement>[] = [
    { key: 'party', header: ct('columns.party'), cell: (item) => link(item, partyLabel(item, ct, t)) },
    { key: 'month', header: ct('columns.month'), cell: (item) => formatMonth(item.month, language) },
    {
      key: 'energy',
      header: ct('columns.energy'),
      cell: (item) => ct('amounts.kwh', { amount: formatKwh(item.energyKwh, language) }),
    },
    { key: 'amount', header: ct('columns.amount'), cell: (item) => formatEur(item.amountEur, language) },
    { key: 'sessions', header: ct('columns.sessions'), cell: (item) => item.sessionCount },
    {
      key: 'status',
      header: ct('columns.status'),
      cell: (item) => <StatementStatusBadge status={item.status} />,
    },
  ];
  return columns;
}

/** What a session was paid: its exact amount, or why it has none (yet). */
function reimbursedText(session: ChargingSession, ct: ChargingT, language: 'en' | 'da'): string {
  if (session.amountEur !== null) return `${formatExactEur(session.amountEur, language)} EUR`;
  // Statements are made when a month closes: a private session of the open month has none yet.
  if (session.private && session.month >= monthOf(new Date())) return ct('sessions.openMonth');
  return ct('sessions.notReimbursed');
}

/** The columns of a charging session list; with the account for an account and its sub-accounts. */
export function useSessionColumns(options: { withAccount: boolean }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const columns: DataColumn<ChargingSession>[] = [
    {
      key: 'ended',
      header: ct('sessions.ended'),
      cell: (session) => formatDateTime(session.endedAt, language),
    },
    { key: 'charger', header: ct('sessions.charger'), cell: (session) => session.chargerId },
  ];
  if (options.withAccount) {
    columns.push({
      key: 'account',
      header: ct('sessions.account'),
      cell: (session) => accountName(session.accountName, t),
    });
  }
  columns.push(
    {
      key: 'kind',
      header: ct('sessions.kind'),
      cell: (session) => (session.private ? ct('sessions.private') : ct('sessions.notPrivate')),
    },
    {
      key: 'energy',
      header: ct('sessions.energy'),
      cell: (session) => ct('amounts.kwh', { amount: formatKwh(session.energyKwh, language) }),
    },
    {
      key: 'reimbursed',
      header: ct('sessions.reimbursed'),
      cell: (session) => reimbursedText(session, ct, language),
    },
  );
  return columns;
}
