import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';

/**
 * Where an invitation link (`/activate/$token`) lands. For now it only says the link is being
 * checked; checking the token and the activation form come later.
 */
export function ActivateInvitationPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('activate.title')}>
      <div role="status">
        <NothingYet
          title={t('activate.checkingTitle')}
          description={t('activate.checkingDescription')}
          indicator={<Loader size="sm" aria-hidden="true" />}
        />
      </div>
    </Page>
  );
}
