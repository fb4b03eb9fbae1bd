import { Alert, Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchWorkshops, WORKSHOPS_KEY, type Workshop } from '../../api/workshops.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { SearchField } from '../../components/search-field.tsx';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { RequirePermission } from '../require-permission.tsx';
import { WorkshopDialog } from './workshop-dialog.tsx';

/** Workshops: the list, "Add workshop", and editing each one. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [isEditing, dialog] = useDisclosure(false);
  // Kept after closing, so the dialog does not change its title while it fades out.
  const [editing, setEditing] = useState<Workshop | null>(null);
  const openEditor = (workshop: Workshop | null) => {
    setEditing(workshop);
    dialog.open();
  };
  const [notice, setNotice] = useState<string | null>(null);
  // Few enough to come in one answer (the API has no further pages for workshops).
  const workshops = useQuery({
    queryKey: [...WORKSHOPS_KEY, { q }],
    queryFn: () => fetchWorkshops(q),
    placeholderData: keepPreviousData,
  });
  const canManage = hasPermission(me, 'workshop.manage');

  const columns: DataColumn<Workshop>[] = [
    { key: 'name', header: t('workshops.name'), cell: (workshop) => <strong>{workshop.name}</strong> },
    { key: 'address', header: t('workshops.address'), cell: (workshop) => workshop.address ?? '—' },
    { key: 'phone', header: t('workshops.phone'), cell: (workshop) => workshop.phone ?? '—' },
    { key: 'timeZone', header: t('workshops.timeZone'), cell: (workshop) => workshop.timeZone },
    ...(canManage
      ? [
          {
            key: 'edit',
            header: t('workshops.actions'),
            isSelfExplaining: true,
            cell: (workshop: Workshop) => (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => openEditor(workshop)}
                aria-label={t('workshops.editNamed', { name: workshop.name })}
              >
                {t('workshops.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  let list: ReactNode;
  if (workshops.isPending) {
    list = <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  } else if (workshops.isError) {
    list = (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void workshops.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  } else if (workshops.data.items.length === 0) {
    list =
      q !== '' ? (
        <NothingYet title={t('lists.noMatchesTitle')} description={t('lists.noMatchesDescription')} />
      ) : (
        <NothingYet title={t('workshops.emptyTitle')} description={t('workshops.empty')} />
      );
  } else {
    list = (
      <DataTable
        label={t('workshops.listLabel')}
        columns={columns}
        items={workshops.data.items}
        rowKey={(workshop) => workshop.id}
      />
    );
  }

  return (
    <RequirePermission permission="workshop.read" title={t('workshops.title')}>
      <Page
        title={t('workshops.title')}
        actions={
          hasPermission(me, 'workshop.create') ? (
            <Button leftSection={<PlusIcon />} onClick={() => openEditor(null)}>
              {t('workshops.addTitle')}
            </Button>
          ) : null
        }
      >
        <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
        <SearchField label={t('workshops.searchLabel')} onSearch={setQ} />
        {list}
        <WorkshopDialog
          opened={isEditing}
          workshop={editing}
          onClose={dialog.close}
          onSaved={(saved, isNew) => {
            dialog.close();
            setNotice(
              isNew
                ? t('workshops.created', { name: saved.name })
                : t('workshops.saved', { name: saved.name }),
            );
            void queryClient.invalidateQueries({ queryKey: WORKSHOPS_KEY });
          }}
        />
      </Page>
    </RequirePermission>
  );
}
