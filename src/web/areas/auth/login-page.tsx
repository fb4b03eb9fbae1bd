import { useTranslation } from 'react-i18next';
import { LockIcon } from '../../components/icons.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';

/** Sign-in page; holds a placeholder until the sign-in form exists. */
export function LoginPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('login.title')}>
      <NothingYet
        title={t('login.emptyTitle')}
        description={t('login.emptyDescription')}
        indicator={<LockIcon />}
      />
    </Page>
  );
}
