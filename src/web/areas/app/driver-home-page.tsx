import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';

/** Start page of the driver app. */
export function DriverHomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.title')}>
      <NothingYet title={t('empty.title')} description={t('app.emptyDescription')} />
    </Page>
  );
}
