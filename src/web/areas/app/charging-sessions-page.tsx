import { Stack, Text } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import {
  type ChargingSession,
  fetchAccountSessions,
  fetchMySessions,
  sessionsKey,
} from '../../api/charging.ts';
import type { ListPage } from '../../api/lists.ts';
import { DataTable } from '../../components/data-table.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { useAreaMe } from '../area-me.tsx';
import { useSessionColumns } from '../charging/charging-columns.tsx';
import { recentMonths } from '../charging/charging-format.ts';
import { MonthSelect } from '../charging/statement-filters.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { useOwnedAccounts } from './use-owned-accounts.ts';

const FILTER_MONTHS = 24;

interface SessionsViewProps {
  title: string;
  intro: string;
  label: string;
  queryKey: QueryKey;
  fetchPage: (month: string | undefined, cursor: string | undefined) => Promise<ListPage<ChargingSession>>;
  withAccount: boolean;
  month: string | undefined;
  onMonth: (month: string | undefined) => void;
}

/** A list of charging sessions, newest first, for one month or all. */
function SessionsView({
  title,
  intro,
  label,
  queryKey,
  fetchPage,
  withAccount,
  month,
  onMonth,
}: SessionsViewProps) {
  const ct = useChargingTexts();
  const months = useMemo(() => recentMonths(new Date(), FILTER_MONTHS), []);
  const query = usePagedList<ChargingSession>([...queryKey, { month }], (cursor) => fetchPage(month, cursor));
  const columns = useSessionColumns({ withAccount });
  return (
    <Page title={title}>
      <Stack gap={4}>
        <Text>{intro}</Text>
        <AnchorLink to="/app/charging" underline="always" style={{ alignSelf: 'flex-start' }}>
          {ct('sessions.back')}
        </AnchorLink>
      </Stack>
      <MonthSelect months={months} value={month} onChange={onMonth} />
      <PagedResults
        query={query}
        isSearching={false}
        emptyTitle={month ? ct('sessions.noMatchTitle') : ct('sessions.emptyTitle')}
        emptyDescription={month ? ct('sessions.noMatch') : ct('sessions.empty')}
      >
        {(sessions) => (
          <DataTable label={label} columns={columns} items={sessions} rowKey={(session) => session.id} />
        )}
      </PagedResults>
    </Page>
  );
}

/** The charging sessions of an account the person owns, and of its sub-accounts. */
export function AccountSessionsPage() {
  const ct = useChargingTexts();
  const me = useAreaMe();
  const { accountId } = useParams({ from: '/app/charging/accounts/$accountId/sessions' });
  const { month } = useSearch({ from: '/app/charging/accounts/$accountId/sessions' });
  const navigate = useNavigate({ from: '/app/charging/accounts/$accountId/sessions' });
  const account = useOwnedAccounts(me).find((candidate) => candidate.id === accountId);
  const name = account?.name ?? ct('app.accountFallback');
  return (
    <SessionsView
      title={ct('sessions.title')}
      intro={ct('sessions.intro', { account: name })}
      label={ct('sessions.label', { account: name })}
      queryKey={sessionsKey(`account:${accountId}`)}
      fetchPage={(selected, cursor) => fetchAccountSessions(accountId, { month: selected, cursor })}
      withAccount
      month={month}
      onMonth={(next) => void navigate({ search: { month: next }, replace: true })}
    />
  );
}

/** The person's own charging sessions, wherever they charged as the driver. */
export function MySessionsPage() {
  const ct = useChargingTexts();
  const { month } = useSearch({ from: '/app/charging/sessions' });
  const navigate = useNavigate({ from: '/app/charging/sessions' });
  return (
    <SessionsView
      title={ct('sessions.myTitle')}
      intro={ct('sessions.myIntro')}
      label={ct('sessions.myLabel')}
      queryKey={sessionsKey('me')}
      fetchPage={(selected, cursor) => fetchMySessions({ month: selected, cursor })}
      withAccount
      month={month}
      onMonth={(next) => void navigate({ search: { month: next }, replace: true })}
    />
  );
}
