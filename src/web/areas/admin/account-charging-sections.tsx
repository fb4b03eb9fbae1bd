import { Button, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetails } from '../../api/accounts.ts';
import { fetchAccountStatements, type Statement, statementsKey } from '../../api/charging.ts';
import type { Customer } from '../../api/customers.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { useStatementColumns } from '../charging/charging-columns.tsx';
import { MonthlyChart } from '../charging/monthly-chart.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { useChartStatements } from '../charging/use-chart-statements.ts';
import { hasPermission } from '../permissions.ts';
import { accountRoleLabel, rateLabel } from './customer-labels.ts';
import { RateHistoryPanel } from './rate-history-panel.tsx';

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

/** A sub-account's own rate: in force now, its history, and the change form for managers. */
export function SubAccountRateSection({ account, name }: { account: AccountDetails; name: string }) {
  const ct = useChargingTexts();
  const me = useAreaMe();
  return (
    <Section title={ct('rates.heading')}>
      <Text c="dimmed">{ct('rates.intro')}</Text>
      <RateHistoryPanel
        subject={{ accountId: account.id, userId: null }}
        name={name}
        canManage={hasPermission(me, 'account.rates.manage')}
      />
    </Section>
  );
}

/** The rates agreed with an account's end-users, each with its history (and change) in a dialog. */
export function MemberRatesSection({ account, name }: { account: AccountDetails; name: string }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const me = useAreaMe();
  const language = currentLanguage();
  const [opened, setOpened] = useState<Customer | null>(null);
  // Only people who activated have a membership a rate belongs to.
  const members = account.members.filter((member) => member.userId !== null);
  const personName = (member: Customer) => member.name ?? member.email;
  const columns: DataColumn<Customer>[] = [
    { key: 'name', header: t('people.name'), cell: (member) => <Text fw={600}>{personName(member)}</Text> },
    { key: 'role', header: t('customers.role'), cell: (member) => accountRoleLabel(member.role, t) },
    {
      key: 'rate',
      header: t('rates.label'),
      cell: (member) =>
        member.reimbursementRateEur === undefined
          ? null
          : rateLabel(member.reimbursementRateEur, language, t),
    },
    {
      key: 'history',
      header: ct('rates.history'),
      isSelfExplaining: true,
      cell: (member) => (
        <Button
          size="compact-md"
          variant="default"
          aria-label={ct('rates.historyNamed', { name: personName(member) })}
          onClick={() => setOpened(member)}
        >
          {ct('rates.history')}
        </Button>
      ),
    },
  ];
  return (
    <Section title={ct('rates.membersHeading')}>
      <Text c="dimmed">{ct('rates.membersIntro')}</Text>
      {members.length === 0 ? (
        <Text>{ct('rates.membersEmpty')}</Text>
      ) : (
        <DataTable
          label={ct('rates.membersLabel', { name })}
          columns={columns}
          items={members}
          rowKey={(member) => member.id}
        />
      )}
      <FormDialog
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={opened ? ct('rates.historyTitle', { name: personName(opened) }) : ''}
      >
        {opened?.userId ? (
          <RateHistoryPanel
            subject={{ accountId: account.id, userId: opened.userId }}
            name={personName(opened)}
            canManage={hasPermission(me, 'account.rates.manage')}
          />
        ) : null}
      </FormDialog>
    </Section>
  );
}

/**
 * The account's and its sub-accounts' statements, each opening its own page, under a chart of
 * their energy and amounts by month and party (once there are any).
 */
export function AccountStatementsSection({ account, name }: { account: AccountDetails; name: string }) {
  const ct = useChargingTexts();
  const query = usePagedList<Statement>([...statementsKey(`admin:account:${account.id}`)], (cursor) =>
    fetchAccountStatements(account.id, { cursor }),
  );
  const columns = useStatementColumns((statement, label) => (
    <AnchorLink
      to="/admin/accounts/$accountId/statements/$statementId"
      params={{ accountId: account.id, statementId: statement.id }}
      fw={600}
      underline="always"
    >
      {label}
    </AnchorLink>
  ));
  const chart = useChartStatements(statementsKey(`admin:account:${account.id}:chart`), (cursor) =>
    fetchAccountStatements(account.id, { cursor }),
  );
  return (
    <Section title={ct('statements.accountStatements')}>
      {chart.isSuccess && chart.data.length > 0 ? <MonthlyChart statements={chart.data} /> : null}
      <PagedResults
        query={query}
        isSearching={false}
        emptyTitle={ct('statements.emptyTitle')}
        emptyDescription={ct('statements.accountStatementsEmpty')}
      >
        {(statements) => (
          <DataTable
            label={ct('statements.accountStatementsLabel', { name })}
            columns={columns}
            items={statements}
            rowKey={(statement) => statement.id}
          />
        )}
      </PagedResults>
    </Section>
  );
}
