import { Alert, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { type AccountRole, addEndUser } from '../../api/customers.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { FormDialog, InvitationFormFooter } from '../../components/form-dialog.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';
import { parseRate } from '../../components/rates.ts';
import { AccountPicker } from './account-picker.tsx';

interface AddEndUserDialogProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}

function isAccountRole(value: string): value is AccountRole {
  return value === 'driver' || value === 'account_owner';
}

function AddEndUserForm({ onClose, onInvited }: Omit<AddEndUserDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AccountRole | null>(null);
  const [account, setAccount] = useState<AccountSummary | null>(null);
  const [rate, setRate] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const add = useMutation({ mutationFn: addEndUser, onSuccess: (_answer, body) => onInvited(body.email) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('validation.inviteeEmailRequired');
    else if (!looksLikeEmail(email)) errors.email = t('validation.emailInvalid');
    if (!role) errors.role = t('customers.roleRequired');
    if (!account) errors.accountId = t('customers.accountRequired');
    const parsedRate = rate.trim() ? parseRate(rate) : undefined;
    if (parsedRate && !parsedRate.isValid) errors.reimbursementRateEur = t('rates.invalid');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !role || !account) return;
    add.mutate({
      email: email.trim(),
      role,
      accountId: account.id,
      ...(parsedRate?.isValid ? { reimbursementRateEur: parsedRate.value } : {}),
    });
  };

  const code = add.error instanceof ApiError ? add.error.code : undefined;
  const invalid = invalidFieldsOf(add.error);
  const serverErrors: FieldErrors = {
    email:
      code === 'already_invited'
        ? t('customers.alreadyInvited')
        : code === 'already_a_member'
          ? t('customers.alreadyAMember')
          : invalid.has('email')
            ? t('validation.emailInvalid')
            : undefined,
    role: invalid.has('role') ? t('customers.roleRequired') : undefined,
    accountId: invalid.has('accountId') || code === 'not_found' ? t('customers.accountRequired') : undefined,
    reimbursementRateEur: invalid.has('reimbursementRateEur') ? t('rates.invalid') : undefined,
  };
  const errors = { ...serverErrors, ...clientErrors };
  const isHandled =
    code === 'already_invited' || code === 'already_a_member' || code === 'not_found' || invalid.size > 0;
  const otherError = add.error && !isHandled ? generalProblemMessage(add.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={t('customers.endUserEmailLabel')}
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
        <Radio.Group
          label={t('customers.role')}
          value={role}
          onChange={(value) => {
            if (isAccountRole(value)) setRole(value);
          }}
          error={errors.role}
          errorProps={{ role: 'alert' }}
        >
          <Stack gap="sm" mt="xs">
            <Radio value="driver" label={t('accountRoles.driver')} description={t('customers.driverHint')} />
            <Radio
              value="account_owner"
              label={t('accountRoles.account_owner')}
              description={t('customers.ownerHint')}
            />
          </Stack>
        </Radio.Group>
        <AccountPicker value={account} onChange={setAccount} error={errors.accountId} />
        <TextInput
          label={t('rates.endUserLabel')}
          description={t('rates.endUserHint')}
          inputMode="decimal"
          autoComplete="off"
          value={rate}
          onChange={(event) => setRate(event.currentTarget.value)}
          error={errors.reimbursementRateEur}
          errorProps={{ role: 'alert' }}
        />
        <InvitationFormFooter onCancel={onClose} isSending={add.isPending} />
      </Stack>
    </form>
  );
}

/** "Add end-user": a driver or account owner of an existing account, found by typing its name. */
export function AddEndUserDialog({ opened, ...props }: AddEndUserDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={props.onClose} title={t('customers.addEndUserTitle')}>
      <AddEndUserForm {...props} />
    </FormDialog>
  );
}
