import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmStepProps {
  /** What will happen, in plain words. */
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  isPending: boolean;
  /** Why the last attempt failed, if it did. */
  error?: string | undefined;
}

/**
 * The "are you sure?" step of a dialog before something that cannot be undone. It replaces the
 * dialog's content rather than stacking a second dialog, and puts focus on Cancel, the safe
 * choice, since the button that led here is gone.
 */
export function ConfirmStep({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  isPending,
  error,
}: ConfirmStepProps) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <Stack gap="md">
      <Text>{message}</Text>
      {error ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button ref={cancelRef} variant="default" onClick={onCancel}>
          {t('dialog.cancel')}
        </Button>
        <Button color="red.8" onClick={onConfirm} loading={isPending}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
