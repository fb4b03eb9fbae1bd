import { Alert, Button, Checkbox, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { StaffMembership } from '../../api/session.ts';
import {
  createServiceType,
  deleteServiceType,
  fetchServiceTypes,
  SETTINGS_LIMITS,
  type ServiceType,
  type ServiceTypeBody,
  serviceTypesKey,
  updateServiceType,
} from '../../api/workshop-bookings.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { formatDuration } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { type FieldErrors, generalProblemMessage } from '../../components/problem-messages.ts';
import { type BookingT, useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Name and duration as typed, checked as the server will; the body when both are fine. */
function checkServiceType(
  name: string,
  minutes: string,
  bt: BookingT,
): { errors: FieldErrors; body?: Pick<ServiceTypeBody, 'name' | 'durationMinutes'> } {
  const errors: FieldErrors = {};
  const trimmed = name.trim();
  const limits = SETTINGS_LIMITS.serviceMinutes;
  const duration = /^\d{1,4}$/.test(minutes.trim()) ? Number(minutes.trim()) : Number.NaN;
  if (!trimmed) errors.name = bt('serviceTypes.nameRequired');
  else if (trimmed.length > SETTINGS_LIMITS.serviceNameLength) {
    errors.name = bt('serviceTypes.nameTooLong', { max: SETTINGS_LIMITS.serviceNameLength });
  }
  if (!(duration >= limits.min && duration <= limits.max)) {
    errors.durationMinutes = bt('settings.numberInvalid', limits);
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, body: { name: trimmed, durationMinutes: duration } };
}

/** The server's refusal of a name or duration, under its field; else a sentence for the form. */
function serviceTypeProblem(
  error: unknown,
  name: string,
  bt: BookingT,
  t: ReturnType<typeof useTranslation>['t'],
) {
  if (error instanceof ApiError && error.code === 'service_type_exists') {
    return {
      fields: { name: bt('serviceTypes.exists', { name: name.trim() }) } as FieldErrors,
      general: undefined,
    };
  }
  if (error instanceof ApiError && error.code === 'validation_failed') {
    return { fields: {} as FieldErrors, general: bt('settings.invalid') };
  }
  return { fields: {} as FieldErrors, general: error ? generalProblemMessage(error, t) : undefined };
}

interface ServiceTypeFieldsProps {
  name: string;
  minutes: string;
  onName: (name: string) => void;
  onMinutes: (minutes: string) => void;
  errors: FieldErrors;
}

function ServiceTypeFields({ name, minutes, onName, onMinutes, errors }: ServiceTypeFieldsProps) {
  const bt = useBookingTexts();
  return (
    <>
      <TextInput
        label={bt('serviceTypes.name')}
        value={name}
        onChange={(event) => onName(event.currentTarget.value)}
        error={errors.name}
        errorProps={{ role: 'alert' }}
        miw="14rem"
      />
      <TextInput
        label={bt('serviceTypes.duration')}
        inputMode="numeric"
        value={minutes}
        onChange={(event) => onMinutes(event.currentTarget.value)}
        error={errors.durationMinutes}
        errorProps={{ role: 'alert' }}
        w="12rem"
      />
    </>
  );
}

function AddServiceType({ workshopId, onDone }: { workshopId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: (body: ServiceTypeBody) => createServiceType(workshopId, body),
    onSuccess: async (created) => {
      setName('');
      setMinutes('60');
      onDone(bt('serviceTypes.added', { name: created.name }));
      await queryClient.invalidateQueries({ queryKey: serviceTypesKey(workshopId) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkServiceType(name, minutes, bt);
    setClientErrors(checked.errors);
    if (checked.body) add.mutate({ ...checked.body, isActive: true });
  };
  const problem = serviceTypeProblem(add.error, name, bt, t);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <ServiceTypeFields
            name={name}
            minutes={minutes}
            onName={setName}
            onMinutes={setMinutes}
            errors={{ ...problem.fields, ...clientErrors }}
          />
        </Group>
        {problem.general ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {problem.general}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {bt('serviceTypes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface EditDialogProps {
  workshopId: string;
  serviceType: ServiceType;
  onClose: () => void;
  onDone: (message: string) => void;
}

function EditServiceTypeDialog({ workshopId, serviceType, onClose, onDone }: EditDialogProps) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const queryClient = useQueryClient();
  const [name, setName] = useState(serviceType.name);
  const [minutes, setMinutes] = useState(String(serviceType.durationMinutes));
  const [isActive, setIsActive] = useState(serviceType.isActive);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: ServiceTypeBody) => updateServiceType(workshopId, serviceType.id, body),
    onSuccess: async (saved) => {
      onDone(bt('serviceTypes.saved', { name: saved.name }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: serviceTypesKey(workshopId) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkServiceType(name, minutes, bt);
    setClientErrors(checked.errors);
    if (checked.body) save.mutate({ ...checked.body, isActive });
  };
  const problem = serviceTypeProblem(save.error, name, bt, t);
  return (
    <FormDialog opened onClose={onClose} title={bt('serviceTypes.editTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ServiceTypeFields
            name={name}
            minutes={minutes}
            onName={setName}
            onMinutes={setMinutes}
            errors={{ ...problem.fields, ...clientErrors }}
          />
          <Checkbox
            label={bt('serviceTypes.active')}
            checked={isActive}
            onChange={(event) => setIsActive(event.currentTarget.checked)}
          />
          {problem.general ? (
            <Alert color="red" title={t('errors.title')} role="alert">
              {problem.general}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {bt('serviceTypes.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  );
}

/**
 * The workshop's service types (SPEC §2 "services"): what people choose from when they book, each
 * with its duration; offered in the app or not, renamed, or removed (old bookings keep theirs).
 */
export function ServiceTypesSection({ workshop }: { workshop: StaffMembership }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const workshopId = workshop.organizationId;
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<ServiceType | null>(null);
  const [removing, setRemoving] = useState<ServiceType | null>(null);
  const types = useQuery({
    queryKey: serviceTypesKey(workshopId),
    queryFn: () => fetchServiceTypes(workshopId),
  });
  const toggle = useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) =>
      updateServiceType(workshopId, id, { isActive }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceTypesKey(workshopId) }),
  });
  const remove = useMutation({
    mutationFn: (serviceType: ServiceType) => deleteServiceType(workshopId, serviceType.id),
    onSuccess: async (_, serviceType) => {
      setRemoving(null);
      setNotice(bt('serviceTypes.removed', { name: serviceType.name }));
      await queryClient.invalidateQueries({ queryKey: serviceTypesKey(workshopId) });
    },
  });

  const columns: DataColumn<ServiceType>[] = [
    { key: 'name', header: bt('serviceTypes.name'), cell: (type) => type.name },
    {
      key: 'duration',
      header: bt('serviceTypes.durationShown'),
      cell: (type) => formatDuration(type.durationMinutes * 60, language),
    },
    {
      key: 'active',
      header: bt('serviceTypes.active'),
      cell: (type) => (
        <Switch
          aria-label={bt('serviceTypes.activeNamed', { name: type.name })}
          checked={
            toggle.isPending && toggle.variables.id === type.id ? toggle.variables.isActive : type.isActive
          }
          onChange={(event) => toggle.mutate({ id: type.id, isActive: event.currentTarget.checked })}
        />
      ),
    },
    {
      key: 'actions',
      header: bt('serviceTypes.actions'),
      isSelfExplaining: true,
      cell: (type) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="compact-md"
            onClick={() => setEditing(type)}
            aria-label={bt('serviceTypes.editNamed', { name: type.name })}
          >
            {bt('serviceTypes.edit')}
          </Button>
          <Button
            variant="default"
            size="compact-md"
            onClick={() => setRemoving(type)}
            aria-label={bt('serviceTypes.removeNamed', { name: type.name })}
          >
            {bt('settings.removeHours')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {bt('serviceTypes.heading')}
      </Title>
      <Text c="dimmed">{bt('serviceTypes.intro')}</Text>
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {toggle.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {generalProblemMessage(toggle.error, t)}
        </Alert>
      ) : null}
      {types.isPending ? (
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      ) : types.isError ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={bt('serviceTypes.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button onClick={() => void types.refetch()}>{t('session.retry')}</Button>
        </Stack>
      ) : types.data.items.length === 0 ? (
        <Text>{bt('serviceTypes.none')}</Text>
      ) : (
        <DataTable
          label={bt('serviceTypes.listLabel', { workshop: workshop.organizationName })}
          columns={columns}
          items={types.data.items}
          rowKey={(type) => type.id}
        />
      )}
      <AddServiceType workshopId={workshopId} onDone={setNotice} />
      {editing ? (
        <EditServiceTypeDialog
          key={editing.id}
          workshopId={workshopId}
          serviceType={editing}
          onClose={() => setEditing(null)}
          onDone={setNotice}
        />
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={bt('serviceTypes.removeTitle')}
        message={bt('serviceTypes.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={bt('serviceTypes.removeButton')}
        keepLabel={t('dialog.cancel')}
        onConfirm={() => removing && remove.mutate(removing)}
        isPending={remove.isPending}
        error={remove.isError ? generalProblemMessage(remove.error, t) : undefined}
      />
    </Stack>
  );
}
