import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchOutgoingMail,
  type MailStatus,
  OUTGOING_MAIL_KEY,
  type OutgoingMail,
} from '../../api/outgoing-mail.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { RequirePermission } from '../require-permission.tsx';

type Shown = Exclude<MailStatus, 'sent'>;

function isShown(value: string): value is Shown {
  return value === 'failed' || value === 'pending';
}

/** Outgoing mail that needs an operator's eye: what failed (and why) and what still waits. */
export function MailPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<Shown>('failed');
  const query = usePagedList<OutgoingMail>([...OUTGOING_MAIL_KEY, { status }], (cursor) =>
    fetchOutgoingMail({ status, cursor }),
  );
  const columns: DataColumn<OutgoingMail>[] = [
    { key: 'to', header: t('mail.to'), cell: (mail) => <strong>{mail.to}</strong> },
    { key: 'subject', header: t('mail.subject'), cell: (mail) => mail.subject },
    { key: 'created', header: t('mail.created'), cell: (mail) => formatDateTime(mail.createdAt, language) },
    { key: 'attempts', header: t('mail.attempts'), cell: (mail) => mail.attempts },
    ...(status === 'pending'
      ? [
          {
            key: 'next',
            header: t('mail.nextAttempt'),
            cell: (mail: OutgoingMail) => formatDateTime(mail.nextAttemptAt, language),
          },
        ]
      : []),
    {
      key: 'error',
      header: t('mail.lastError'),
      cell: (mail) =>
        mail.lastError ? (
          <Text component="span" ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {mail.lastError}
          </Text>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <RequirePermission permission="mail.read" title={t('mail.title')}>
      <Page title={t('mail.title')}>
        <Text>{t('mail.intro')}</Text>
        <Stack gap="lg">
          <SegmentedControl
            aria-label={t('mail.statusLabel')}
            value={status}
            onChange={(value) => {
              if (isShown(value)) setStatus(value);
            }}
            data={[
              { value: 'failed', label: t('mail.failed') },
              { value: 'pending', label: t('mail.pending') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <PagedResults
            query={query}
            isSearching={false}
            emptyTitle={status === 'failed' ? t('mail.noFailedTitle') : t('mail.noPendingTitle')}
            emptyDescription={status === 'failed' ? t('mail.noFailed') : t('mail.noPending')}
          >
            {(mails) => (
              <DataTable
                label={status === 'failed' ? t('mail.failedLabel') : t('mail.pendingLabel')}
                columns={columns}
                items={mails}
                rowKey={(mail) => mail.id}
              />
            )}
          </PagedResults>
        </Stack>
      </Page>
    </RequirePermission>
  );
}
