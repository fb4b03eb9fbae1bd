import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../shared/role-labels.ts';
import type { StaffMembership } from '../../api/session.ts';
import {
  fetchWorkshopVehicles,
  WORKSHOP_VEHICLES_KEY,
  type WorkshopVehicleSummary,
} from '../../api/vehicles.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { formatList } from '../../components/format.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { SearchField } from '../../components/search-field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { AddVehicleDialog } from './add-vehicle-dialog.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';
import { canDo, chooseWorkshop, workshopMemberships } from './workshop-access.ts';
import { WorkshopChoice } from './workshop-choice.tsx';

/** One workshop's vehicles: search, pages, "Add vehicle", and the way into each vehicle. */
function VehicleList({ workshop, canAdd }: { workshop: StaffMembership; canAdd: boolean }) {
  const wt = useWorkshopTexts();
  const headingId = useId();
  const [q, setQ] = useState('');
  const [isAdding, adding] = useDisclosure(false);
  const workshopId = workshop.organizationId;
  const query = usePagedList<WorkshopVehicleSummary>(
    [...WORKSHOP_VEHICLES_KEY, 'list', workshopId, { q }],
    (cursor) => fetchWorkshopVehicles(workshopId, { q, cursor }),
  );
  // The list is empty (not just without matches): the empty state itself offers "Add vehicle".
  const isEmpty = q === '' && query.isSuccess && query.data.pages.every((page) => page.items.length === 0);

  const columns: DataColumn<WorkshopVehicleSummary>[] = [
    {
      key: 'plate',
      header: wt('list.plate'),
      cell: (vehicle) => (
        <AnchorLink
          to="/workshop/vehicles/$vehicleId"
          params={{ vehicleId: vehicle.id }}
          search={{ workshop: workshopId }}
          fw={600}
          underline="always"
        >
          {vehicle.registrationNumber}
        </AnchorLink>
      ),
    },
    { key: 'makeModel', header: wt('list.makeModel'), cell: (vehicle) => `${vehicle.make} ${vehicle.model}` },
    {
      key: 'vin',
      header: wt('list.vin'),
      cell: (vehicle) => (
        <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{vehicle.vin}</span>
      ),
    },
    {
      key: 'primaryUser',
      header: wt('list.primaryUser'),
      cell: (vehicle) =>
        vehicle.primaryUser ? (
          vehicle.primaryUser.name
        ) : (
          <Text span c="dimmed" inherit>
            {wt('list.noPrimaryUser')}
          </Text>
        ),
    },
  ];

  const addButton = (
    <Button leftSection={<PlusIcon />} onClick={adding.open}>
      {wt('add.button')}
    </Button>
  );

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      {/* Heading and button wrap onto two lines on a narrow screen. */}
      <Group gap="sm" justify="space-between">
        <Title order={2} size="h3" id={headingId}>
          {wt('list.heading')}
        </Title>
        {canAdd && !isEmpty ? addButton : null}
      </Group>
      {isEmpty ? (
        <Stack gap={0} align="center">
          <NothingYet
            title={wt('list.emptyTitle')}
            description={canAdd ? wt('list.emptyDescription') : wt('list.emptyReadOnly')}
          />
          {canAdd ? addButton : null}
        </Stack>
      ) : (
        <>
          <SearchField label={wt('list.searchLabel')} description={wt('list.searchHint')} onSearch={setQ} />
          <PagedResults
            query={query}
            isSearching={q !== ''}
            emptyTitle={wt('list.emptyTitle')}
            emptyDescription={wt('list.emptyReadOnly')}
          >
            {(items) => (
              <DataTable
                label={wt('list.label', { workshop: workshop.organizationName })}
                columns={columns}
                items={items}
                rowKey={(vehicle) => vehicle.id}
              />
            )}
          </PagedResults>
        </>
      )}
      {canAdd ? (
        <AddVehicleDialog
          opened={isAdding}
          onClose={adding.close}
          workshop={{ id: workshopId, name: workshop.organizationName }}
        />
      ) : null}
    </Stack>
  );
}

/**
 * Start page of the workshop portal: the workshop's vehicles (SPEC §5), with a choice of
 * workshop for the few who work at more than one.
 */
export function WorkshopHomePage() {
  const { t } = useTranslation();
  const me = useAreaMe();
  const language = currentLanguage();
  const navigate = useNavigate();
  const search = useSearch({ from: '/workshop/' });
  const memberships = workshopMemberships(me);
  const workshop = chooseWorkshop(me, search.workshop);

  return (
    <Page title={t('workshop.title')}>
      {memberships.length > 1 && workshop ? (
        <WorkshopChoice
          memberships={memberships}
          workshopId={workshop.organizationId}
          onChange={(workshopId) =>
            void navigate({ to: '/workshop', search: { workshop: workshopId }, replace: true })
          }
        />
      ) : null}
      {workshop ? (
        <>
          <Text>
            {t('memberships.roles', {
              organization: workshop.organizationName,
              roles: formatList(
                workshop.roles.map((role) => ROLE_LABELS[language][role]),
                language,
              ),
            })}
          </Text>
          {/* Keyed by workshop, so a switch starts with a fresh search and a closed dialog. */}
          <VehicleList
            key={workshop.organizationId}
            workshop={workshop}
            canAdd={canDo(me, 'vehicle.create')}
          />
        </>
      ) : null}
    </Page>
  );
}
