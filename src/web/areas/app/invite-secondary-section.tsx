import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteSecondaryUser, MAX_SECONDARY_USERS } from '../../api/vehicle-users.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { FormDialog, InvitationFormFooter } from '../../components/form-dialog.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { type FieldErrors, invalidFieldsOf } from '../../components/problem-messages.ts';
import { appProblemMessage } from './app-problem-messages.ts';
import { useAppTexts } from './use-app-texts.ts';

interface InviteFormProps {
  vehicleId: string;
  onClose: () => void;
  onInvited: (email: string) => Promise<void>;
}

function InviteForm({ vehicleId, onClose, onInvited }: InviteFormProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const [email, setEmail] = useState('');
  const [clientError, setClientError] = useState<string | undefined>(undefined);
  const invite = useMutation({
    mutationFn: (address: string) => inviteSecondaryUser(vehicleId, { email: address }),
    onSuccess: (_answer, address) => onInvited(address),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    const error = !address
      ? t('validation.inviteeEmailRequired')
      : looksLikeEmail(address)
        ? undefined
        : t('validation.emailInvalid');
    setClientError(error);
    if (!error) invite.mutate(address);
  };

  const invalid = invalidFieldsOf(invite.error);
  const errors: FieldErrors = {
    email: clientError ?? (invalid.has('email') ? t('validation.emailInvalid') : undefined),
  };
  const otherError =
    invite.error && !invalid.has('email') ? appProblemMessage(invite.error, t, at) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={at('invite.emailLabel')}
          type="email"
          autoComplete="off"
          required
          withAsterisk={false}
          data-autofocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
          errorProps={{ role: 'alert' }}
        />
        <InvitationFormFooter onCancel={onClose} isSending={invite.isPending} />
      </Stack>
    </form>
  );
}

interface InviteSecondarySectionProps {
  vehicleId: string;
  /** Secondary users plus pending invitations: what the limit of five counts. */
  count: number;
  onInvited: (email: string) => Promise<void>;
}

/**
 * How many of the five places are taken (pending invitations included) and "Invite by email",
 * which opens the invitation form; at five the button is disabled and says why.
 */
export function InviteSecondarySection({ vehicleId, count, onInvited }: InviteSecondarySectionProps) {
  const at = useAppTexts();
  const [isOpen, dialog] = useDisclosure(false);
  const isFull = count >= MAX_SECONDARY_USERS;
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{at('invite.count', { count })}</Text>
      {isFull ? <Text c="dimmed">{at('invite.full')}</Text> : null}
      <Group>
        <Button leftSection={<PlusIcon />} onClick={dialog.open} disabled={isFull}>
          {at('invite.heading')}
        </Button>
      </Group>
      <FormDialog opened={isOpen} onClose={dialog.close} title={at('invite.heading')}>
        <InviteForm
          vehicleId={vehicleId}
          onClose={dialog.close}
          onInvited={async (email) => {
            dialog.close();
            await onInvited(email);
          }}
        />
      </FormDialog>
    </Stack>
  );
}
