import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { RequireArea } from '../../components/require-area.tsx';
import { StaffMemberships } from '../../components/staff-memberships.tsx';

/** Start page of the admin portal, for operator staff. */
export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <RequireArea area="/admin" title={t('admin.title')}>
      {(me) => (
        <Page title={t('admin.title')}>
          <StaffMemberships me={me} kind="operator" />
          <NothingYet title={t('empty.title')} description={t('admin.emptyDescription')} />
        </Page>
      )}
    </RequireArea>
  );
}
