import {
  Alert,
  Button,
  Checkbox,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BookingSlots,
  bookingSlotsKey,
  fetchBookingSlots,
  MAX_BOOKING_NOTE_LENGTH,
  type NewBooking,
  requestBooking,
  vehicleBookingsKey,
} from '../../api/bookings.ts';
import { ApiError } from '../../api/client.ts';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { driverBookingProblem, slotProblem } from '../../components/booking-problems.ts';
import { formatAppointment, formatDay, formatWallTime, zoneLabel } from '../../components/booking-time.ts';
import { formatDuration } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { type FieldErrors, invalidFieldsOf } from '../../components/problem-messages.ts';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { parseKilometres, slotsByDay } from './booking-form-checks.ts';
import { useAppTexts } from './use-app-texts.ts';
import { VehicleGate } from './vehicle-gate.tsx';

function BackToBookings({ vehicle }: { vehicle: DriverVehicle }) {
  const bt = useBookingTexts();
  return (
    <AnchorLink
      to="/app/vehicles/$vehicleId/bookings"
      params={{ vehicleId: vehicle.id }}
      underline="always"
      style={{ alignSelf: 'flex-start' }}
    >
      {bt('book.back', { plate: vehicle.registrationNumber })}
    </AnchorLink>
  );
}

interface SlotPickerProps {
  slots: BookingSlots;
  chosen: string | null;
  onChoose: (start: string) => void;
  error: string | undefined;
}

/**
 * The free times, one group of radio buttons per day at the workshop (so the arrow keys move
 * within a day), all times on the workshop's clock with its zone said once above them.
 */
