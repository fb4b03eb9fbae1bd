import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTS_KEY, type AccountDetails, fetchAccount, type SubAccount } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import type { Customer } from '../../api/customers.ts';
import { countryName } from '../../components/countries.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { type DetailsItem, DetailsList } from '../../components/details-list.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { refreshPeople } from '../../components/invitation-buttons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { RequirePermission } from '../require-permission.tsx';
import {
  AccountStatementsSection,
  MemberRatesSection,
  SubAccountRateSection,
} from './account-charging-sections.tsx';
import { AddSubAccountDialog } from './add-sub-account-dialog.tsx';
import { useCustomerColumns } from './customer-columns.tsx';
import { CustomerDialog } from './customer-dialog.tsx';
import { accountName, accountTypeLabel, rateLabel, usageLabel } from './customer-labels.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function AccountView({ account }: { account: AccountDetails }) {
  const { t } = useTranslation();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const [isAdding, adding] = useDisclosure(false);
  const [selected, setSelected] = useState<Customer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const memberColumns = useCustomerColumns(setSelected, { withAccount: false });
  const name = accountName(account.name, t);
  const current = selected ? (account.members.find((member) => member.id === selected.id) ?? selected) : null;

  const modeLabel = (mode: SubAccount['reimbursementMode']) =>
    mode ? t(`reimbursementModes.${mode}`) : t('reimbursementModes.none');

  const details: DetailsItem[] = [
    { label: t('accounts.type'), value: accountTypeLabel(account.type, t) },
    { label: t('accounts.usage'), value: usageLabel(account.usage, t) },
    ...(account.parentAccountId
      ? [
          {
            label: t('accounts.parent'),
            value: (
              <AnchorLink to="/admin/accounts/$accountId" params={{ accountId: account.parentAccountId }}>
                {t('accounts.openParent')}
              </AnchorLink>
            ),
          },
        ]
      : []),
    ...(account.reimbursementRateEur !== undefined
      ? [{ label: t('rates.label'), value: rateLabel(account.reimbursementRateEur, language, t) }]
      : []),
    ...(account.reimbursementMode
      ? [{ label: t('accounts.reimbursement'), value: modeLabel(account.reimbursementMode) }]
      : []),
    ...(account.company
      ? [
          { label: t('company.name'), value: account.company.name },
          { label: t('company.registrationNumber'), value: account.company.registrationNumber },
          { label: t('company.address'), value: account.company.address },
          { label: t('company.country'), value: countryName(account.company.country, language) },
        ]
      : []),
  ];

  const subAccountColumns: DataColumn<SubAccount>[] = [
    {
      key: 'name',
      header: t('accounts.name'),
      cell: (sub) => (
        <AnchorLink to="/admin/accounts/$accountId" params={{ accountId: sub.id }} fw={600}>
          {accountName(sub.name, t)}
        </AnchorLink>
      ),
    },
    { key: 'usage', header: t('accounts.usage'), cell: (sub) => usageLabel(sub.usage, t) },
    { key: 'type', header: t('accounts.type'), cell: (sub) => accountTypeLabel(sub.type, t) },
    ...(hasPermission(me, 'account.rates.read')
      ? [
          {
            key: 'rate',
            header: t('rates.label'),
            cell: (sub: SubAccount) =>
              sub.reimbursementRateEur === undefined
                ? null
                : rateLabel(sub.reimbursementRateEur, language, t),
          },
        ]
      : []),
    { key: 'mode', header: t('accounts.reimbursement'), cell: (sub) => modeLabel(sub.reimbursementMode) },
  ];

  return (
    <Page
      title={name}
      actions={
        hasPermission(me, 'customer.manage') ? (
          <Button leftSection={<PlusIcon />} onClick={adding.open}>
            {t('subAccounts.add')}
          </Button>
        ) : null
      }
    >
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      <DetailsList items={details} />
      <Section title={t('accounts.members')}>
        {account.members.length === 0 ? (
          <Text c="dimmed">{t('accounts.noMembers')}</Text>
        ) : (
          <DataTable
            label={t('accounts.membersLabel', { name })}
            columns={memberColumns}
            items={account.members}
            rowKey={(member) => member.id}
          />
        )}
      </Section>
      <Section title={t('accounts.subAccounts')}>
        <Text c="dimmed">{t('accounts.subAccountsHint')}</Text>
        {account.subAccounts.length === 0 ? (
          <Text>{t('accounts.noSubAccounts')}</Text>
        ) : (
          <DataTable
            label={t('accounts.subAccountsLabel', { name })}
            columns={subAccountColumns}
            items={account.subAccounts}
            rowKey={(sub) => sub.id}
          />
        )}
      </Section>
      {hasPermission(me, 'account.rates.read') ? (
        account.parentAccountId ? (
          <SubAccountRateSection account={account} name={name} />
        ) : (
          <MemberRatesSection account={account} name={name} />
        )
      ) : null}
      {hasPermission(me, 'statement.read') ? (
        <AccountStatementsSection account={account} name={name} />
      ) : null}
      <AddSubAccountDialog
        opened={isAdding}
        onClose={adding.close}
        parentId={account.id}
        parentName={name}
        onAdded={(email) => {
          adding.close();
          setNotice(t('invitations.sent', { email }));
          void refreshPeople(queryClient);
        }}
      />
      <CustomerDialog
        person={current}
        onClose={() => setSelected(null)}
        onDone={(message) => {
          setSelected(null);
          setNotice(message);
        }}
      />
    </Page>
  );
}

/**
 * One account: its details, members with their states, and sub-accounts; "+ Add sub-account";
 * its reimbursement rates with their history, and its statements.
 */
export function AccountPage() {
  const { t } = useTranslation();
  const { accountId } = useParams({ from: '/admin/accounts/$accountId' });
  const account = useQuery({
    queryKey: [...ACCOUNTS_KEY, 'detail', accountId],
    queryFn: () => fetchAccount(accountId),
  });

  let content: ReactNode;
  if (account.isPending) {
    content = (
      <Page title={t('accounts.accountTitle')}>
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  } else if (account.isError) {
    const isMissing =
      account.error instanceof ApiError &&
      (account.error.status === 404 || account.error.code === 'validation_failed');
    content = isMissing ? (
      <Page title={t('accounts.notFoundTitle')}>
        <Text>{t('accounts.notFound')}</Text>
        <div>
          <ButtonLink to="/admin/accounts">{t('accounts.backToList')}</ButtonLink>
        </div>
      </Page>
    ) : (
      <Page title={t('accounts.accountTitle')}>
        <Alert color="red" title={t('lists.failedTitle')} role="alert">
          {t('errors.unexpected')}
        </Alert>
        <div>
          <Button onClick={() => void account.refetch()}>{t('session.retry')}</Button>
        </div>
      </Page>
    );
  } else {
    // Keyed by account, so moving to a sub-account starts with closed dialogs and no old notice.
    content = <AccountView key={account.data.id} account={account.data} />;
  }
  return (
    <RequirePermission permission="account.read" title={t('accounts.accountTitle')}>
      {content}
    </RequirePermission>
  );
}
