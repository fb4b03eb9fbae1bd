import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rotateDeviceToken } from '../../api/vehicles.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { generalProblemMessage } from '../../components/problem-messages.ts';
import { DeviceTokenPanel } from './device-token-panel.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';

interface RotateTokenDialogProps {
  opened: boolean;
  onClose: () => void;
  workshopId: string;
  vehicle: { id: string; registrationNumber: string };
}

function RotateTokenContent({ workshopId, vehicle, onClose }: Omit<RotateTokenDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const rotate = useMutation({ mutationFn: () => rotateDeviceToken(workshopId, vehicle.id) });
  if (rotate.isSuccess) {
    return (
      <Stack gap="md">
        <DeviceTokenPanel token={rotate.data.deviceToken} />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('dialog.close')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <ConfirmStep
      message={wt('device.rotateConfirm', { plate: vehicle.registrationNumber })}
      confirmLabel={wt('device.rotateConfirmButton')}
      onConfirm={() => rotate.mutate()}
      onCancel={onClose}
      isPending={rotate.isPending}
      error={rotate.isError ? generalProblemMessage(rotate.error, t) : undefined}
    />
  );
}

/** Confirms, then makes a new device token and shows it once; the old one stops working at once. */
export function RotateTokenDialog({ opened, ...props }: RotateTokenDialogProps) {
  const wt = useWorkshopTexts();
  return (
    <FormDialog opened={opened} onClose={props.onClose} title={wt('device.rotate')}>
      <RotateTokenContent {...props} />
    </FormDialog>
  );
}
