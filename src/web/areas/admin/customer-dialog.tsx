import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/customers.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { type DetailsItem, DetailsList } from '../../components/details-list.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { InvitationButtons, useRevokeInvitation } from '../../components/invitation-buttons.tsx';
import { generalProblemMessage } from '../../components/problem-messages.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { accountName, accountRoleLabel, rateLabel } from './customer-labels.ts';

interface CustomerDialogProps {
  /** The person opened from a list; null when the dialog is closed. */
  person: Customer | null;
  onClose: () => void;
  /** The invitation was revoked: says so where the dialog was opened from. */
  onDone: (message: string) => void;
}

function CustomerDetails({ person, onClose, onDone }: CustomerDialogProps & { person: Customer }) {
  const { t } = useTranslation();
  const me = useAreaMe();
  const language = currentLanguage();
  const [isConfirmingRevoke, setConfirmingRevoke] = useState(false);
  const revoke = useRevokeInvitation();
  const isPendingInvite = person.invitationStatus === 'pending' || person.invitationStatus === 'expired';
  const canManage = hasPermission(me, 'customer.manage');

  if (isConfirmingRevoke && person.invitationId) {
    const invitationId = person.invitationId;
    return (
      <ConfirmStep
        message={t('invitations.revokeConfirm', { email: person.email })}
        confirmLabel={t('invitations.revoke')}
        isPending={revoke.isPending}
        error={revoke.isError ? generalProblemMessage(revoke.error, t) : undefined}
        onCancel={() => setConfirmingRevoke(false)}
        onConfirm={() =>
          revoke.mutate(invitationId, {
            onSuccess: () => onDone(t('invitations.revoked', { email: person.email })),
          })
        }
      />
    );
  }

  const account = accountName(person.account.name, t);
  const details: DetailsItem[] = [
    { label: t('people.email'), value: person.email },
    {
      label: t('customers.account'),
      value: hasPermission(me, 'account.read') ? (
        <AnchorLink
          to="/admin/accounts/$accountId"
          params={{ accountId: person.account.id }}
          onClick={onClose}
        >
          {account}
        </AnchorLink>
      ) : (
        account
      ),
    },
    { label: t('customers.role'), value: accountRoleLabel(person.role, t) },
    // Absent, not null, for those who may not see rates: then the line is left out entirely.
    ...(person.reimbursementRateEur !== undefined
      ? [{ label: t('rates.label'), value: rateLabel(person.reimbursementRateEur, language, t) }]
      : []),
    { label: t('people.state'), value: <StateBadge state={person.invitationStatus} /> },
  ];

  return (
    <Stack gap="lg">
      <DetailsList items={details} />
      {isPendingInvite && person.invitationId && canManage ? (
        <>
          <Text>
            {person.invitationStatus === 'expired'
              ? t('invitations.expiredHint')
              : t('invitations.pendingHint')}
          </Text>
          <InvitationButtons
            invitationId={person.invitationId}
            email={person.email}
            onRevoke={() => setConfirmingRevoke(true)}
          />
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

/** Opening a customer (account owner or end-user): details, and Resend invitation while pending. */
export function CustomerDialog(props: CustomerDialogProps) {
  const { person, onClose } = props;
  return (
    <FormDialog
      opened={person !== null}
      onClose={onClose}
      title={person ? (person.name ?? person.email) : ''}
    >
      {person ? <CustomerDetails {...props} person={person} /> : null}
    </FormDialog>
  );
}
