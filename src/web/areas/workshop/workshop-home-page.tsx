import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { RequireArea } from '../../components/require-area.tsx';
import { StaffMemberships } from '../../components/staff-memberships.tsx';

/** Start page of the workshop portal, for workshop staff. */
export function WorkshopHomePage() {
  const { t } = useTranslation();
  return (
    <RequireArea area="/workshop" title={t('workshop.title')}>
      {(me) => (
        <Page title={t('workshop.title')}>
          <StaffMemberships me={me} kind="workshop" />
          <NothingYet title={t('empty.title')} description={t('workshop.emptyDescription')} />
        </Page>
      )}
    </RequireArea>
  );
}
