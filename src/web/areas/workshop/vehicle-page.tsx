import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { findWorkshopVehicle, WORKSHOP_VEHICLES_KEY, type WorkshopVehicle } from '../../api/vehicles.ts';
import { AlarmList } from '../../components/alarm-list.tsx';
import { DetailsList } from '../../components/details-list.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { VehicleHealth } from '../../components/vehicle-health.tsx';
import { useAreaMe } from '../area-me.tsx';
import { MaintenanceNoticeSection } from './maintenance-notice-section.tsx';
import { PrimaryUserSection } from './primary-user-section.tsx';
import { RotateTokenDialog } from './rotate-token-dialog.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';
import { canDo, chooseWorkshop, workshopMemberships } from './workshop-access.ts';

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

function BackLink({ workshopId }: { workshopId: string | undefined }) {
  const wt = useWorkshopTexts();
  return (
    <AnchorLink to="/workshop" search={{ workshop: workshopId }} style={{ alignSelf: 'flex-start' }}>
      {wt('details.back')}
    </AnchorLink>
  );
}

interface VehicleViewProps {
  workshopId: string;
  vehicle: WorkshopVehicle;
  onChanged: () => Promise<unknown>;
}

function VehicleView({ workshopId, vehicle, onChanged }: VehicleViewProps) {
  const wt = useWorkshopTexts();
  const me = useAreaMe();
  const [notice, setNotice] = useState<string | null>(null);
  const [isRotating, rotating] = useDisclosure(false);
  const notGiven = (
    <Text span c="dimmed" inherit>
      {wt('details.notGiven')}
    </Text>
  );

  return (
    <Page title={vehicle.registrationNumber}>
      <BackLink workshopId={workshopId} />
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      <section aria-label={wt('details.factsLabel')}>
        <DetailsList
          items={[
            { label: wt('details.make'), value: vehicle.make },
            { label: wt('details.model'), value: vehicle.model },
            {
              label: wt('details.vin'),
              value: (
                <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{vehicle.vin}</span>
              ),
            },
            { label: wt('details.plate'), value: vehicle.registrationNumber },
            { label: wt('details.year'), value: vehicle.year ?? notGiven },
            {
              label: wt('details.fuelType'),
              value: vehicle.fuelType ? wt(`fuel.${vehicle.fuelType}`) : notGiven,
            },
            { label: wt('details.sharing'), value: wt(`sharing.${vehicle.sharing.level}`) },
          ]}
        />
      </section>

      <Section title={wt('primary.heading')}>
        <Text c="dimmed">{wt('primary.intro')}</Text>
        <PrimaryUserSection
          workshopId={workshopId}
          vehicle={vehicle}
          canInvite={canDo(me, 'vehicle.primary.invite')}
          canRemove={canDo(me, 'vehicle.primary.remove')}
          onChanged={onChanged}
          onDone={setNotice}
        />
      </Section>

      <Section title={wt('secondary.heading')}>
        <Text c="dimmed">{wt('secondary.intro')}</Text>
        <Text>{wt('secondary.count', { count: vehicle.secondaryUserCount })}</Text>
        {vehicle.secondaryUsers.length > 0 ? (
          <List aria-label={wt('secondary.listLabel')}>
            {vehicle.secondaryUsers.map((user) => (
              <List.Item key={user.id}>{user.name}</List.Item>
            ))}
          </List>
        ) : null}
        <Text>{wt('secondary.pending', { count: vehicle.pendingSecondaryInvitationCount })}</Text>
      </Section>

      {canDo(me, 'vehicle.chat') ? (
        <Section title={wt('chat.heading')}>
          <Text>{wt('chat.intro', { plate: vehicle.registrationNumber })}</Text>
          <Group>
            <ButtonLink to="/workshop/inbox" search={{ workshop: workshopId, vehicle: vehicle.id }}>
              {wt('chat.open')}
            </ButtonLink>
          </Group>
        </Section>
      ) : null}

      <Section title={wt('maintenance.heading')}>
        <MaintenanceNoticeSection workshopId={workshopId} vehicle={vehicle} />
      </Section>

      <Section title={wt('details.healthHeading')}>
        <Text c="dimmed">{wt('details.healthIntro')}</Text>
        <VehicleHealth status={vehicle.status} />
      </Section>

      <Section title={wt('details.alarmsHeading')}>
        <AlarmList
          alarms={vehicle.alarms}
          label={wt('details.alarmsLabel', { plate: vehicle.registrationNumber })}
          emptyText={wt('details.noAlarms')}
        />
      </Section>

      {canDo(me, 'vehicle.create') ? (
        <Section title={wt('device.heading')}>
          <Text>{wt('device.intro')}</Text>
          <Group>
            <Button variant="default" onClick={rotating.open}>
              {wt('device.rotate')}
            </Button>
          </Group>
          <RotateTokenDialog
            opened={isRotating}
            onClose={rotating.close}
            workshopId={workshopId}
            vehicle={vehicle}
          />
        </Section>
      ) : null}
    </Page>
  );
}

/**
 * A vehicle in the workshop portal: its facts, the primary user (or their invitation, or the
 * form to invite them), the secondary users, the way to its chat, maintenance notices, health and
 * alarms (never the position) and the device token (SPEC §5, §6, §7).
 */
export function WorkshopVehiclePage() {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const { vehicleId } = useParams({ from: '/workshop/vehicles/$vehicleId' });
  const search = useSearch({ from: '/workshop/vehicles/$vehicleId' });
  // The workshop the address names first, then the person's other workshops: a link without it
  // (or an old one) still finds the vehicle wherever this person may see it.
  const named = chooseWorkshop(me, search.workshop);
  const workshopIds = [
    ...(named ? [named.organizationId] : []),
    ...workshopMemberships(me)
      .map((membership) => membership.organizationId)
      .filter((id) => id !== named?.organizationId),
  ];
  const queryKey = [...WORKSHOP_VEHICLES_KEY, 'detail', vehicleId];
  const found = useQuery({ queryKey, queryFn: () => findWorkshopVehicle(vehicleId, workshopIds) });
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey }),
      queryClient.invalidateQueries({ queryKey: [...WORKSHOP_VEHICLES_KEY, 'list'] }),
    ]);

  if (found.isPending) {
    return (
      <Page title={wt('details.title')}>
        <BackLink workshopId={search.workshop} />
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  if (found.isError) {
    const isMissing =
      found.error instanceof ApiError &&
      (found.error.status === 404 || found.error.code === 'validation_failed');
    return (
      <Page title={isMissing ? wt('details.notFoundTitle') : wt('details.title')}>
        <BackLink workshopId={search.workshop} />
        {isMissing ? (
          <Text>{wt('details.notFound')}</Text>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Alert color="red" title={wt('details.failedTitle')} role="alert" w="100%">
              {t('errors.unexpected')}
            </Alert>
            <Button onClick={() => void found.refetch()}>{t('session.retry')}</Button>
          </Stack>
        )}
      </Page>
    );
  }
  return <VehicleView workshopId={found.data.workshopId} vehicle={found.data.vehicle} onChanged={reload} />;
}
