import { Alert, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchAccountStatements,
  fetchMyStatements,
  type Statement,
  type StatementStatus,
  statementsKey,
} from '../../api/charging.ts';
import { DataTable } from '../../components/data-table.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { partyLabel, useStatementColumns } from '../charging/charging-columns.tsx';
import { formatEur, formatMonth, recentMonths } from '../charging/charging-format.ts';
import { MonthlyChart } from '../charging/monthly-chart.tsx';
import { StatementFilters } from '../charging/statement-filters.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { useChartStatements } from '../charging/use-chart-statements.ts';
import { AppSection } from './app-section.tsx';
import {
  accountChartKey,
  type OwnedAccount,
  ownedAccountIds,
  useOwnedAccounts,
} from './use-owned-accounts.ts';

/** How far back the month filter reaches. */
const FILTER_MONTHS = 24;

/** A link to one statement of the account (or of one of its sub-accounts) on the owner's page. */
function AccountStatementLink({
  accountId,
  statement,
  label,
}: {
  accountId: string;
  statement: Statement;
  label: string;
}) {
  return (
    <AnchorLink
      to="/app/charging/accounts/$accountId/statements/$statementId"
      params={{ accountId, statementId: statement.id }}
      fw={600}
      underline="always"
    >
      {label}
    </AnchorLink>
  );
}

/**
 * Subsidiaries' statements this person decides (they own the subsidiary's parent account), each
 * with the way to review it. Nothing is shown while there are none.
 */
