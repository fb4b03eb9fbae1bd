import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  type AffectedUser,
  previewPrimaryUserRemoval,
  removePrimaryUser,
  WORKSHOP_VEHICLES_KEY,
} from '../../api/vehicles.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { generalProblemMessage } from '../../components/problem-messages.ts';
import { useWorkshopTexts } from './use-workshop-texts.ts';

interface RemovePrimaryDialogProps {
  opened: boolean;
  onClose: () => void;
  workshopId: string;
  vehicle: { id: string; registrationNumber: string };
  onRemoved: (removed: AffectedUser[]) => void;
}

function RemovePrimaryContent({
  workshopId,
  vehicle,
  onClose,
  onRemoved,
}: Omit<RemovePrimaryDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Asking the API without confirmation changes nothing and answers who would lose access, so
  // the warning lists exactly the people the server sees now.
  const affected = useQuery({
    queryKey: [...WORKSHOP_VEHICLES_KEY, 'removal-preview', workshopId, vehicle.id],
    queryFn: () => previewPrimaryUserRemoval(workshopId, vehicle.id),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const remove = useMutation({
    mutationFn: () => removePrimaryUser(workshopId, vehicle.id),
    onSuccess: (answer) => onRemoved(answer.removedUsers),
  });
  // Focus starts on Cancel, the safe choice, once the list is there.
  useEffect(() => {
    if (affected.isSuccess) cancelRef.current?.focus();
  }, [affected.isSuccess]);

  const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;
  if (affected.isPending) {
    return <LoadingState title={wt('primary.removeChecking')} description={t('lists.loadingDescription')} />;
  }
  if (affected.isError) {
    return (
      <Stack gap="md">
        <Alert color="red" title={t('errors.title')} role="alert">
          {isGone(affected.error) ? wt('primary.goneMeanwhile') : generalProblemMessage(affected.error, t)}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dialog.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Alert
        color="red"
        variant="light"
        title={wt('primary.removeWarningTitle', { plate: vehicle.registrationNumber })}
      >
        {wt('primary.removeWarning')}
      </Alert>
      <List aria-label={wt('primary.removeListLabel')} spacing="xs">
        {affected.data.map((user) => (
          <List.Item key={user.id}>
            <Text span fw={600}>
              {user.name}
            </Text>{' '}
            <Text span c="dimmed">
              ({wt(`roles.${user.role}`)})
            </Text>
          </List.Item>
        ))}
      </List>
      {remove.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {isGone(remove.error) ? wt('primary.goneMeanwhile') : generalProblemMessage(remove.error, t)}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button ref={cancelRef} variant="default" onClick={onClose}>
          {t('dialog.cancel')}
        </Button>
        <Button color="red.8" onClick={() => remove.mutate()} loading={remove.isPending}>
          {wt('primary.removeConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Remove primary user": a warning that names everyone who will lose access (the primary and
 * every secondary user), then removes them all with the API's explicit confirmation (SPEC §5).
 */
export function RemovePrimaryDialog({ opened, ...props }: RemovePrimaryDialogProps) {
  const wt = useWorkshopTexts();
  return (
    <FormDialog opened={opened} onClose={props.onClose} title={wt('primary.removeTitle')}>
      <RemovePrimaryContent {...props} />
    </FormDialog>
  );
}
