import { Alert, Checkbox, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type AccountType, inviteClient } from '../../api/customers.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { FormDialog, InvitationFormFooter } from '../../components/form-dialog.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';

interface InviteClientDialogProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}

function isAccountType(value: string): value is AccountType {
  return value === 'consumer' || value === 'business';
}

function InviteClientForm({ onClose, onInvited }: Omit<InviteClientDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [accountName, setAccountName] = useState('');
  const [type, setType] = useState<AccountType>('consumer');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const invite = useMutation({
    mutationFn: inviteClient,
    onSuccess: (_answer, body) => onInvited(body.email),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('validation.inviteeEmailRequired');
    else if (!looksLikeEmail(email)) errors.email = t('validation.emailInvalid');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    invite.mutate({
      email: email.trim(),
      type,
      ...(accountName.trim() ? { accountName: accountName.trim() } : {}),
    });
  };

  const code = invite.error instanceof ApiError ? invite.error.code : undefined;
  const invalid = invalidFieldsOf(invite.error);
  const serverErrors: FieldErrors = {
    email:
      code === 'already_invited'
        ? t('customers.alreadyInvited')
        : code === 'already_a_member'
          ? t('customers.alreadyAMember')
          : invalid.has('email')
            ? t('validation.emailInvalid')
            : undefined,
    accountName: invalid.has('accountName') ? t('customers.accountNameInvalid') : undefined,
  };
  const errors = { ...serverErrors, ...clientErrors };
  const isHandled = code === 'already_invited' || code === 'already_a_member' || invalid.size > 0;
  const otherError = invite.error && !isHandled ? generalProblemMessage(invite.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={t('customers.clientEmailLabel')}
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
        {/* A new client's first person is always its owner: shown as the article shows it, fixed. */}
        <Checkbox
          label={t('accountRoles.account_owner')}
          description={t('customers.ownerRoleHint')}
          checked
          disabled
          readOnly
        />
        <TextInput
          label={t('customers.accountNameLabel')}
          description={t('customers.accountNameHint')}
          autoComplete="off"
          value={accountName}
          onChange={(event) => setAccountName(event.currentTarget.value)}
          error={errors.accountName}
          errorProps={{ role: 'alert' }}
        />
        <Radio.Group
          label={t('customers.accountTypeLabel')}
          value={type}
          onChange={(value) => {
            if (isAccountType(value)) setType(value);
          }}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value="consumer"
              label={t('accountTypes.consumer')}
              description={t('customers.consumerHint')}
            />
            <Radio
              value="business"
              label={t('accountTypes.business')}
              description={t('customers.businessHint')}
            />
          </Stack>
        </Radio.Group>
        <InvitationFormFooter onCancel={onClose} isSending={invite.isPending} />
      </Stack>
    </form>
  );
}

/** "Invite client": a new customer account whose first owner is the invitee. */
export function InviteClientDialog({ opened, ...props }: InviteClientDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={props.onClose} title={t('customers.inviteClientTitle')}>
      <InviteClientForm {...props} />
    </FormDialog>
  );
}
