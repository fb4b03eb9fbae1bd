import { List, Stack, Text } from '@mantine/core';
import type { Booking, BookingHistoryEntry } from '../api/bookings.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatAppointment, formatInZone } from './booking-time.ts';
import { useBookingTexts } from './use-booking-texts.ts';

/**
 * What happened to a booking, oldest first: each change with who made it (and from which side),
 * the time it concerned, the reason given, and when, all on the workshop's clock.
 */
export function BookingHistory({ booking }: { booking: Booking }) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const entries: BookingHistoryEntry[] = booking.history ?? [];
  if (entries.length === 0) return null;
  return (
    <List aria-label={bt('history.listLabel')} spacing="sm">
      {entries.map((entry) => {
        const action = bt(`history.actions.${entry.action}`);
        return (
          <List.Item key={`${entry.at}-${entry.action}-${entry.start}`}>
            <Stack gap={0}>
              <Text fw={600} inherit>
                {entry.side === 'workshop'
                  ? bt('history.byWorkshop', { action, name: entry.by.name })
                  : bt('history.byVehicleUser', { action, name: entry.by.name })}
              </Text>
              <Text size="sm">
                {bt('history.time', { time: formatAppointment(entry.start, entry.end, language) })}
              </Text>
              {entry.reason ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {bt('history.reason', { reason: entry.reason })}
                </Text>
              ) : null}
              <Text size="sm" c="dimmed">
                {formatInZone(entry.at, booking.workshop.timeZone, language)}
              </Text>
            </Stack>
          </List.Item>
        );
      })}
    </List>
  );
}
