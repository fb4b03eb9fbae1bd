import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { removeVehicleUser, type VehicleUser } from '../../api/vehicle-users.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { appProblemMessage } from './app-problem-messages.ts';
import { useAppTexts } from './use-app-texts.ts';

interface RemoveUserDialogProps {
  vehicle: { id: string; registrationNumber: string };
  /** The person to remove; the dialog is closed while null. */
  user: VehicleUser | null;
  onClose: () => void;
  onRemoved: (user: VehicleUser) => Promise<void>;
}

function RemoveUserStep({
  vehicle,
  user,
  onClose,
  onRemoved,
}: RemoveUserDialogProps & { user: VehicleUser }) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const remove = useMutation({
    mutationFn: () => removeVehicleUser(vehicle.id, user.id),
    onSuccess: () => onRemoved(user),
  });
  return (
    <ConfirmStep
      message={at('users.removeConfirm', { name: user.name, plate: vehicle.registrationNumber })}
      confirmLabel={at('users.removeButton')}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
      isPending={remove.isPending}
      error={remove.isError ? appProblemMessage(remove.error, t, at) : undefined}
    />
  );
}

/** "Remove" a secondary user, after a confirm step (Cancel has the focus); access ends at once. */
export function RemoveUserDialog(props: RemoveUserDialogProps) {
  const at = useAppTexts();
  return (
    <FormDialog opened={props.user !== null} onClose={props.onClose} title={at('users.removeTitle')}>
      {/* Keyed by person, so each opening starts without the last attempt's error. */}
      {props.user ? <RemoveUserStep key={props.user.id} {...props} user={props.user} /> : null}
    </FormDialog>
  );
}
