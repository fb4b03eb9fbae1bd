import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTS_KEY, type AccountSummary, fetchAccounts } from '../../api/accounts.ts';
import { accountName, accountTypeLabel } from './customer-labels.ts';

interface AccountPickerProps {
  value: AccountSummary | null;
  onChange: (account: AccountSummary | null) => void;
  error?: string | undefined;
}

/**
 * Finds a customer account by typing the start of its name: each pause in typing asks the server
 * (there can be far too many accounts to load them all), and the choices are its answer.
 */
export function AccountPicker({ value, onChange, error }: AccountPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 200);
  // Once chosen, the box shows the account's name, which is not a new search.
  const q = value && typed === accountName(value.name, t) ? '' : typed;
  const results = useQuery({
    queryKey: [...ACCOUNTS_KEY, 'typeahead', q],
    queryFn: () => fetchAccounts({ q }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const found = q ? (results.data?.items ?? []) : [];
  // The chosen account stays a choice, or the box would lose its name when the answer changes.
  const accounts = value && !found.some((account) => account.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label={t('customers.accountLabel')}
      description={t('customers.accountHint')}
      placeholder={t('customers.accountPlaceholder')}
      searchable
      required
      withAsterisk={false}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(accounts.find((account) => account.id === id) ?? null)}
      data={accounts.map((account) => ({
        value: account.id,
        label: accountName(account.name, t),
      }))}
      renderOption={({ option }) => {
        const account = accounts.find((candidate) => candidate.id === option.value);
        return (
          <span>
            {option.label}
            {account ? ` · ${accountTypeLabel(account.type, t)}` : null}
          </span>
        );
      }}
      // The server already matched the typed text; filtering again here would hide its answers.
      filter={({ options }) => options}
      nothingFoundMessage={
        q === ''
          ? t('customers.accountTypeToSearch')
          : results.isFetching
            ? t('lists.loadingTitle')
            : t('customers.accountNotFound')
      }
      rightSection={results.isFetching ? <Loader size="xs" aria-hidden="true" /> : undefined}
      error={error}
      errorProps={{ role: 'alert' }}
    />
  );
}
