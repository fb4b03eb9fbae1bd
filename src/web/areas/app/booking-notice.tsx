import { Text } from '@mantine/core';
import type { AppNotification, NotificationData } from '../../api/notifications.ts';
import { formatAppointment } from '../../components/booking-time.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import type { BookingT } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';

type BookingNotice = Extract<AppNotification, { kind: 'booking_changed' }>;

/**
 * A booking change in words, from the reader's point of view: what changed, for which car, and
 * the time it concerned on the workshop's clock ("You cancelled…" for the reader's own change).
 */
export function bookingNoticeText(
  notice: BookingNotice,
  myUserId: string,
  car: string,
  bt: BookingT,
): string {
  const data: NotificationData['booking_changed'] = notice.data;
  const values = {
    name: data.changedBy.name,
    workshop: data.workshop.name,
    plate: car,
    time: formatAppointment(data.start, data.end, currentLanguage()),
  };
  const isMine = data.changedBy.id === myUserId;
  switch (data.action) {
    case 'requested':
      return bt(isMine ? 'notice.requestedByYou' : 'notice.requested', values);
    case 'accepted':
      return bt(isMine ? 'notice.acceptedByYou' : 'notice.accepted', values);
    case 'rejected':
      return bt(isMine ? 'notice.rejectedByYou' : 'notice.rejected', values);
    case 'cancelled':
      return bt(isMine ? 'notice.cancelledByYou' : 'notice.cancelled', values);
    default:
      // The workshop's changes: confirmed, declined, proposed.
      return bt(`notice.${data.action}`, values);
  }
}

/** Below the sentence: the reason the workshop gave, and the way to the booking. */
export function BookingNoticeDetails({ notice, bt }: { notice: BookingNotice; bt: BookingT }) {
  return (
    <>
      {notice.data.reason ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {bt('notice.reason', { reason: notice.data.reason })}
        </Text>
      ) : null}
      {notice.vehicle ? (
        <AnchorLink
          to="/app/vehicles/$vehicleId/bookings/$bookingId"
          params={{ vehicleId: notice.vehicle.id, bookingId: notice.data.bookingId }}
          underline="always"
          size="sm"
          aria-label={bt('notice.openAbout', { plate: notice.vehicle.registrationNumber })}
          style={{ alignSelf: 'flex-start' }}
        >
          {bt('notice.open')}
        </AnchorLink>
      ) : null}
    </>
  );
}
