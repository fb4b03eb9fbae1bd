import { NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { useAreaMe } from '../area-me.tsx';
import { StaffPanel } from '../staff/staff-panel.tsx';
import { managedWorkshops } from './managed-workshops.ts';

/**
 * A workshop admin's own staff: the admin portal's system-user list and invitations, fixed to
 * their workshop (with a choice when they run more than one).
 */
export function WorkshopStaffPage() {
  const { t } = useTranslation();
  const me = useAreaMe();
  const workshops = managedWorkshops(me);
  const [chosenId, setChosenId] = useState(workshops[0]?.id);
  const workshop = workshops.find((candidate) => candidate.id === chosenId) ?? workshops[0];

  if (!workshop) {
    return (
      <Page title={t('workshopStaff.title')}>
        <Text>{t('session.noPermission')}</Text>
      </Page>
    );
  }
  return (
    <Page title={t('workshopStaff.title')}>
      {workshops.length > 1 ? (
        <NativeSelect
          label={t('workshopStaff.workshopLabel')}
          data={workshops.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={workshop.id}
          onChange={(event) => setChosenId(event.currentTarget.value)}
          maw="28rem"
        />
      ) : (
        <Text>{t('workshopStaff.intro', { name: workshop.name })}</Text>
      )}
      {/* Keyed by workshop, so a switch starts with a fresh search and closed dialogs. */}
      <StaffPanel key={workshop.id} organizations={[workshop]} organizationId={workshop.id} />
    </Page>
  );
}
