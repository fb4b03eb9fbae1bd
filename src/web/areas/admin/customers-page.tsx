import { Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMERS_KEY, type Customer, fetchCustomers } from '../../api/customers.ts';
import { DataTable } from '../../components/data-table.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { FloatingAddMenu } from '../../components/floating-add-menu.tsx';
import { refreshPeople } from '../../components/invitation-buttons.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { SearchField } from '../../components/search-field.tsx';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { RequirePermission } from '../require-permission.tsx';
import { AddEndUserDialog } from './add-end-user-dialog.tsx';
import { useCustomerColumns } from './customer-columns.tsx';
import { CustomerDialog } from './customer-dialog.tsx';
import { InviteClientDialog } from './invite-client-dialog.tsx';

/** Users → Customers: account owners and end-users with their state; + invites a client or an end-user. */
export function CustomersPage() {
  const { t } = useTranslation();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [isInvitingClient, invitingClient] = useDisclosure(false);
  const [isAddingEndUser, addingEndUser] = useDisclosure(false);
  const [selected, setSelected] = useState<Customer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = usePagedList<Customer>([...CUSTOMERS_KEY, { q }], (cursor) => fetchCustomers({ q, cursor }));
  const columns = useCustomerColumns(setSelected, { withAccount: true });
  const canManage = hasPermission(me, 'customer.manage');
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const current = selected ? (items.find((item) => item.id === selected.id) ?? selected) : null;
  const onInvited = (close: () => void) => (email: string) => {
    close();
    setNotice(t('invitations.sent', { email }));
    void refreshPeople(queryClient);
  };

  return (
    <RequirePermission permission="customer.read" title={t('customers.title')}>
      <Page title={t('customers.title')}>
        <Stack gap="lg" pb={96}>
          <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
          <SearchField label={t('people.searchLabel')} description={t('people.searchHint')} onSearch={setQ} />
          <PagedResults
            query={query}
            isSearching={q !== ''}
            emptyTitle={t('customers.emptyTitle')}
            emptyDescription={canManage ? t('customers.emptyInvite') : t('customers.empty')}
          >
            {(people) => (
              <DataTable
                label={t('customers.listLabel')}
                columns={columns}
                items={people}
                rowKey={(person) => person.id}
              />
            )}
          </PagedResults>
          {canManage ? (
            <FloatingAddMenu
              label={t('people.addMenu')}
              items={[
                { label: t('customers.inviteClientTitle'), onSelect: invitingClient.open },
                { label: t('customers.addEndUserTitle'), onSelect: addingEndUser.open },
              ]}
            />
          ) : null}
        </Stack>
        <InviteClientDialog
          opened={isInvitingClient}
          onClose={invitingClient.close}
          onInvited={onInvited(invitingClient.close)}
        />
        <AddEndUserDialog
          opened={isAddingEndUser}
          onClose={addingEndUser.close}
          onInvited={onInvited(addingEndUser.close)}
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
    </RequirePermission>
  );
}
