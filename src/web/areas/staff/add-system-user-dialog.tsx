import { Alert, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind, StaffRole } from '../../../shared/roles.ts';
import { ApiError } from '../../api/client.ts';
import { inviteSystemUser } from '../../api/system-users.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { FormDialog, InvitationFormFooter } from '../../components/form-dialog.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';
import { RoleCheckboxes, rolesOfKind } from './role-checkboxes.tsx';

/** An organisation a system user can be invited to. */
export interface OrganizationChoice {
  id: string;
  name: string;
  kind: OrganizationKind;
}

interface AddSystemUserDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Where the person can be invited; with one choice the organisation is shown, not asked. */
  organizations: OrganizationChoice[];
  /** Called with the invitee's email once the invitation is sent. */
  onInvited: (email: string) => void;
}

function AddSystemUserForm({ organizations, onClose, onInvited }: Omit<AddSystemUserDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? '');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const organization = organizations.find((choice) => choice.id === organizationId);

  const invite = useMutation({
    mutationFn: inviteSystemUser,
    onSuccess: (_answer, body) => onInvited(body.email),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('validation.inviteeEmailRequired');
    else if (!looksLikeEmail(email)) errors.email = t('validation.emailInvalid');
    if (!organization) errors.organizationId = t('staff.organizationRequired');
    if (roles.length === 0) errors.roles = t('staff.rolesRequired');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !organization) return;
    invite.mutate({ email: email.trim(), organizationId: organization.id, roles });
  };

  const code = invite.error instanceof ApiError ? invite.error.code : undefined;
  const invalid = invalidFieldsOf(invite.error);
  const serverErrors: FieldErrors = {
    email:
      code === 'already_invited'
        ? t('staff.alreadyInvited')
        : code === 'already_a_member'
          ? t('staff.alreadyAMember')
          : invalid.has('email')
            ? t('validation.emailInvalid')
            : undefined,
    roles: invalid.has('roles') ? t('staff.rolesRequired') : undefined,
    organizationId: invalid.has('organizationId') ? t('staff.organizationRequired') : undefined,
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
          label={t('staff.emailLabel')}
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
        {organizations.length > 1 ? (
          <NativeSelect
            label={t('staff.organizationLabel')}
            data={organizations.map((choice) => ({
              value: choice.id,
              label:
                choice.kind === 'operator'
                  ? t('staff.operatorChoice', { name: choice.name })
                  : t('staff.workshopChoice', { name: choice.name }),
            }))}
            value={organizationId}
            onChange={(event) => {
              const next = organizations.find((choice) => choice.id === event.currentTarget.value);
              setOrganizationId(event.currentTarget.value);
              // Roles of the other kind cannot be held there.
              if (next)
                setRoles((current) => current.filter((role) => rolesOfKind(next.kind).includes(role)));
            }}
            error={errors.organizationId}
            errorProps={{ role: 'alert' }}
          />
        ) : organization ? (
          <Text>{t('staff.invitingTo', { name: organization.name })}</Text>
        ) : null}
        {organization ? (
          <RoleCheckboxes kind={organization.kind} value={roles} onChange={setRoles} error={errors.roles} />
        ) : null}
        <InvitationFormFooter onCancel={onClose} isSending={invite.isPending} />
      </Stack>
    </form>
  );
}

/** "Add system user": email, organisation and roles, then "Send invitation". */
export function AddSystemUserDialog({ opened, ...props }: AddSystemUserDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={props.onClose} title={t('staff.addTitle')}>
      {/* The dialog unmounts its content once closed, so each opening starts with an empty form. */}
      <AddSystemUserForm {...props} />
    </FormDialog>
  );
}
