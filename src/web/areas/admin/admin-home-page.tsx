import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';

/** Start page of the admin portal. */
export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.title')}>
      <NothingYet title={t('empty.title')} description={t('admin.emptyDescription')} />
    </Page>
  );
}
