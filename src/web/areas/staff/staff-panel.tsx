import { Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../shared/role-labels.ts';
import { fetchSystemUsers, SYSTEM_USERS_KEY, type SystemUser } from '../../api/system-users.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { FloatingAddMenu } from '../../components/floating-add-menu.tsx';
import { formatList } from '../../components/format.ts';
import { refreshPeople } from '../../components/invitation-buttons.tsx';
import { OpenButton } from '../../components/open-button.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { SearchField } from '../../components/search-field.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { AddSystemUserDialog, type OrganizationChoice } from './add-system-user-dialog.tsx';
import { SystemUserDialog } from './system-user-dialog.tsx';

interface StaffPanelProps {
  /** Where new system users can be invited; the first is offered first. */
  organizations: OrganizationChoice[];
  /** Shows only this organisation's people (a workshop admin's own staff). */
  organizationId?: string;
}

/**
 * Users → System users: the searchable, paged list of an organisation's staff and pending
 * invitations, the + to invite someone, and each person's dialog. The admin portal shows every
 * organisation; the workshop portal the same panel fixed to one workshop.
 */
export function StaffPanel({ organizations, organizationId }: StaffPanelProps) {
  const { t } = useTranslation();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const [q, setQ] = useState('');
  const [isAdding, adding] = useDisclosure(false);
  const [selected, setSelected] = useState<SystemUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = usePagedList<SystemUser>([...SYSTEM_USERS_KEY, { q, organizationId }], (cursor) =>
    fetchSystemUsers({ q, cursor, organizationId }),
  );
  const canInvite = hasPermission(me, 'staff.invite') && organizations.length > 0;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  // The dialog follows the list, so a resend or a role change shows at once after the reload.
  const current = selected ? (items.find((item) => item.id === selected.id) ?? selected) : null;

  const columns: DataColumn<SystemUser>[] = [
    {
      key: 'name',
      header: t('people.name'),
      cell: (person) => (
        <OpenButton onOpen={() => setSelected(person)}>{person.name ?? person.email}</OpenButton>
      ),
    },
    { key: 'email', header: t('people.email'), cell: (person) => person.email },
    ...(organizationId
      ? []
      : [
          {
            key: 'organization',
            header: t('staff.organization'),
            cell: (person: SystemUser) => person.organization.name,
          },
        ]),
    {
      key: 'roles',
      header: t('staff.roles'),
      cell: (person) =>
        formatList(
          person.roles.map((role) => ROLE_LABELS[language][role]),
          language,
        ),
    },
    {
      key: 'state',
      header: t('people.state'),
      cell: (person) => <StateBadge state={person.invitationStatus} />,
    },
  ];

  return (
    // Room below the list, so the floating + never covers its last row.
    <Stack gap="lg" pb={96}>
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      <SearchField label={t('people.searchLabel')} description={t('people.searchHint')} onSearch={setQ} />
      <PagedResults
        query={query}
        isSearching={q !== ''}
        emptyTitle={t('staff.emptyTitle')}
        emptyDescription={canInvite ? t('staff.emptyInvite') : t('staff.empty')}
      >
        {(people) => (
          <DataTable
            label={t('staff.listLabel')}
            columns={columns}
            items={people}
            rowKey={(person) => person.id}
          />
        )}
      </PagedResults>
      {canInvite ? (
        <FloatingAddMenu
          label={t('people.addMenu')}
          items={[{ label: t('staff.addTitle'), onSelect: adding.open }]}
        />
      ) : null}
      <AddSystemUserDialog
        opened={isAdding}
        onClose={adding.close}
        organizations={organizations}
        onInvited={(email) => {
          adding.close();
          setNotice(t('invitations.sent', { email }));
          void refreshPeople(queryClient);
        }}
      />
      <SystemUserDialog
        person={current}
        onClose={() => setSelected(null)}
        onDone={(message) => {
          setSelected(null);
          setNotice(message);
        }}
      />
    </Stack>
  );
}
