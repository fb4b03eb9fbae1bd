import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resendInvitation, revokeInvitation } from '../../api/admin-invitations.ts';
import { ApiError } from '../../api/client.ts';
import { type AffectedUser, invitePrimaryUser, type WorkshopVehicle } from '../../api/vehicles.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { DetailsList } from '../../components/details-list.tsx';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import { formatDateTime, formatList } from '../../components/format.ts';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { RemovePrimaryDialog } from './remove-primary-dialog.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';

interface PrimaryUserSectionProps {
  workshopId: string;
  vehicle: WorkshopVehicle;
  canInvite: boolean;
  canRemove: boolean;
  /** Something changed: the page reloads the vehicle. */
  onChanged: () => Promise<unknown>;
  /** Says what was done, in the page's notice. */
  onDone: (message: string) => void;
}

/** The invitation form shown while the vehicle has no primary user and no pending invitation. */
function InvitePrimaryForm({
  workshopId,
  vehicle,
  onChanged,
  onDone,
}: Omit<PrimaryUserSectionProps, 'canInvite' | 'canRemove'>) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const invite = useMutation({
    mutationFn: () =>
      invitePrimaryUser(workshopId, vehicle.id, {
        email: email.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
      }),
    onSuccess: async () => {
      await onChanged();
      onDone(t('invitations.sent', { email: email.trim() }));
    },
    onError: (error) => {
      // Someone else was quicker: show the vehicle as it is now.
      if (error instanceof ApiError && error.code === 'primary_user_exists') void onChanged();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('validation.inviteeEmailRequired');
    else if (!looksLikeEmail(email)) errors.email = t('validation.emailInvalid');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    invite.mutate();
  };

  const invalid = invalidFieldsOf(invite.error);
  const errors: FieldErrors = {
    email: invalid.has('email') ? t('validation.emailInvalid') : undefined,
    name: invalid.has('name') ? wt('add.tooLong') : undefined,
    ...clientErrors,
  };
  const isTaken = invite.error instanceof ApiError && invite.error.code === 'primary_user_exists';
  const otherError =
    invite.error && invalid.size === 0 && !isTaken ? generalProblemMessage(invite.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw="32rem">
        {isTaken ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {wt('primary.alreadyExists')}
          </Alert>
        ) : null}
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={wt('primary.inviteEmail')}
          type="email"
          autoComplete="off"
          required
          withAsterisk={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
          errorProps={{ role: 'alert' }}
        />
        <TextInput
          label={wt('primary.inviteName')}
          description={wt('primary.inviteNameHint')}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          errorProps={{ role: 'alert' }}
        />
        <Text size="sm" c="dimmed">
          {t('invitations.linkValidity')}
        </Text>
        <Group>
          <Button type="submit" loading={invite.isPending}>
            {t('invitations.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The pending (or expired) invitation of the primary user, with Resend and Revoke. */
function PendingInvitation({
  invitation,
  canManage,
  onChanged,
  onDone,
}: {
  invitation: NonNullable<WorkshopVehicle['pendingPrimaryInvitation']>;
  canManage: boolean;
  onChanged: () => Promise<unknown>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const language = currentLanguage();
  const [isRevoking, revoking] = useDisclosure(false);
  const resend = useMutation({
    mutationFn: () => resendInvitation(invitation.id),
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
  const revoke = useMutation({
    mutationFn: () => revokeInvitation(invitation.id),
    onSuccess: async () => {
      revoking.close();
      await onChanged();
      onDone(t('invitations.revoked', { email: invitation.email }));
    },
  });
  const date = formatDateTime(invitation.expiresAt, language);
  const isExpired = invitation.invitationStatus === 'expired';

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text fw={600}>{wt('primary.invitedTo', { email: invitation.email })}</Text>
        <StateBadge state={invitation.invitationStatus} />
      </Group>
      <Text>{isExpired ? wt('primary.expiredAt', { date }) : wt('primary.pendingUntil', { date })}</Text>
      {resend.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {generalProblemMessage(resend.error, t)}
        </Alert>
      ) : null}
      {canManage ? (
        <Group gap="sm">
          <Button onClick={() => resend.mutate()} loading={resend.isPending}>
            {t('invitations.resend')}
          </Button>
          <Button variant="outline" color="red.8" onClick={revoking.open}>
            {t('invitations.revoke')}
          </Button>
        </Group>
      ) : null}
      <FormDialog opened={isRevoking} onClose={revoking.close} title={t('invitations.revoke')}>
        <ConfirmStep
          message={t('invitations.revokeConfirm', { email: invitation.email })}
          confirmLabel={t('invitations.revoke')}
          onConfirm={() => revoke.mutate()}
          onCancel={revoking.close}
          isPending={revoke.isPending}
          error={revoke.isError ? generalProblemMessage(revoke.error, t) : undefined}
        />
      </FormDialog>
    </Stack>
  );
}

/**
 * The vehicle's primary user (SPEC §5: the details page shows them): who it is and since when,
 * or the pending invitation, or the form to invite them; and removing them, which removes all.
 */
export function PrimaryUserSection({
  workshopId,
  vehicle,
  canInvite,
  canRemove,
  onChanged,
  onDone,
}: PrimaryUserSectionProps) {
  const wt = useWorkshopTexts();
  const language = currentLanguage();
  const [isRemoving, removing] = useDisclosure(false);
  const { primaryUser, pendingPrimaryInvitation } = vehicle;

  const removed = async (users: AffectedUser[]) => {
    removing.close();
    await onChanged();
    onDone(
      wt('primary.removed', {
        plate: vehicle.registrationNumber,
        names: formatList(
          users.map((user) => user.name),
          language,
        ),
      }),
    );
  };

  if (primaryUser) {
    return (
      <Stack gap="md">
        <DetailsList
          items={[
            { label: wt('primary.name'), value: primaryUser.name },
            { label: wt('primary.email'), value: primaryUser.email },
            { label: wt('primary.since'), value: formatDateTime(primaryUser.since, language) },
          ]}
        />
        {canRemove ? (
          <Group>
            <Button variant="outline" color="red.8" onClick={removing.open}>
              {wt('primary.remove')}
            </Button>
          </Group>
        ) : null}
        <RemovePrimaryDialog
          opened={isRemoving}
          onClose={removing.close}
          workshopId={workshopId}
          vehicle={vehicle}
          onRemoved={(users) => void removed(users)}
        />
      </Stack>
    );
  }
  if (pendingPrimaryInvitation) {
    return (
      <PendingInvitation
        // A new invitation (after a revoke and a new invite) starts with fresh buttons.
        key={pendingPrimaryInvitation.id}
        invitation={pendingPrimaryInvitation}
        canManage={canInvite}
        onChanged={onChanged}
        onDone={onDone}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text fw={600}>{wt('primary.none')}</Text>
      {canInvite ? (
        <>
          <Text>{wt('primary.noneHint')}</Text>
          <InvitePrimaryForm
            workshopId={workshopId}
            vehicle={vehicle}
            onChanged={onChanged}
            onDone={onDone}
          />
        </>
      ) : null}
    </Stack>
  );
}