function SlotPicker({ slots, chosen, onChoose, error }: SlotPickerProps) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const headingId = useId();
  const errorId = useId();
  const days = slotsByDay(slots.items);
  const range = {
    from: formatDay(slots.from.slice(0, 10), language),
    to: formatDay(slots.to.slice(0, 10), language),
  };
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby={headingId}
      aria-describedby={error ? errorId : undefined}
    >
      <Title order={2} size="h3" id={headingId}>
        {bt('book.slotsLegend')}
      </Title>
      <Text fw={600}>
        {bt('book.zone', { workshop: slots.workshop.name, zone: zoneLabel(slots.timeZone) })}
      </Text>
      {days.length === 0 ? (
        <Stack gap={4}>
          <Text fw={600}>{bt('book.noSlotsTitle')}</Text>
          <Text>{bt('book.noSlots', { workshop: slots.workshop.name, ...range })}</Text>
        </Stack>
      ) : (
        <Text c="dimmed">{bt('book.range', range)}</Text>
      )}
      {error ? (
        <Text id={errorId} c="red.8" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      {days.map((day) => (
        <Radio.Group
          key={day.date}
          label={formatDay(day.date, language)}
          // One choice across all days: the day that holds it shows it checked.
          value={day.slots.some((slot) => slot.start === chosen) ? chosen : null}
          onChange={onChoose}
          styles={{ label: { fontWeight: 700, marginBottom: 'var(--mantine-spacing-xs)' } }}
        >
          <SimpleGrid cols={{ base: 3, xs: 5, sm: 6 }} spacing="xs" verticalSpacing="xs">
            {day.slots.map((slot) => (
              <Radio key={slot.start} value={slot.start} label={formatWallTime(slot.start, language)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
      ))}
    </Stack>
  );
}

function BookingForm({ vehicle }: { vehicle: DriverVehicle }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [serviceTypeIds, setServiceTypeIds] = useState<string[]>([]);
  // Where the shown fortnight starts: the server's "now" until "Show later times".
  const [from, setFrom] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<string | null>(null);
  // Null until the person types: the odometer's reading is shown until then.
  const [mileage, setMileage] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const slots = useQuery({
    queryKey: bookingSlotsKey(vehicle.id, serviceTypeIds, from),
    queryFn: () => fetchBookingSlots(vehicle.id, { serviceTypeIds, from }),
    // A new choice of services keeps the times on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
  const request = useMutation({
    mutationFn: (body: NewBooking) => requestBooking(vehicle.id, body),
    onSuccess: async (booking) => {
      await queryClient.invalidateQueries({ queryKey: vehicleBookingsKey(vehicle.id) });
      await navigate({
        to: '/app/vehicles/$vehicleId/bookings/$bookingId',
        params: { vehicleId: vehicle.id, bookingId: booking.id },
        search: { sent: true },
      });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'slot_unavailable') {
        // The times have changed: show them as they are now, with nothing chosen.
        setChosen(null);
        await queryClient.invalidateQueries({ queryKey: vehicleBookingsKey(vehicle.id) });
      }
    },
  });

  if (slots.isPending) {
    return <LoadingState title={bt('book.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (slots.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={bt('book.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void slots.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }

  const data = slots.data;
  const workshop = data.workshop.name;
  // A time chosen before the services changed may no longer fit: then nothing is chosen.
  const chosenStart = chosen && data.items.some((slot) => slot.start === chosen) ? chosen : null;
  const chosenSlot = data.items.find((slot) => slot.start === chosenStart);
  const mileageText = mileage ?? (data.currentMileageKm === null ? '' : String(data.currentMileageKm));
  const noteLength = note.trim().length;
  const isNoteTooLong = noteLength > MAX_BOOKING_NOTE_LENGTH;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const km = mileageText.trim() ? parseKilometres(mileageText) : undefined;
    if (!chosenStart) errors.start = bt('book.chooseTime');
    if (mileageText.trim() && km === undefined) errors.mileageKm = bt('book.mileageInvalid');
    if (isNoteTooLong) errors.note = bt('book.noteTooLong', { max: MAX_BOOKING_NOTE_LENGTH });
    setClientErrors(errors);
    if (!chosenStart || Object.keys(errors).length > 0) return;
    request.mutate({
      start: chosenStart,
      ...(serviceTypeIds.length > 0 ? { serviceTypes: serviceTypeIds } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(km !== undefined ? { mileageKm: km } : {}),
    });
  };

  const invalid = invalidFieldsOf(request.error);
  const errors: FieldErrors = {
    start: invalid.has('start') ? bt('book.chooseTime') : undefined,
    mileageKm: invalid.has('mileageKm') ? bt('book.mileageInvalid') : undefined,
    note: invalid.has('note') ? bt('book.noteTooLong', { max: MAX_BOOKING_NOTE_LENGTH }) : undefined,
    ...clientErrors,
  };
  const requestProblem =
    slotProblem(request.error, bt, workshop) ??
    (request.error && invalid.size === 0 ? driverBookingProblem(request.error, t, bt) : undefined);

  return (
    <form onSubmit={submit} noValidate aria-busy={slots.isFetching}>
      <Stack gap="xl">
        <Text>{bt('book.intro', { workshop })}</Text>
        {data.serviceTypes.length > 0 ? (
          <Checkbox.Group
            label={bt('book.servicesLegend')}
            description={bt('book.servicesHint')}
            value={serviceTypeIds}
            onChange={setServiceTypeIds}
            styles={{ label: { fontSize: 'var(--mantine-h3-font-size)', fontWeight: 700 } }}
          >
            <Stack gap="xs" mt="sm">
              {data.serviceTypes.map((type) => (
                <Checkbox
                  key={type.id}
                  value={type.id}
                  label={type.name}
                  description={formatDuration(type.durationMinutes * 60, language)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text c="dimmed">{bt('book.noServices', { workshop })}</Text>
        )}
        <Text role="status">
          {bt('book.duration', { duration: formatDuration(data.durationMinutes * 60, language) })}
        </Text>

        <SlotPicker
          slots={data}
          chosen={chosenStart}
          onChoose={(start) => {
            setChosen(start);
            setClientErrors((previous) => ({ ...previous, start: undefined }));
          }}
          error={errors.start}
        />
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => setFrom(data.to)}
            loading={slots.isFetching && from !== undefined}
          >
            {bt('book.later')}
          </Button>
          {from ? (
            <Button variant="default" onClick={() => setFrom(undefined)}>
              {bt('book.earlier')}
            </Button>
          ) : null}
          {data.items.length === 0 ? (
            <ButtonLink to="/app/chat" search={{ vehicle: vehicle.id }} variant="default">
              {bt('book.openChat')}
            </ButtonLink>
          ) : null}
        </Group>

        <TextInput
          label={bt('book.mileage')}
          description={data.currentMileageKm === null ? bt('book.mileageHintNone') : bt('book.mileageHint')}
          inputMode="numeric"
          autoComplete="off"
          value={mileageText}
          onChange={(event) => setMileage(event.currentTarget.value)}
          error={errors.mileageKm}
          errorProps={{ role: 'alert' }}
          maw="16rem"
        />
        <Textarea
          label={bt('book.note')}
          description={
            <Group component="span" justify="space-between" gap="xs" wrap="wrap">
              <span>{bt('book.noteHint')}</span>
              <Text span size="xs" c={isNoteTooLong ? 'red.8' : 'dimmed'}>
                {bt('book.noteCounter', { count: noteLength, max: MAX_BOOKING_NOTE_LENGTH })}
              </Text>
            </Group>
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autosize
          minRows={3}
          maxRows={10}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={
            errors.note ??
            (isNoteTooLong ? bt('book.noteTooLong', { max: MAX_BOOKING_NOTE_LENGTH }) : undefined)
          }
          errorProps={{ role: 'alert' }}
        />

        {requestProblem ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {requestProblem}
          </Alert>
        ) : null}
        <Stack gap="xs" align="flex-start">
          {chosenSlot ? (
            <Text fw={600}>
              {bt('book.chosen', { time: formatAppointment(chosenSlot.start, chosenSlot.end, language) })}
            </Text>
          ) : null}
          <Button type="submit" loading={request.isPending}>
            {bt('book.submit')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

/**
 * "Book service" (SPEC §7): what the car needs, a free time at its workshop (on the workshop's
 * clock, its zone said), the mileage from the odometer and a note; the request goes to the
 * workshop, which confirms it or proposes another time.
 */
export function BookServicePage() {
  const at = useAppTexts();
  const bt = useBookingTexts();
  const { vehicleId } = useParams({ from: '/app/vehicles/$vehicleId/bookings/new' });
  return (
    <VehicleGate vehicleId={vehicleId} title={bt('book.title')}>
      {(vehicle) => (
        <Page title={bt('book.title')}>
          <Stack gap={4}>
            <Text fw={600}>
              {at('users.vehicleLine', {
                plate: vehicle.registrationNumber,
                make: vehicle.make,
                model: vehicle.model,
              })}
            </Text>
            <BackToBookings vehicle={vehicle} />
          </Stack>
          <BookingForm vehicle={vehicle} />
        </Page>
      )}
    </VehicleGate>
  );
}
