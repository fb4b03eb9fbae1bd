import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { StaffMembership } from '../../api/session.ts';
import { fetchWorkshopAlarms, type WorkshopAlarm, workshopAlarmsKey } from '../../api/telemetry.ts';
import { alarmName } from '../../components/alarm-list.tsx';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';
import { chooseWorkshop, workshopMemberships } from './workshop-access.ts';
import { WorkshopChoice } from './workshop-choice.tsx';

/** Warning lights come and go while the page is open; a minute late is soon enough here. */
const REFRESH_MS = 60_000;

function AlarmOverview({ workshop }: { workshop: StaffMembership }) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const language = currentLanguage();
  const workshopId = workshop.organizationId;
  const query = useQuery({
    queryKey: workshopAlarmsKey(workshopId),
    queryFn: () => fetchWorkshopAlarms(workshopId),
    refetchInterval: REFRESH_MS,
  });

  if (query.isPending) {
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void query.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }
  if (query.data.items.length === 0) {
    return <NothingYet title={wt('alarms.emptyTitle')} description={wt('alarms.empty')} />;
  }

  const columns: DataColumn<WorkshopAlarm>[] = [
    {
      key: 'vehicle',
      header: wt('alarms.vehicle'),
      cell: (alarm) => (
        <AnchorLink
          to="/workshop/vehicles/$vehicleId"
          params={{ vehicleId: alarm.vehicle.id }}
          search={{ workshop: workshopId }}
          fw={600}
          underline="always"
        >
          {alarm.vehicle.registrationNumber}
        </AnchorLink>
      ),
    },
    {
      key: 'makeModel',
      header: wt('list.makeModel'),
      cell: (alarm) => `${alarm.vehicle.make} ${alarm.vehicle.model}`,
    },
    {
      key: 'light',
      header: wt('alarms.light'),
      cell: (alarm) => (
        <Stack gap={0}>
          <Text fw={600} inherit>
            {alarmName(alarm.code, t)}
          </Text>
          {alarm.description ? <Text size="sm">{alarm.description}</Text> : null}
        </Stack>
      ),
    },
    { key: 'since', header: wt('alarms.since'), cell: (alarm) => formatDateTime(alarm.since, language) },
  ];
  return (
    <DataTable
      label={wt('alarms.label', { workshop: workshop.organizationName })}
      columns={columns}
      items={query.data.items}
      rowKey={(alarm) => `${alarm.vehicle.id}-${alarm.code}`}
    />
  );
}

/**
 * The workshop's alarms overview (SPEC §7, §8): every warning light on now across its vehicles,
 * the most recent first, each with the way into its vehicle.
 */
export function WorkshopAlarmsPage() {
  const wt = useWorkshopTexts();
  const me = useAreaMe();
  const navigate = useNavigate();
  const search = useSearch({ from: '/workshop/alarms' });
  const memberships = workshopMemberships(me);
  const workshop = chooseWorkshop(me, search.workshop);

  return (
    <Page title={wt('alarms.title')}>
      {memberships.length > 1 && workshop ? (
        <WorkshopChoice
          memberships={memberships}
          workshopId={workshop.organizationId}
          onChange={(workshopId) =>
            void navigate({ to: '/workshop/alarms', search: { workshop: workshopId }, replace: true })
          }
        />
      ) : null}
      {workshop ? (
        <>
          <Text>{wt('alarms.intro', { workshop: workshop.organizationName })}</Text>
          <AlarmOverview key={workshop.organizationId} workshop={workshop} />
        </>
      ) : null}
    </Page>
  );
}
