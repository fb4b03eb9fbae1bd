import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BookerChange,
  type Booking,
  changeVehicleBooking,
  fetchVehicleBooking,
  vehicleBookingKey,
  vehicleBookingsKey,
} from '../../api/bookings.ts';
import { ApiError } from '../../api/client.ts';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { bookingFacts, heldTime } from '../../components/booking-facts.tsx';
import { BookingHistory } from '../../components/booking-history.tsx';
import { driverBookingProblem, isStaleBooking } from '../../components/booking-problems.ts';
import { BookingStatusBadge } from '../../components/booking-status-badge.tsx';
import { formatAppointment, formatInZone } from '../../components/booking-time.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailsList } from '../../components/details-list.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { AppSection } from './app-section.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { VehicleGate } from './vehicle-gate.tsx';

/** The booking page's address may say that the request was just sent. */
export interface BookingSearch {
  sent?: boolean;
}

/** Keeps only a true `sent`; the key is always returned, as the router wants. */
export function parseBookingSearch(search: Record<string, unknown>): BookingSearch {
  return { sent: search.sent === true || search.sent === 'true' ? true : undefined };
}

function BackToBookings({ vehicle }: { vehicle: DriverVehicle }) {
  const bt = useBookingTexts();
  return (
    <AnchorLink
      to="/app/vehicles/$vehicleId/bookings"
      params={{ vehicleId: vehicle.id }}
      underline="always"
      style={{ alignSelf: 'flex-start' }}
    >
      {bt('detail.back', { plate: vehicle.registrationNumber })}
    </AnchorLink>
  );
}

/** Whether the booking still holds a time: something can still be answered or cancelled. */
const isOpen = (booking: Booking) =>
  booking.status === 'requested' || booking.status === 'proposed' || booking.status === 'confirmed';

interface BookingViewProps {
  vehicle: DriverVehicle;
  booking: Booking;
  /** The request was just sent from the booking form. */
  isSent: boolean;
  onSentSeen: () => void;
}

