import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '../../api/bookings.ts';
import { ApiError } from '../../api/client.ts';
import {
  changeWorkshopBooking,
  fetchWorkshopBooking,
  SETTINGS_LIMITS,
  WORKSHOP_BOOKINGS_KEY,
  type WorkshopBookingChange,
  workshopBookingKey,
} from '../../api/workshop-bookings.ts';
import { bookingFacts, heldTime } from '../../components/booking-facts.tsx';
import { BookingHistory } from '../../components/booking-history.tsx';
import { isStaleBooking, workshopBookingProblem } from '../../components/booking-problems.ts';
import { BookingStatusBadge } from '../../components/booking-status-badge.tsx';
import {
  formatAppointment,
  formatInZone,
  instantAt,
  isLocalDate,
  minutesOf,
  wallClockOf,
  zoneLabel,
} from '../../components/booking-time.ts';
import { DetailsList } from '../../components/details-list.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { formatDuration } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { type BookingT, useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Whether the booking still holds a time the workshop can act on. */
const isOpen = (booking: Booking) =>
  booking.status === 'requested' || booking.status === 'proposed' || booking.status === 'confirmed';

function SubSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

interface ChangeFormProps {
  booking: Booking;
  onChange: (change: WorkshopBookingChange) => void;
  isPending: boolean;
  /** The last refusal, when it was about this form. */
  error: string | undefined;
}

