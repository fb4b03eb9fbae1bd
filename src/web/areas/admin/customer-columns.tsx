import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/customers.ts';
import type { DataColumn } from '../../components/data-table.tsx';
import { OpenButton } from '../../components/open-button.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { accountName, accountRoleLabel, rateLabel } from './customer-labels.ts';

/** The columns of a list of customers, shared by Users → Customers and an account's members. */
export function useCustomerColumns(onOpen: (person: Customer) => void, options: { withAccount: boolean }) {
  const { t } = useTranslation();
  const me = useAreaMe();
  const language = currentLanguage();
  const columns: DataColumn<Customer>[] = [
    {
      key: 'name',
      header: t('people.name'),
      cell: (person) => <OpenButton onOpen={() => onOpen(person)}>{person.name ?? person.email}</OpenButton>,
    },
    { key: 'email', header: t('people.email'), cell: (person) => person.email },
  ];
  if (options.withAccount) {
    columns.push({
      key: 'account',
      header: t('customers.account'),
      cell: (person) =>
        hasPermission(me, 'account.read') ? (
          <AnchorLink to="/admin/accounts/$accountId" params={{ accountId: person.account.id }}>
            {accountName(person.account.name, t)}
          </AnchorLink>
        ) : (
          accountName(person.account.name, t)
        ),
    });
  }
  columns.push({
    key: 'role',
    header: t('customers.role'),
    cell: (person) => accountRoleLabel(person.role, t),
  });
  if (hasPermission(me, 'account.rates.read')) {
    columns.push({
      key: 'rate',
      header: t('rates.label'),
      // The server leaves the field out for those who may not see rates: show nothing then.
      cell: (person) =>
        person.reimbursementRateEur === undefined
          ? null
          : rateLabel(person.reimbursementRateEur, language, t),
    });
  }
  columns.push({
    key: 'state',
    header: t('people.state'),
    cell: (person) => <StateBadge state={person.invitationStatus} />,
  });
  return columns;
}
