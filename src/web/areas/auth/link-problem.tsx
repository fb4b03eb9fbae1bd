import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';

interface LinkProblemProps {
  title: string;
  explanation: string;
  /** What the person can do next: links or buttons. */
  actions?: ReactNode;
}

/** A page that says why a mailed link does not work, and what to do instead. */
export function LinkProblem({ title, explanation, actions }: LinkProblemProps) {
  return (
    <Page title={title}>
      <Text size="lg" maw="40rem">
        {explanation}
      </Text>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Page>
  );
}

interface LinkCheckFailedProps {
  title: string;
  onRetry: () => void;
}

/** The server could not be asked about a link (network or server failure): offer another try. */
export function LinkCheckFailed({ title, onRetry }: LinkCheckFailedProps) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Alert color="red" title={t('session.failedTitle')}>
        {t('errors.unexpected')}
      </Alert>
      <Group>
        <Button onClick={onRetry}>{t('session.retry')}</Button>
      </Group>
    </Page>
  );
}
