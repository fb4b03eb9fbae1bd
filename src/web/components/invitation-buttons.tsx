import { Alert, Button, Group, Stack } from '@mantine/core';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACCOUNTS_KEY } from '../api/accounts.ts';
import { resendInvitation, revokeInvitation } from '../api/admin-invitations.ts';
import { CUSTOMERS_KEY } from '../api/customers.ts';
import { SYSTEM_USERS_KEY } from '../api/system-users.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDateTime } from './format.ts';
import { generalProblemMessage } from './problem-messages.ts';

/** Reloads every list that shows people's invitation states, after one of them changed. */
export function refreshPeople(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    [SYSTEM_USERS_KEY, CUSTOMERS_KEY, ACCOUNTS_KEY].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  ).then(() => undefined);
}

/** Withdraws a pending invitation, then reloads the lists that show it. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => refreshPeople(queryClient),
  });
}

interface InvitationButtonsProps {
  invitationId: string;
  email: string;
  /** Asks to revoke: the dialog shows its confirmation step. */
  onRevoke: () => void;
}

/**
 * "Resend invitation" and "Revoke invitation" for someone who has not activated yet. A resend
 * mails a new link valid for 24 hours and kills the old one, and says so here.
 */
export function InvitationButtons({ invitationId, email, onRevoke }: InvitationButtonsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => resendInvitation(invitationId),
    onSuccess: () => refreshPeople(queryClient),
  });
  return (
    <Stack gap="sm">
      {resend.isSuccess ? (
        <Alert color="green" title={t('invitations.resentTitle')} role="status">
          {t('invitations.resent', {
            email,
            date: formatDateTime(resend.data.expiresAt, currentLanguage()),
          })}
        </Alert>
      ) : null}
      {resend.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {generalProblemMessage(resend.error, t)}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button onClick={() => resend.mutate()} loading={resend.isPending}>
          {t('invitations.resend')}
        </Button>
        <Button variant="outline" color="red.8" onClick={onRevoke}>
          {t('invitations.revoke')}
        </Button>
      </Group>
    </Stack>
  );
}
