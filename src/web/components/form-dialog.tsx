import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from './use-is-phone.ts';

interface FormDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The dialog's heading (an <h2>) and accessible name. */
  title: string;
  children: ReactNode;
}

/** A modal dialog for a form or a person's details; it fills the screen on a phone. */
export function FormDialog({ opened, onClose, title, children }: FormDialogProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      fullScreen={isPhone}
      size="lg"
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
    >
      {children}
    </Modal>
  );
}

/** The end of every invitation form: how long the link lasts, then Cancel and Send invitation. */
export function InvitationFormFooter({ onCancel, isSending }: { onCancel: () => void; isSending: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('invitations.linkValidity')}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('dialog.cancel')}
        </Button>
        <Button type="submit" loading={isSending}>
          {t('invitations.send')}
        </Button>
      </Group>
    </>
  );
}
