import { Alert, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addSubAccount } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import type { AccountType, AccountUsage } from '../../api/customers.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { FormDialog, InvitationFormFooter } from '../../components/form-dialog.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';
import { parseRate } from '../../components/rates.ts';

interface AddSubAccountDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The account the sub-account goes under. */
  parentId: string;
  parentName: string;
  onAdded: (email: string) => void;
}

function isUsage(value: string): value is AccountUsage {
  return value === 'employee' || value === 'subsidiary';
}

function isAccountType(value: string): value is AccountType {
  return value === 'consumer' || value === 'business';
}

function AddSubAccountForm({
  onClose,
  parentId,
  parentName,
  onAdded,
}: Omit<AddSubAccountDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [usage, setUsage] = useState<AccountUsage | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [type, setType] = useState<AccountType | null>(null);
  const [rate, setRate] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addSubAccount>[1]) => addSubAccount(parentId, body),
    onSuccess: (_answer, body) => onAdded(body.email),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!usage) errors.usage = t('subAccounts.usageRequired');
    if (!name.trim()) errors.name = t('subAccounts.nameRequired');
    if (!email.trim()) errors.email = t('validation.inviteeEmailRequired');
    else if (!looksLikeEmail(email)) errors.email = t('validation.emailInvalid');
    if (!type) errors.type = t('subAccounts.typeRequired');
    const parsedRate = parseRate(rate);
    if (!rate.trim()) errors.reimbursementRateEur = t('rates.required');
    else if (!parsedRate.isValid) errors.reimbursementRateEur = t('rates.invalid');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !usage || !type || !parsedRate.isValid) return;
    add.mutate({
      usage,
      name: name.trim(),
      email: email.trim(),
      type,
      reimbursementRateEur: parsedRate.value,
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
    usage: invalid.has('usage') ? t('subAccounts.usageRequired') : undefined,
    name: invalid.has('name') ? t('subAccounts.nameRequired') : undefined,
    type: invalid.has('type') ? t('subAccounts.typeRequired') : undefined,
    reimbursementRateEur: invalid.has('reimbursementRateEur') ? t('rates.invalid') : undefined,
  };
  const errors = { ...serverErrors, ...clientErrors };
  const isHandled = code === 'already_invited' || code === 'already_a_member' || invalid.size > 0;
  const otherError = add.error && !isHandled ? generalProblemMessage(add.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t('subAccounts.intro', { parent: parentName })}</Text>
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <Radio.Group
          label={t('subAccounts.usageLabel')}
          value={usage}
          onChange={(value) => {
            if (isUsage(value)) setUsage(value);
          }}
          error={errors.usage}
          errorProps={{ role: 'alert' }}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value="employee"
              label={t('usages.employee')}
              description={t('subAccounts.employeeHint')}
            />
            <Radio
              value="subsidiary"
              label={t('usages.subsidiary')}
              description={t('subAccounts.subsidiaryHint')}
            />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('subAccounts.nameLabel')}
          autoComplete="off"
          required
          withAsterisk={false}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          errorProps={{ role: 'alert' }}
        />
        <TextInput
          label={t('subAccounts.emailLabel')}
          type="email"
          autoComplete="off"
          required
          withAsterisk={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
          errorProps={{ role: 'alert' }}
        />
        <Radio.Group
          label={t('customers.accountTypeLabel')}
          value={type}
          onChange={(value) => {
            if (isAccountType(value)) setType(value);
          }}
          error={errors.type}
          errorProps={{ role: 'alert' }}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value="business"
              label={t('accountTypes.business')}
              description={t('customers.businessHint')}
            />
            <Radio value="consumer" label={t('accountTypes.consumer')} />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('rates.subAccountLabel')}
          description={
            usage === 'subsidiary'
              ? t('rates.subsidiaryHint')
              : usage === 'employee'
                ? t('rates.employeeHint')
                : t('rates.subAccountHint')
          }
          inputMode="decimal"
          autoComplete="off"
          required
          withAsterisk={false}
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

/** "+ Add sub-account": an employee or subsidiary account under this one, and its user's invitation. */
export function AddSubAccountDialog({ opened, ...props }: AddSubAccountDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={props.onClose} title={t('subAccounts.addTitle')}>
      <AddSubAccountForm {...props} />
    </FormDialog>
  );
}
