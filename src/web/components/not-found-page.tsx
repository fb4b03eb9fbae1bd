import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from './page.tsx';
import { ButtonLink } from './router-links.tsx';

/** Shown for any path the router does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Text>{t('notFound.description')}</Text>
      <div>
        <ButtonLink to="/">{t('notFound.homeLink')}</ButtonLink>
      </div>
    </Page>
  );
}
