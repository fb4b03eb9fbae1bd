import { Alert, Button, Stack, Text } from '@mantine/core';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementDetail } from '../../api/charging.ts';
import { ApiError } from '../../api/client.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from './charging-format.ts';
import { StatementView } from './statement-view.tsx';
import { useChargingTexts } from './use-charging-texts.ts';

interface StatementPageContentProps {
  detailKey: QueryKey;
  fetchStatement: () => Promise<StatementDetail>;
  /** The way back to the list, shown in every state. */
  back: ReactNode;
  /** The decision part for the loaded statement, if the page offers one. */
  decision?: (statement: StatementDetail) => ReactNode;
}

/** A statement page in each of its states: loading, not found (or not yours), failed, shown. */
export function StatementPageContent({
  detailKey,
  fetchStatement,
  back,
  decision,
}: StatementPageContentProps) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const statement = useQuery({ queryKey: detailKey, queryFn: fetchStatement });

  if (statement.isPending) {
    return (
      <Page title={ct('statement.title')}>
        {back}
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  if (statement.isError) {
    // Another account's statement is "not found" too: the server does not say it exists.
    const isMissing =
      statement.error instanceof ApiError &&
      (statement.error.status === 404 || statement.error.code === 'validation_failed');
    return (
      <Page title={isMissing ? ct('statement.notFoundTitle') : ct('statement.title')}>
        {back}
        {isMissing ? (
          <Text>{ct('statement.notFound')}</Text>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Alert color="red" title={ct('statement.failedTitle')} role="alert" w="100%">
              {t('errors.unexpected')}
            </Alert>
            <Button onClick={() => void statement.refetch()}>{t('session.retry')}</Button>
          </Stack>
        )}
      </Page>
    );
  }
  return (
    <Page title={ct('statement.heading', { month: formatMonth(statement.data.month, language) })}>
      <StatementView statement={statement.data} back={back} decision={decision?.(statement.data)} />
    </Page>
  );
}
