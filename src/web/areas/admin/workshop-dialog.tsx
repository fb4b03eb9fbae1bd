import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkshop, updateWorkshop, type Workshop } from '../../api/workshops.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';

const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** Every IANA time zone the browser knows, for the workshop's opening hours and bookings. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // A zone the server accepted but this browser does not list must still be shown as chosen.
  return zones.includes(current) ? zones : [current, ...zones];
}

interface WorkshopDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The workshop to edit; null to create a new one. */
  workshop: Workshop | null;
  onSaved: (workshop: Workshop, isNew: boolean) => void;
}

function WorkshopForm({ workshop, onClose, onSaved }: Omit<WorkshopDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [name, setName] = useState(workshop?.name ?? '');
  const [address, setAddress] = useState(workshop?.address ?? '');
  const [phone, setPhone] = useState(workshop?.phone ?? '');
  const [timeZone, setTimeZone] = useState(workshop?.timeZone ?? DEFAULT_TIME_ZONE);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        name: name.trim(),
        // Emptied fields are cleared on an edit, and simply left out of a new workshop.
        address: address.trim() || null,
        phone: phone.trim() || null,
        timeZone,
      };
      return workshop ? updateWorkshop(workshop.id, fields) : createWorkshop(fields);
    },
    onSuccess: (saved) => onSaved(saved, workshop === null),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!name.trim()) errors.name = t('workshops.nameRequired');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate();
  };

  const invalid = invalidFieldsOf(save.error);
  const serverErrors: FieldErrors = {
    name: invalid.has('name') ? t('workshops.nameRequired') : undefined,
    address: invalid.has('address') ? t('workshops.addressInvalid') : undefined,
    phone: invalid.has('phone') ? t('workshops.phoneInvalid') : undefined,
    timeZone: invalid.has('timeZone') ? t('workshops.timeZoneInvalid') : undefined,
  };
  const errors = { ...serverErrors, ...clientErrors };
  const otherError = save.error && invalid.size === 0 ? generalProblemMessage(save.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={t('workshops.name')}
          autoComplete="organization"
          required
          withAsterisk={false}
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          errorProps={{ role: 'alert' }}
        />
        <Textarea
          label={t('workshops.address')}
          autoComplete="street-address"
          autosize
          minRows={2}
          value={address}
          onChange={(event) => setAddress(event.currentTarget.value)}
          error={errors.address}
          errorProps={{ role: 'alert' }}
        />
        <TextInput
          label={t('workshops.phone')}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={errors.phone}
          errorProps={{ role: 'alert' }}
        />
        <NativeSelect
          label={t('workshops.timeZone')}
          description={t('workshops.timeZoneHint')}
          data={zones}
          value={timeZone}
          onChange={(event) => setTimeZone(event.currentTarget.value)}
          error={errors.timeZone}
          errorProps={{ role: 'alert' }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('dialog.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {workshop ? t('workshops.save') : t('workshops.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creating a workshop, or editing one: name, address, phone and time zone. */
export function WorkshopDialog({ opened, ...props }: WorkshopDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={props.onClose}
      title={
        props.workshop ? t('workshops.editTitle', { name: props.workshop.name }) : t('workshops.addTitle')
      }
    >
      <WorkshopForm key={props.workshop?.id ?? 'new'} {...props} />
    </FormDialog>
  );
}