function AwaitingApproval({ account, ownedIds }: { account: OwnedAccount; ownedIds: string[] }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const awaiting = useQuery({
    queryKey: statementsKey(`account:${account.id}:awaiting`),
    queryFn: () => fetchAccountStatements(account.id, { status: 'awaiting_approval' }),
  });
  const mine = (awaiting.data?.items ?? []).filter(
    (statement) => statement.parentAccountId !== null && ownedIds.includes(statement.parentAccountId),
  );
  if (mine.length === 0) return null;
  return (
    <AppSection title={ct('app.awaitingHeading')}>
      <Text>{ct('app.awaitingIntro')}</Text>
      <Stack
        component="ul"
        aria-label={ct('app.awaitingLabel')}
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {mine.map((statement) => {
          const party = partyLabel(statement, ct, t);
          const month = formatMonth(statement.month, language);
          return (
            <Card component="li" key={statement.id} withBorder padding="sm" radius="md">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2}>
                  <Text fw={700}>{party}</Text>
                  <Text size="sm">{`${month} · ${formatEur(statement.amountEur, language)}`}</Text>
                </Stack>
                <ButtonLink
                  to="/app/charging/accounts/$accountId/statements/$statementId"
                  params={{ accountId: account.id, statementId: statement.id }}
                  size="compact-md"
                  aria-label={ct('app.reviewNamed', { party, month })}
                >
                  {ct('app.review')}
                </ButtonLink>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </AppSection>
  );
}

/** Energy and amounts by month and party over the account's last twelve months of statements. */
function AccountChart({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const statements = useChartStatements(accountChartKey(accountId), (cursor) =>
    fetchAccountStatements(accountId, { cursor }),
  );
  return (
    <AppSection title={ct('app.chartHeading')}>
      {statements.isPending ? (
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      ) : statements.isError ? (
        <Alert color="red" title={t('lists.failedTitle')} role="alert">
          {ct('chart.failed')}
        </Alert>
      ) : (
        <MonthlyChart statements={statements.data} />
      )}
    </AppSection>
  );
}

interface AccountStatementsProps {
  account: OwnedAccount;
  month: string | undefined;
  status: StatementStatus | undefined;
  onFilter: (filter: { month: string | undefined; status: StatementStatus | undefined }) => void;
}

/** The account's and its sub-accounts' statements, by month and status. */
function AccountStatements({ account, month, status, onFilter }: AccountStatementsProps) {
  const ct = useChargingTexts();
  const months = useMemo(() => recentMonths(new Date(), FILTER_MONTHS), []);
  const query = usePagedList<Statement>(
    [...statementsKey(`account:${account.id}:list`), { month, status }],
    (cursor) => fetchAccountStatements(account.id, { month, status, cursor }),
  );
  const columns = useStatementColumns((statement, label) => (
    <AccountStatementLink accountId={account.id} statement={statement} label={label} />
  ));
  const isFiltered = month !== undefined || status !== undefined;
  return (
    <AppSection title={ct('app.statementsHeading')}>
      <StatementFilters months={months} month={month} status={status} onChange={onFilter} />
      <PagedResults
        query={query}
        isSearching={false}
        emptyTitle={isFiltered ? ct('app.noMatchTitle') : ct('app.statementsEmptyTitle')}
        emptyDescription={isFiltered ? ct('app.noMatch') : ct('app.statementsEmpty')}
      >
        {(statements) => (
          <DataTable
            label={ct('app.statementsLabel', { account: account.name })}
            columns={columns}
            items={statements}
            rowKey={(statement) => statement.id}
          />
        )}
      </PagedResults>
      <ButtonLink
        to="/app/charging/accounts/$accountId/sessions"
        params={{ accountId: account.id }}
        variant="default"
        style={{ alignSelf: 'flex-start' }}
      >
        {ct('app.sessionsLink', { account: account.name })}
      </ButtonLink>
    </AppSection>
  );
}

/**
 * The person's own statements (an end-user reimbursed at a rate agreed with the account owner)
 * and the way to their sessions. For an owner with none, the section is left out.
 */
function MyCharging({ isAlwaysShown }: { isAlwaysShown: boolean }) {
  const ct = useChargingTexts();
  const query = usePagedList<Statement>([...statementsKey('me:list')], (cursor) =>
    fetchMyStatements({ cursor }),
  );
  const columns = useStatementColumns((statement, label) => (
    <AnchorLink
      to="/app/charging/statements/$statementId"
      params={{ statementId: statement.id }}
      fw={600}
      underline="always"
    >
      {label}
    </AnchorLink>
  ));
  const hasStatements = (query.data?.pages[0]?.items.length ?? 0) > 0;
  if (!isAlwaysShown && !hasStatements) return null;
  return (
    <AppSection title={ct('app.mineHeading')}>
      <PagedResults
        query={query}
        isSearching={false}
        emptyTitle={ct('app.mineEmptyTitle')}
        emptyDescription={ct('app.mineEmpty')}
      >
        {(statements) => (
          <DataTable
            label={ct('app.mineStatementsLabel')}
            columns={columns}
            items={statements}
            rowKey={(statement) => statement.id}
          />
        )}
      </PagedResults>
      <ButtonLink to="/app/charging/sessions" variant="default" style={{ alignSelf: 'flex-start' }}>
        {ct('app.mySessionsLink')}
      </ButtonLink>
    </AppSection>
  );
}

/**
 * Charging (SPEC §9): for an account owner, their account's and sub-accounts' statements by
 * month and status, the subsidiaries' statements awaiting their approval, a chart of energy and
 * amounts by month and party, and the way to the account's sessions; for an end-user, their own
 * statements and sessions.
 */
export function ChargingPage() {
  const ct = useChargingTexts();
  const me = useAreaMe();
  const search = useSearch({ from: '/app/charging' });
  const navigate = useNavigate({ from: '/app/charging' });
  const ownedIds = ownedAccountIds(me);
  const owned = useOwnedAccounts(me);
  const account = owned.find((candidate) => candidate.id === search.account) ?? owned[0];
  const isDriver = me.accounts.some((membership) => membership.role === 'driver');

  return (
    <Page title={ct('app.title')}>
      <Text>{ct('app.intro')}</Text>
      {owned.length > 1 && account ? (
        <NativeSelect
          label={ct('app.accountLabel')}
          value={account.id}
          onChange={(event) => {
            const next = event.currentTarget.value;
            void navigate({ search: { account: next }, replace: true });
          }}
          data={owned.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          maw={360}
        />
      ) : null}
      {account ? (
        // Keyed by account: another account starts with its own lists.
        <Stack gap="lg" key={account.id}>
          <AwaitingApproval account={account} ownedIds={ownedIds} />
          <AccountChart accountId={account.id} />
          <AccountStatements
            account={account}
            month={search.month}
            status={search.status}
            onFilter={(filter) =>
              void navigate({ search: (previous) => ({ ...previous, ...filter }), replace: true })
            }
          />
        </Stack>
      ) : null}
      <MyCharging isAlwaysShown={!account || isDriver} />
    </Page>
  );
}
