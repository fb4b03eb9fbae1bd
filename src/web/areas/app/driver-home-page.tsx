import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { RequireArea } from '../../components/require-area.tsx';

/** Start page of the driver app, for account and vehicle users. */
export function DriverHomePage() {
  const { t } = useTranslation();
  return (
    <RequireArea area="/app" title={t('app.title')}>
      {(me) => (
        <Page title={t('app.title')}>
          <Text>{t('session.signedInAs', { name: me.user.name })}</Text>
          <NothingYet title={t('empty.title')} description={t('app.emptyDescription')} />
        </Page>
      )}
    </RequireArea>
  );
}
