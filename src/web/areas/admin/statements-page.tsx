import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHARGING_KEY,
  CLOSED_MONTHS_KEY,
  type ClosedMonth,
  closeMonth,
  fetchAllStatements,
  fetchClosedMonths,
  type Statement,
  type StatementStatus,
  statementsExportUrl,
  statementsKey,
} from '../../api/charging.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { problemMessage } from '../../components/problem-messages.ts';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { useStatementColumns } from '../charging/charging-columns.tsx';
import { formatMonth, monthOf, previousMonth } from '../charging/charging-format.ts';
import { StatementFilters } from '../charging/statement-filters.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { hasPermission } from '../permissions.ts';
import { RequirePermission } from '../require-permission.tsx';
import { accountName } from './customer-labels.ts';

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

/** The twelve months before the current one, newest first: the months that can be closed. */
function closableMonths(now: Date): string[] {
  const months: string[] = [];
  let month = monthOf(now);
  while (months.length < 12) {
    month = previousMonth(month);
    months.push(month);
  }
  return months;
}

/**
 * Closes a month on demand (operator admin, finance): the same command the monthly job runs.
 * Closed months are offered too, marked so: closing again is harmless and says so.
 */
function CloseMonthForm({ closed }: { closed: ClosedMonth[] }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const months = useMemo(() => closableMonths(new Date()), []);
  const closedSet = new Set(closed.map((item) => item.month));
  // The month just over is the one to close; an older one only on purpose.
  const [month, setMonth] = useState(() => months[0] ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const close = useMutation({
    mutationFn: closeMonth,
    onSuccess: (answer) => {
      const name = formatMonth(answer.month, language);
      setNotice(
        answer.closedNow
          ? ct('close.done', { month: name, count: answer.statementCount })
          : ct('close.already', { month: name }),
      );
      void queryClient.invalidateQueries({ queryKey: CHARGING_KEY });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    if (month) close.mutate(month);
  };
  const error = close.isError
    ? problemMessage(close.error, t, {
        month_not_over: ct('close.notOver', { month: formatMonth(month, language) }),
      })
    : null;

  return (
    <Section title={ct('close.heading')}>
      <Text>{ct('close.intro')}</Text>
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {error ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {error}
        </Alert>
      ) : null}
      <form onSubmit={submit}>
        <Group gap="md" align="flex-end">
          <NativeSelect
            label={ct('close.monthLabel')}
            value={month}
            onChange={(event) => setMonth(event.currentTarget.value)}
            data={months.map((value) => {
              const name = formatMonth(value, language);
              return {
                value,
                label: closedSet.has(value) ? ct('close.closedSuffix', { month: name }) : name,
              };
            })}
            miw={200}
          />
          <Button type="submit" loading={close.isPending}>
            {ct('close.submit')}
          </Button>
        </Group>
      </form>
    </Section>
  );
}

/** Months closed so far, each with how many statements it made and the way to them. */
function ClosedMonths({ months, onShow }: { months: ClosedMonth[]; onShow: (month: string) => void }) {
  const ct = useChargingTexts();
  const language = currentLanguage();
  const columns: DataColumn<ClosedMonth>[] = [
    {
      key: 'month',
      header: ct('months.month'),
      cell: (item) => (
        <Anchor
          component="button"
          type="button"
          fw={600}
          underline="always"
          onClick={() => onShow(item.month)}
          aria-label={ct('months.show', { month: formatMonth(item.month, language) })}
        >
          {formatMonth(item.month, language)}
        </Anchor>
      ),
    },
    {
      key: 'closedAt',
      header: ct('months.closedAt'),
      cell: (item) =>
        item.closedByUserId
          ? formatDateTime(item.closedAt, language)
          : `${formatDateTime(item.closedAt, language)}, ${ct('months.byJob')}`,
    },
    { key: 'count', header: ct('months.statementCount'), cell: (item) => item.statementCount },
  ];
  return (
    <Section title={ct('months.heading')}>
      {months.length === 0 ? (
        <NothingYet title={ct('months.emptyTitle')} description={ct('months.empty')} />
      ) : (
        <DataTable
          label={ct('months.label')}
          columns={columns}
          items={months}
          rowKey={(item) => item.month}
        />
      )}
    </Section>
  );
}

/**
 * Statements (operator admin, finance): every account's statements by month and status, the CSV
 * of what the filters select, closing a month, and the months closed so far.
 */
export function StatementsPage() {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const me = useAreaMe();
  const search = useSearch({ from: '/admin/statements' });
  const navigate = useNavigate({ from: '/admin/statements' });
  const { month, status, account } = search;
  const closedMonths = useQuery({ queryKey: CLOSED_MONTHS_KEY, queryFn: fetchClosedMonths });
  const closed = closedMonths.data?.items ?? [];
  const query = usePagedList<Statement>([...statementsKey('all'), { month, status, account }], (cursor) =>
    fetchAllStatements({ month, status, accountId: account, cursor }),
  );
  const columns = useStatementColumns((statement, label) => (
    <AnchorLink
      to="/admin/accounts/$accountId/statements/$statementId"
      params={{ accountId: statement.accountId, statementId: statement.id }}
      fw={600}
      underline="always"
    >
      {label}
    </AnchorLink>
  ));
  const filter = (next: { month?: string | undefined; status?: StatementStatus | undefined }) =>
    void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true });
  const isFiltered = month !== undefined || status !== undefined || account !== undefined;
  const filteredName = query.data?.pages[0]?.items[0]?.accountName;

  return (
    <RequirePermission permission="statement.export" title={ct('statements.title')}>
      <Page
        title={ct('statements.title')}
        actions={
          <Button
            component="a"
            href={statementsExportUrl({ month, status, accountId: account })}
            download
            variant="default"
          >
            {ct('statements.export')}
          </Button>
        }
      >
        <Text>{ct('statements.intro')}</Text>
        {account ? (
          <Group gap="sm">
            <Text>
              {ct('statements.onlyAccount', {
                account: filteredName !== undefined ? accountName(filteredName, t) : account,
              })}
            </Text>
            <ButtonLink to="/admin/statements" search={{ month, status }} size="compact-md" variant="default">
              {ct('statements.allAccounts')}
            </ButtonLink>
          </Group>
        ) : null}
        <StatementFilters
          months={closed.map((item) => item.month)}
          month={month}
          status={status}
          onChange={filter}
        />
        <Text size="sm" c="dimmed">
          {ct('statements.exportHint')}
        </Text>
        <PagedResults
          query={query}
          isSearching={false}
          emptyTitle={isFiltered ? ct('app.noMatchTitle') : ct('statements.emptyTitle')}
          emptyDescription={isFiltered ? ct('app.noMatch') : ct('statements.empty')}
        >
          {(statements) => (
            <DataTable
              label={ct('statements.listLabel')}
              columns={columns}
              items={statements}
              rowKey={(statement) => statement.id}
            />
          )}
        </PagedResults>
        {closedMonths.isPending ? (
          <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
        ) : closedMonths.isError ? (
          <Alert color="red" title={t('lists.failedTitle')} role="alert">
            {t('errors.unexpected')}
          </Alert>
        ) : (
          <>
            {hasPermission(me, 'statement.close') ? <CloseMonthForm closed={closed} /> : null}
            <ClosedMonths
              months={closed}
              onShow={(shown) => {
                filter({ month: shown });
                // The list it filters is at the top of the page.
                window.scrollTo({ top: 0 });
              }}
            />
          </>
        )}
      </Page>
    </RequirePermission>
  );
}
