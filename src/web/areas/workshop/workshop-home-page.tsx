import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';

/** Start page of the workshop portal. */
export function WorkshopHomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('workshop.title')}>
      <NothingYet title={t('empty.title')} description={t('workshop.emptyDescription')} />
    </Page>
  );
}
