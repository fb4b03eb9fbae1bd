import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from './form-dialog.tsx';

interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in plain words. */
  message: string;
  /** The button that does it, e.g. "Cancel booking". */
  confirmLabel: string;
  /** The button that leaves things as they are, e.g. "Keep the booking": never a bare "Cancel". */
  keepLabel: string;
  onConfirm: () => void;
  isPending: boolean;
  /** Why the last attempt failed, if it did. */
  error?: string | undefined;
}

/**
 * "Are you sure?" before something that cannot be undone, where the thing itself is a
 * cancellation: the way back is named for what it keeps, so "Cancel" never means two things.
 * Focus starts on that safe choice.
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  message,
  confirmLabel,
  keepLabel,
  onConfirm,
  isPending,
  error,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <Text>{message}</Text>
        {error ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {keepLabel}
          </Button>
          <Button color="red.8" onClick={onConfirm} loading={isPending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </FormDialog>
  );
}