function BookingView({ vehicle, booking, isSent, onSentSeen }: BookingViewProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const bt = useBookingTexts();
  const me = useAreaMe();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const workshop = booking.workshop.name;
  const key = vehicleBookingKey(vehicle.id, booking.id);
  const change = useMutation({
    mutationFn: (what: BookerChange) => changeVehicleBooking(vehicle.id, booking.id, what),
    onMutate: () => {
      setNotice(null);
      onSentSeen();
    },
    onSuccess: async (updated, what) => {
      setAsking(null);
      const time = formatAppointment(updated.start, updated.end, language);
      setNotice(
        what === 'accept'
          ? bt('detail.accepted', { time })
          : what === 'reject'
            ? bt('detail.rejected')
            : bt('detail.cancelled', { workshop }),
      );
      // The answer has no history: keep the old lines until the booking is read again with it.
      queryClient.setQueryData<Booking>(key, (old) => ({ ...updated, history: old?.history }));
      await queryClient.invalidateQueries({ queryKey: vehicleBookingsKey(vehicle.id) });
    },
    onError: async (error) => {
      // Changed meanwhile (the workshop moved it, or the cut-off passed): show it as it is now.
      if (isStaleBooking(error)) await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const problem = change.error ? driverBookingProblem(change.error, t, bt) : undefined;
  const held = heldTime(booking);
  const heldText = formatAppointment(held.start, held.end, language);
  const proposal =
    booking.status === 'proposed' && booking.proposedStart && booking.proposedEnd
      ? formatAppointment(booking.proposedStart, booking.proposedEnd, language)
      : null;
  // Who may answer and cancel: the person who booked and the primary user (the server says when).
  const isBookerOrPrimary = vehicle.myRole === 'primary' || booking.booker.id === me.user.id;
  const cancelUntil =
    booking.canCancel && booking.cancellableUntil
      ? formatInZone(booking.cancellableUntil, booking.workshop.timeZone, language)
      : null;

  return (
    <Page title={bt('detail.title')}>
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
      <DoneNotice message={isSent ? bt('detail.sent', { workshop }) : null} onDismiss={onSentSeen} />
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {problem && !asking ? (
        <Alert color="red" role="alert" title={t('errors.title')}>
          {problem}
        </Alert>
      ) : null}

      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <BookingStatusBadge status={booking.status} />
          <Text fw={700}>{heldText}</Text>
        </Group>
        <Text>{bt(`detail.statusLine.${booking.status}`, { workshop, time: proposal ?? heldText })}</Text>
      </Stack>

      {isOpen(booking) ? (
        <AppSection title={bt('detail.actionsHeading')}>
          {booking.canAnswer ? (
            <Group gap="sm">
              <Button
                onClick={() => change.mutate('accept')}
                loading={change.isPending && change.variables === 'accept'}
              >
                {bt('detail.accept')}
              </Button>
              <Button variant="default" onClick={() => setAsking('reject')}>
                {bt('detail.reject')}
              </Button>
            </Group>
          ) : null}
          {booking.canCancel ? (
            <Stack gap="xs" align="flex-start">
              {cancelUntil ? <Text size="sm">{bt('detail.cancelUntil', { date: cancelUntil })}</Text> : null}
              <Button variant="outline" color="red.8" onClick={() => setAsking('cancel')}>
                {bt('detail.cancel')}
              </Button>
            </Stack>
          ) : isBookerOrPrimary ? (
            <Text>{bt('detail.tooLate', { workshop })}</Text>
          ) : (
            <Text>{bt('detail.onlyBooker', { name: booking.booker.name })}</Text>
          )}
          <Group>
            <ButtonLink to="/app/chat" search={{ vehicle: vehicle.id }} variant="default">
              {bt('detail.openChat')}
            </ButtonLink>
          </Group>
        </AppSection>
      ) : null}

      <section aria-label={bt('facts.label')}>
        <DetailsList
          items={[
            ...bookingFacts(booking, bt, language),
            { label: bt('facts.workshop'), value: workshop },
            {
              label: bt('facts.requestedAt'),
              value: formatInZone(booking.createdAt, booking.workshop.timeZone, language),
            },
          ]}
        />
      </section>

      <AppSection title={bt('history.heading')}>
        <BookingHistory booking={booking} />
      </AppSection>

      <ConfirmDialog
        opened={asking === 'reject'}
        onClose={() => setAsking(null)}
        title={bt('detail.rejectTitle')}
        message={bt('detail.rejectConfirm', { time: proposal ?? heldText })}
        confirmLabel={bt('detail.rejectButton')}
        keepLabel={bt('detail.notNow')}
        onConfirm={() => change.mutate('reject')}
        isPending={change.isPending}
        error={asking === 'reject' ? problem : undefined}
      />
      <ConfirmDialog
        opened={asking === 'cancel'}
        onClose={() => setAsking(null)}
        title={bt('detail.cancelTitle')}
        message={bt('detail.cancelConfirm', { time: heldText, workshop })}
        confirmLabel={bt('detail.cancel')}
        keepLabel={bt('detail.keep')}
        onConfirm={() => change.mutate('cancel')}
        isPending={change.isPending}
        error={asking === 'cancel' ? problem : undefined}
      />
    </Page>
  );
}

function BookingLoader({ vehicle, bookingId }: { vehicle: DriverVehicle; bookingId: string }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const navigate = useNavigate();
  const { sent } = useSearch({ from: '/app/vehicles/$vehicleId/bookings/$bookingId' });
  const booking = useQuery({
    queryKey: vehicleBookingKey(vehicle.id, bookingId),
    queryFn: () => fetchVehicleBooking(vehicle.id, bookingId),
  });
  if (booking.isPending) {
    return (
      <Page title={bt('detail.title')}>
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  if (booking.isError) {
    const isMissing =
      booking.error instanceof ApiError &&
      (booking.error.status === 404 || booking.error.code === 'validation_failed');
    return (
      <Page title={isMissing ? bt('detail.notFoundTitle') : bt('detail.title')}>
        <BackToBookings vehicle={vehicle} />
        {isMissing ? (
          <Text>{bt('detail.notFound')}</Text>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Alert color="red" title={bt('detail.failedTitle')} role="alert" w="100%">
              {t('errors.unexpected')}
            </Alert>
            <Button onClick={() => void booking.refetch()}>{t('session.retry')}</Button>
          </Stack>
        )}
      </Page>
    );
  }
  return (
    <BookingView
      vehicle={vehicle}
      booking={booking.data}
      isSent={sent === true}
      onSentSeen={() => {
        if (sent) {
          void navigate({
            to: '/app/vehicles/$vehicleId/bookings/$bookingId',
            params: { vehicleId: vehicle.id, bookingId },
            search: {},
            replace: true,
          });
        }
      }}
    />
  );
}

/**
 * One service booking (SPEC §7), where booking mails link to: its status and time on the
 * workshop's clock, the workshop's proposal to accept or reject, cancelling until the cut-off,
 * its facts and its history. Every user of the car sees it; the person who booked and the primary
 * user act on it.
 */
export function BookingPage() {
  const bt = useBookingTexts();
  const { vehicleId, bookingId } = useParams({ from: '/app/vehicles/$vehicleId/bookings/$bookingId' });
  return (
    <VehicleGate vehicleId={vehicleId} title={bt('detail.title')}>
      {(vehicle) => <BookingLoader vehicle={vehicle} bookingId={bookingId} />}
    </VehicleGate>
  );
}
