import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTS_KEY, type AccountSummary, fetchAccounts } from '../../api/accounts.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { SearchField } from '../../components/search-field.tsx';
import { RequirePermission } from '../require-permission.tsx';
import { accountName, accountTypeLabel, usageLabel } from './customer-labels.ts';

/** Accounts: search an account by name and open it. */
export function AccountsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = usePagedList<AccountSummary>([...ACCOUNTS_KEY, 'list', { q }], (cursor) =>
    fetchAccounts({ q, cursor }),
  );
  const columns: DataColumn<AccountSummary>[] = [
    {
      key: 'name',
      header: t('accounts.name'),
      cell: (account) => (
        <AnchorLink to="/admin/accounts/$accountId" params={{ accountId: account.id }} fw={600}>
          {accountName(account.name, t)}
        </AnchorLink>
      ),
    },
    { key: 'type', header: t('accounts.type'), cell: (account) => accountTypeLabel(account.type, t) },
    { key: 'usage', header: t('accounts.usage'), cell: (account) => usageLabel(account.usage, t) },
  ];
  return (
    <RequirePermission permission="account.read" title={t('accounts.title')}>
      <Page title={t('accounts.title')}>
        <Stack gap="lg">
          <SearchField
            label={t('accounts.searchLabel')}
            description={t('accounts.searchHint')}
            onSearch={setQ}
          />
          <PagedResults
            query={query}
            isSearching={q !== ''}
            emptyTitle={t('accounts.emptyTitle')}
            emptyDescription={t('accounts.empty')}
          >
            {(accounts) => (
              <DataTable
                label={t('accounts.listLabel')}
                columns={columns}
                items={accounts}
                rowKey={(account) => account.id}
              />
            )}
          </PagedResults>
        </Stack>
      </Page>
    </RequirePermission>
  );
}