/** A start on the workshop's clock (date and time there); the booking keeps its length. */
function ProposeForm({ booking, onChange, isPending, error }: ChangeFormProps) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const held = heldTime(booking);
  const wall = wallClockOf(held.start);
  const [date, setDate] = useState(wall.date);
  const [time, setTime] = useState(held.start.slice(11, 16));
  const [clientError, setClientError] = useState<string | undefined>(undefined);
  const minutes = Math.round((Date.parse(held.end) - Date.parse(held.start)) / 60_000);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const minuteOfDay = minutesOf(time);
    if (!isLocalDate(date) || minuteOfDay === undefined || minuteOfDay >= 24 * 60) {
      setClientError(bt('panel.proposeInvalid'));
      return;
    }
    const start = instantAt(date, minuteOfDay, booking.workshop.timeZone);
    if (start.getTime() === Date.parse(held.start)) {
      setClientError(bt('panel.proposeSame'));
      return;
    }
    setClientError(undefined);
    onChange({ action: 'propose', start: start.toISOString() });
  };

  const shown = clientError ?? error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {bt('panel.proposeHint', {
            zone: zoneLabel(booking.workshop.timeZone),
            duration: formatDuration(minutes * 60, language),
          })}
        </Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={bt('panel.proposeDate')}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            miw="11rem"
          />
          <TextInput
            type="time"
            label={bt('panel.proposeTime')}
            value={time}
            onChange={(event) => setTime(event.currentTarget.value)}
            miw="8rem"
          />
        </Group>
        {shown ? (
          <Text c="red.8" size="sm" role="alert">
            {shown}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" variant="default" loading={isPending}>
            {bt('panel.proposeButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeclineForm({ onChange, isPending, error }: Omit<ChangeFormProps, 'booking'>) {
  const bt = useBookingTexts();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string | undefined>(undefined);
  const max = SETTINGS_LIMITS.declineReasonLength;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return setClientError(bt('panel.declineRequired'));
    if (text.length > max) return setClientError(bt('panel.declineTooLong', { max }));
    setClientError(undefined);
    onChange({ action: 'decline', reason: text });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={bt('panel.declineReason')}
          description={bt('panel.declineHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={clientError ?? error}
          errorProps={{ role: 'alert' }}
        />
        <Group>
          <Button type="submit" color="red.8" loading={isPending}>
            {bt('panel.declineButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What was done, for the notice above the booking. */
function doneText(change: WorkshopBookingChange, updated: Booking, bt: BookingT): string {
  const name = updated.booker.name;
  if (change.action === 'confirm') return bt('panel.confirmed', { name });
  if (change.action === 'decline') return bt('panel.declined', { name });
  const held = heldTime(updated);
  return bt('panel.proposed', { name, time: formatAppointment(held.start, held.end, currentLanguage()) });
}

interface BookingDetailsProps {
  workshopId: string;
  booking: Booking;
  canManage: boolean;
}

function BookingDetails({ workshopId, booking, canManage }: BookingDetailsProps) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const key = workshopBookingKey(workshopId, booking.id);
  const change = useMutation({
    mutationFn: (body: WorkshopBookingChange) => changeWorkshopBooking(workshopId, booking.id, body),
    onMutate: () => setNotice(null),
    onSuccess: async (updated, body) => {
      setNotice(doneText(body, updated, bt));
      // The answer has no history: keep the old lines until the booking is read again with it.
      queryClient.setQueryData<Booking>(key, (old) => ({ ...updated, history: old?.history }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: [...WORKSHOP_BOOKINGS_KEY, workshopId, 'list'] }),
      ]);
    },
    onError: async (error) => {
      if (isStaleBooking(error)) await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const problem = change.error ? workshopBookingProblem(change.error, t, bt) : undefined;
  const failedAction = change.isError ? change.variables.action : undefined;
  const isFieldProblem = change.error instanceof ApiError && change.error.code !== 'booking_status_conflict';
  const errorFor = (action: WorkshopBookingChange['action']) =>
    failedAction === action && isFieldProblem ? problem : undefined;
  const plate = booking.vehicle.registrationNumber;

  return (
    <Stack gap="lg">
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {problem && !errorFor('propose') && !errorFor('decline') ? (
        <Alert color="red" role="alert" title={t('errors.title')}>
          {problem}
        </Alert>
      ) : null}
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <BookingStatusBadge status={booking.status} />
          <Text fw={700}>{formatAppointment(heldTime(booking).start, heldTime(booking).end, language)}</Text>
        </Group>
        <Text>{bt(`panel.statusLine.${booking.status}`, { name: booking.booker.name })}</Text>
      </Stack>
      <section aria-label={bt('facts.label')}>
        <DetailsList
          items={[
            {
              label: bt('facts.vehicle'),
              value: (
                <AnchorLink
                  to="/workshop/vehicles/$vehicleId"
                  params={{ vehicleId: booking.vehicle.id }}
                  search={{ workshop: workshopId }}
                  underline="always"
                  aria-label={bt('panel.openVehicle', { plate })}
                >
                  {`${plate} · ${booking.vehicle.make} ${booking.vehicle.model}`}
                </AnchorLink>
              ),
            },
            ...bookingFacts(booking, bt, language),
            {
              label: bt('facts.requestedAt'),
              value: formatInZone(booking.createdAt, booking.workshop.timeZone, language),
            },
          ]}
        />
      </section>
      {isOpen(booking) ? (
        canManage ? (
          <>
            {booking.status === 'requested' ? (
              <Group>
                <Button
                  onClick={() => change.mutate({ action: 'confirm' })}
                  loading={change.isPending && change.variables.action === 'confirm'}
                >
                  {bt('panel.confirm')}
                </Button>
              </Group>
            ) : null}
            <SubSection title={bt('panel.proposeHeading')}>
              <ProposeForm
                booking={booking}
                onChange={(body) => change.mutate(body)}
                isPending={change.isPending && change.variables.action === 'propose'}
                error={errorFor('propose')}
              />
            </SubSection>
            <SubSection title={bt('panel.declineHeading')}>
              <DeclineForm
                onChange={(body) => change.mutate(body)}
                isPending={change.isPending && change.variables.action === 'decline'}
                error={errorFor('decline')}
              />
            </SubSection>
          </>
        ) : (
          <Text c="dimmed">{bt('panel.readOnly')}</Text>
        )
      ) : null}
      <SubSection title={bt('history.heading')}>
        <BookingHistory booking={booking} />
      </SubSection>
    </Stack>
  );
}

interface BookingPanelProps {
  workshopId: string;
  /** The booking the address names; the dialog is closed without one. */
  bookingId: string | undefined;
  canManage: boolean;
  onClose: () => void;
}

/**
 * One booking in a dialog over the calendar or list (full screen on a phone): its facts and
 * history, and for those who answer bookings Confirm, Propose another time and Decline.
 */
export function BookingPanel({ workshopId, bookingId, canManage, onClose }: BookingPanelProps) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const booking = useQuery({
    queryKey: workshopBookingKey(workshopId, bookingId ?? ''),
    queryFn: () => fetchWorkshopBooking(workshopId, bookingId ?? ''),
    enabled: bookingId !== undefined,
  });
  const title = booking.data
    ? bt('panel.title', { plate: booking.data.vehicle.registrationNumber })
    : bt('panel.loadingTitle');
  const isMissing =
    booking.error instanceof ApiError &&
    (booking.error.status === 404 || booking.error.code === 'validation_failed');

  return (
    <FormDialog opened={bookingId !== undefined} onClose={onClose} title={title}>
      {booking.data ? (
        <BookingDetails
          key={booking.data.id}
          workshopId={workshopId}
          booking={booking.data}
          canManage={canManage}
        />
      ) : booking.isError ? (
        isMissing ? (
          <Text>{bt('panel.notFound')}</Text>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Alert color="red" title={bt('panel.failedTitle')} role="alert" w="100%">
              {t('errors.unexpected')}
            </Alert>
            <Button onClick={() => void booking.refetch()}>{t('session.retry')}</Button>
          </Stack>
        )
      ) : (
        <LoadingState title={bt('panel.loadingTitle')} description={t('lists.loadingDescription')} />
      )}
    </FormDialog>
  );
}
