import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { addVehicle, FUEL_TYPES, type FuelType, WORKSHOP_VEHICLES_KEY } from '../../api/vehicles.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { DeviceTokenPanel } from './device-token-panel.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';
import {
  isValidPlate,
  isValidVin,
  latestModelYear,
  normalizePlate,
  normalizeVin,
} from './vehicle-form-checks.ts';

interface Workshop {
  id: string;
  name: string;
}

interface AddVehicleDialogProps {
  opened: boolean;
  onClose: () => void;
  workshop: Workshop;
}

const MAX_NAME_LENGTH = 60;

function isFuelType(value: string): value is FuelType {
  return (FUEL_TYPES as readonly string[]).includes(value);
}

/** The facts of a new vehicle; on success the device token, once, and a link to the vehicle. */
function AddVehicleForm({ workshop, onClose }: { workshop: Workshop; onClose: () => void }) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const queryClient = useQueryClient();
  const [vin, setVin] = useState('');
  const [plate, setPlate] = useState('');
  const [make, setMake] = useState('');
  const [model, setModel] = useState('');
  const [year, setYear] = useState('');
  const [fuelType, setFuelType] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const maxYear = latestModelYear();

  const add = useMutation({
    mutationFn: () =>
      addVehicle(workshop.id, {
        vin: normalizeVin(vin),
        registrationNumber: normalizePlate(plate),
        make: make.trim(),
        model: model.trim(),
        ...(year.trim() ? { year: Number(year.trim()) } : {}),
        ...(isFuelType(fuelType) ? { fuelType } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...WORKSHOP_VEHICLES_KEY, 'list'] }),
  });

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!vin.trim()) errors.vin = wt('add.vinRequired');
    else if (!isValidVin(vin)) errors.vin = wt('add.vinInvalid');
    if (!plate.trim()) errors.registrationNumber = wt('add.plateRequired');
    else if (!isValidPlate(plate)) errors.registrationNumber = wt('add.plateInvalid');
    if (!make.trim()) errors.make = wt('add.makeRequired');
    else if (make.trim().length > MAX_NAME_LENGTH) errors.make = wt('add.tooLong');
    if (!model.trim()) errors.model = wt('add.modelRequired');
    else if (model.trim().length > MAX_NAME_LENGTH) errors.model = wt('add.tooLong');
    if (year.trim()) {
      const value = Number(year.trim());
      if (!Number.isInteger(value) || value < 1900 || value > maxYear) {
        errors.year = wt('add.yearInvalid', { max: maxYear });
      }
    }
    return errors;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = check();
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    add.mutate();
  };

  if (add.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="green" title={wt('add.addedTitle')} role="status">
          {wt('add.added', { plate: normalizePlate(plate), workshop: workshop.name })}
        </Alert>
        <DeviceTokenPanel token={add.data.deviceToken} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {wt('add.close')}
          </Button>
          <ButtonLink
            to="/workshop/vehicles/$vehicleId"
            params={{ vehicleId: add.data.id }}
            search={{ workshop: workshop.id }}
          >
            {wt('add.openVehicle')}
          </ButtonLink>
        </Group>
      </Stack>
    );
  }

  const invalid = invalidFieldsOf(add.error);
  const isVinTaken = add.error instanceof ApiError && add.error.code === 'vin_taken';
  const serverErrors: FieldErrors = {
    vin: isVinTaken ? wt('add.vinTaken') : invalid.has('vin') ? wt('add.vinInvalid') : undefined,
    registrationNumber: invalid.has('registrationNumber') ? wt('add.plateInvalid') : undefined,
    make: invalid.has('make') ? wt('add.makeRequired') : undefined,
    model: invalid.has('model') ? wt('add.modelRequired') : undefined,
    year: invalid.has('year') ? wt('add.yearInvalid', { max: maxYear }) : undefined,
  };
  const errors = { ...serverErrors, ...clientErrors };
  const otherError =
    add.error && invalid.size === 0 && !isVinTaken ? generalProblemMessage(add.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{wt('add.intro', { workshop: workshop.name })}</Text>
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={wt('add.vin')}
          description={wt('add.vinHint')}
          required
          withAsterisk={false}
          data-autofocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          value={vin}
          onChange={(event) => setVin(event.currentTarget.value)}
          error={errors.vin}
          errorProps={{ role: 'alert' }}
          styles={{ input: { textTransform: 'uppercase' } }}
        />
        <TextInput
          label={wt('add.plate')}
          description={wt('add.plateHint')}
          required
          withAsterisk={false}
          autoComplete="off"
          autoCapitalize="characters"
          value={plate}
          onChange={(event) => setPlate(event.currentTarget.value)}
          error={errors.registrationNumber}
          errorProps={{ role: 'alert' }}
          styles={{ input: { textTransform: 'uppercase' } }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={wt('add.make')}
            required
            withAsterisk={false}
            autoComplete="off"
            value={make}
            onChange={(event) => setMake(event.currentTarget.value)}
            error={errors.make}
            errorProps={{ role: 'alert' }}
          />
          <TextInput
            label={wt('add.model')}
            required
            withAsterisk={false}
            autoComplete="off"
            value={model}
            onChange={(event) => setModel(event.currentTarget.value)}
            error={errors.model}
            errorProps={{ role: 'alert' }}
          />
          <TextInput
            label={wt('add.year')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={year}
            onChange={(event) => setYear(event.currentTarget.value)}
            error={errors.year}
            errorProps={{ role: 'alert' }}
          />
          <NativeSelect
            label={wt('add.fuelType')}
            data={[
              { value: '', label: wt('add.fuelNotGiven') },
              ...FUEL_TYPES.map((fuel) => ({ value: fuel, label: wt(`fuel.${fuel}`) })),
            ]}
            value={fuelType}
            onChange={(event) => setFuelType(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('dialog.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {wt('add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Add vehicle": a dialog from the vehicle list. Its content unmounts when it closes, so each
 * opening starts with an empty form and a shown device token never comes back.
 */
export function AddVehicleDialog({ opened, onClose, workshop }: AddVehicleDialogProps) {
  const wt = useWorkshopTexts();
  return (
    <FormDialog opened={opened} onClose={onClose} title={wt('add.title')}>
      <AddVehicleForm key={workshop.id} workshop={workshop} onClose={onClose} />
    </FormDialog>
  );
}
