import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  resendSecondaryInvitation,
  revokeSecondaryInvitation,
  type SecondaryInvitation,
} from '../../api/vehicle-users.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { appProblemMessage } from './app-problem-messages.ts';
import { formatRelativeTime } from './relative-time.ts';
import { useAppTexts } from './use-app-texts.ts';

interface SecondaryInvitationsProps {
  vehicleId: string;
  invitations: SecondaryInvitation[];
  /** Something changed: the page reloads the users. */
  onChanged: () => Promise<void>;
  /** Says what was done, in the page's notice. */
  onDone: (message: string) => void;
}

function InvitationItem({
  vehicleId,
  invitation,
  onChanged,
  onDone,
  onRevoke,
}: Omit<SecondaryInvitationsProps, 'invitations'> & {
  invitation: SecondaryInvitation;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const language = currentLanguage();
  const resend = useMutation({
    mutationFn: () => resendSecondaryInvitation(vehicleId, invitation.id),
    onSuccess: async (answer) => {
      await onChanged();
      onDone(
        t('invitations.resent', {
          email: invitation.email,
          date: formatDateTime(answer.expiresAt, language),
        }),
      );
    },
  });
  const isExpired = invitation.invitationStatus === 'expired';
  const when = {
    relative: formatRelativeTime(invitation.expiresAt, new Date(), language),
    date: formatDateTime(invitation.expiresAt, language),
  };
  return (
    <Card component="li" withBorder padding="sm" radius="md">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={600}>{invitation.email}</Text>
          <StateBadge state={invitation.invitationStatus} />
        </Group>
        <Text size="sm">
          {isExpired ? at('invitations.expiredAgo', when) : at('invitations.expiresIn', when)}
        </Text>
        {resend.isError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {appProblemMessage(resend.error, t, at)}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button
            size="compact-md"
            onClick={() => resend.mutate()}
            loading={resend.isPending}
            aria-label={at('invitations.resendNamed', { email: invitation.email })}
          >
            {t('invitations.resend')}
          </Button>
          <Button
            size="compact-md"
            variant="outline"
            color="red.8"
            onClick={onRevoke}
            aria-label={at('invitations.revokeNamed', { email: invitation.email })}
          >
            {t('invitations.revoke')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RevokeStep({
  vehicleId,
  invitation,
  onClose,
  onChanged,
  onDone,
}: Omit<SecondaryInvitationsProps, 'invitations'> & {
  invitation: SecondaryInvitation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const revoke = useMutation({
    mutationFn: () => revokeSecondaryInvitation(vehicleId, invitation.id),
    onSuccess: async () => {
      onClose();
      await onChanged();
      onDone(t('invitations.revoked', { email: invitation.email }));
    },
  });
  return (
    <ConfirmStep
      message={t('invitations.revokeConfirm', { email: invitation.email })}
      confirmLabel={t('invitations.revoke')}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
      isPending={revoke.isPending}
      error={revoke.isError ? appProblemMessage(revoke.error, t, at) : undefined}
    />
  );
}

/**
 * The secondary invitations not yet accepted, with when each link expires (relative and exact;
 * expired ones marked), Resend and Revoke (after a confirm step). The primary's view only.
 */
export function SecondaryInvitations({ invitations, ...props }: SecondaryInvitationsProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const [revoking, setRevoking] = useState<SecondaryInvitation | null>(null);
  if (invitations.length === 0) return <Text>{at('invitations.none')}</Text>;
  return (
    <>
      <Stack
        component="ul"
        aria-label={at('invitations.listLabel')}
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {invitations.map((invitation) => (
          <InvitationItem
            key={invitation.id}
            invitation={invitation}
            onRevoke={() => setRevoking(invitation)}
            {...props}
          />
        ))}
      </Stack>
      <FormDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('invitations.revoke')}
      >
        {revoking ? (
          <RevokeStep key={revoking.id} invitation={revoking} onClose={() => setRevoking(null)} {...props} />
        ) : null}
      </FormDialog>
    </>
  );
}
