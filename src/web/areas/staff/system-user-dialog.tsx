import { Alert, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../shared/role-labels.ts';
import type { StaffRole } from '../../../shared/roles.ts';
import { changeSystemUserRoles, deactivateSystemUser, type SystemUser } from '../../api/system-users.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { DetailsList } from '../../components/details-list.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { formatList } from '../../components/format.ts';
import {
  InvitationButtons,
  refreshPeople,
  useRevokeInvitation,
} from '../../components/invitation-buttons.tsx';
import { generalProblemMessage } from '../../components/problem-messages.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';

type View = 'details' | 'confirm-revoke' | 'confirm-deactivate';

interface SystemUserDialogProps {
  /** The person opened from the list; null when the dialog is closed. */
  person: SystemUser | null;
  onClose: () => void;
  /** The person left the list's current state (revoked or deactivated): says what happened. */
  onDone: (message: string) => void;
}

/** A member's roles, changed with the same checkboxes as when inviting. */
function ChangeRoles({ person, userId }: { person: SystemUser; userId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<StaffRole[]>(person.roles);
  const [savedRoles, setSavedRoles] = useState<StaffRole[]>(person.roles);
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: () => changeSystemUserRoles(userId, { organizationId: person.organization.id, roles }),
    onSuccess: (answer) => {
      setSavedRoles(answer.roles);
      return refreshPeople(queryClient);
    },
  });
  const isUnchanged = roles.length === savedRoles.length && roles.every((role) => savedRoles.includes(role));
  return (
    <Stack gap="sm">
      {save.isSuccess && isUnchanged ? (
        <Alert color="green" title={t('staff.rolesSavedTitle')} role="status">
          {t('staff.rolesSaved')}
        </Alert>
      ) : null}
      {save.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {generalProblemMessage(save.error, t)}
        </Alert>
      ) : null}
      <RoleCheckboxes
        kind={person.organization.kind}
        value={roles}
        onChange={(next) => {
          setRoles(next);
          setError(undefined);
        }}
        error={error}
      />
      <Group>
        <Button
          variant="default"
          disabled={isUnchanged}
          loading={save.isPending}
          onClick={() => {
            if (roles.length === 0) {
              setError(t('staff.rolesRequired'));
              return;
            }
            save.mutate();
          }}
        >
          {t('staff.saveRoles')}
        </Button>
      </Group>
    </Stack>
  );
}

function SystemUserDetails({ person, onClose, onDone }: SystemUserDialogProps & { person: SystemUser }) {
  const { t } = useTranslation();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const [view, setView] = useState<View>('details');
  const revoke = useRevokeInvitation();
  const deactivate = useMutation({
    mutationFn: deactivateSystemUser,
    onSuccess: () => refreshPeople(queryClient),
  });
  const who = person.name ?? person.email;
  const isPendingInvite = person.invitationStatus === 'pending' || person.invitationStatus === 'expired';
  const canInvite = hasPermission(me, 'staff.invite');
  // Nobody deactivates or demotes themselves here: that is a lock-out waiting to happen.
  const canManage = hasPermission(me, 'staff.manage') && person.userId !== me.user.id;

  if (view === 'confirm-revoke' && person.invitationId) {
    const invitationId = person.invitationId;
    return (
      <ConfirmStep
        message={t('invitations.revokeConfirm', { email: person.email })}
        confirmLabel={t('invitations.revoke')}
        isPending={revoke.isPending}
        error={revoke.isError ? generalProblemMessage(revoke.error, t) : undefined}
        onCancel={() => setView('details')}
        onConfirm={() =>
          revoke.mutate(invitationId, {
            onSuccess: () => onDone(t('invitations.revoked', { email: person.email })),
          })
        }
      />
    );
  }
  if (view === 'confirm-deactivate' && person.userId) {
    const userId = person.userId;
    return (
      <ConfirmStep
        message={t('staff.deactivateConfirm', { name: who })}
        confirmLabel={t('staff.deactivate')}
        isPending={deactivate.isPending}
        error={deactivate.isError ? generalProblemMessage(deactivate.error, t) : undefined}
        onCancel={() => setView('details')}
        onConfirm={() =>
          deactivate.mutate(userId, { onSuccess: () => onDone(t('staff.deactivated', { name: who })) })
        }
      />
    );
  }

  return (
    <Stack gap="lg">
      <DetailsList
        items={[
          { label: t('people.email'), value: person.email },
          { label: t('staff.organization'), value: person.organization.name },
          {
            label: t('staff.roles'),
            value: formatList(
              person.roles.map((role) => ROLE_LABELS[language][role]),
              language,
            ),
          },
          { label: t('people.state'), value: <StateBadge state={person.invitationStatus} /> },
        ]}
      />
      {isPendingInvite && person.invitationId && canInvite ? (
        <>
          <Text>
            {person.invitationStatus === 'expired'
              ? t('invitations.expiredHint')
              : t('invitations.pendingHint')}
          </Text>
          <InvitationButtons
            invitationId={person.invitationId}
            email={person.email}
            onRevoke={() => setView('confirm-revoke')}
          />
        </>
      ) : null}
      {person.invitationStatus === 'active' && person.userId && canManage ? (
        <>
          <Divider />
          <Title order={3} size="h4">
            {t('staff.changeRoles')}
          </Title>
          <ChangeRoles person={person} userId={person.userId} />
          <Divider />
          <Title order={3} size="h4">
            {t('staff.deactivateTitle')}
          </Title>
          <Text>{t('staff.deactivateHint')}</Text>
          <Group>
            <Button variant="outline" color="red.8" onClick={() => setView('confirm-deactivate')}>
              {t('staff.deactivate')}
            </Button>
          </Group>
        </>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('dialog.close')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Opening a system user: their details, and what may be done about them. */
export function SystemUserDialog(props: SystemUserDialogProps) {
  const { person, onClose } = props;
  return (
    <FormDialog
      opened={person !== null}
      onClose={onClose}
      title={person ? (person.name ?? person.email) : ''}
    >
      {person ? <SystemUserDetails {...props} person={person} /> : null}
    </FormDialog>
  );
}
