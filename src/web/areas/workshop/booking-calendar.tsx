import { Box, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import type { Booking } from '../../api/bookings.ts';
import type { BookingSettings } from '../../api/workshop-bookings.ts';
import { heldTime } from '../../components/booking-facts.tsx';
import { BOOKING_STATUS_COLORS } from '../../components/booking-status-badge.tsx';
import {
  formatDay,
  formatShortDay,
  formatWallTime,
  type LocalDate,
  timeOfDay,
} from '../../components/booking-time.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { type DayHours, hoursOn, type PlacedItem, placeOnDay, visibleMinutes } from './calendar-layout.ts';

/** Height of one minute on screen: an hour is 72 pixels, a 15-minute slot 18. */
const PX_PER_MINUTE = 1.2;
const HEADER_HEIGHT = 44;
const AXIS_WIDTH = 52;

interface DayColumnProps {
  date: LocalDate;
  hours: DayHours;
  placed: PlacedItem<Booking>[];
  range: { from: number; to: number };
}

function DayColumn({ date, hours, placed, range }: DayColumnProps) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const headingId = useId();
  const height = (range.to - range.from) * PX_PER_MINUTE;
  const top = (minute: number) => (Math.max(minute, range.from) - range.from) * PX_PER_MINUTE;
  const hourLines = [];
  for (let minute = range.from + 60; minute < range.to; minute += 60) hourLines.push(minute);

  return (
    <Box component="section" aria-labelledby={headingId} style={{ minWidth: 0 }}>
      <Box h={HEADER_HEIGHT} px={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
        <Title order={3} size="sm" id={headingId}>
          <span aria-hidden="true">{formatShortDay(date, language)}</span>
          <VisuallyHidden>{formatDay(date, language)}</VisuallyHidden>
        </Title>
        {hours.isClosed ? (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {hours.note ? bt('workshop.closedNote', { note: hours.note }) : bt('workshop.closed')}
          </Text>
        ) : null}
      </Box>
      <Box
        pos="relative"
        h={height}
        // Outside opening hours is shaded; the open periods are drawn white over it.
        bg="gray.1"
        style={{ borderInlineStart: '1px solid var(--mantine-color-gray-4)' }}
      >
        {hours.open.map((open) => (
          <Box
            key={open.from}
            aria-hidden="true"
            pos="absolute"
            left={0}
            right={0}
            top={top(open.from)}
            h={top(Math.min(open.to, range.to)) - top(open.from)}
            bg="white"
          />
        ))}
        {hourLines.map((minute) => (
          <Box
            key={minute}
            aria-hidden="true"
            pos="absolute"
            left={0}
            right={0}
            top={top(minute)}
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
          />
        ))}
        {placed.length === 0 ? (
          <VisuallyHidden>{bt('workshop.noBookings')}</VisuallyHidden>
        ) : (
          <Box
            component="ul"
            aria-label={formatDay(date, language)}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {placed.map((part) => (
              <CalendarBlock key={part.item.id} part={part} top={top(part.startMinute)} range={range} />
            ))}
          </Box>
        )}
      </Box>
    </Box>
  );
}

function CalendarBlock({
  part,
  top,
  range,
}: {
  part: PlacedItem<Booking>;
  top: number;
  range: { from: number; to: number };
}) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const booking = part.item;
  const held = heldTime(booking);
  const height = Math.max(
    (Math.min(part.endMinute, range.to) - Math.max(part.startMinute, range.from)) * PX_PER_MINUTE - 2,
    20,
  );
  const width = 100 / part.lanes;
  return (
    <Box
      component="li"
      pos="absolute"
      top={top + 1}
      h={height}
      style={{ left: `calc(${part.lane * width}% + 2px)`, width: `calc(${width}% - 4px)` }}
    >
      <AnchorLink
        from="/workshop/bookings"
        to="/workshop/bookings"
        search={(previous) => ({ ...previous, booking: booking.id })}
        display="block"
        h="100%"
        px={4}
        py={2}
        fz="xs"
        lh={1.25}
        c="white"
        underline="never"
        style={{
          background: BOOKING_STATUS_COLORS[booking.status],
          borderRadius: 'var(--mantine-radius-sm)',
          overflow: 'hidden',
          // A proposal holds the time it proposes, not yet agreed: drawn with a dashed edge.
          border: booking.status === 'proposed' ? '2px dashed white' : undefined,
        }}
      >
        <Text span fw={700} inherit>
          {`${formatWallTime(held.start, language)}–${formatWallTime(held.end, language)}`}
        </Text>{' '}
        <Text span inherit>
          {booking.vehicle.registrationNumber}
        </Text>{' '}
        <Text span inherit>
          {bt(`status.${booking.status}`)}
        </Text>
      </AnchorLink>
    </Box>
  );
}

interface BookingCalendarProps {
  /** One day (the day view) or seven (the week view), in order. */
  days: LocalDate[];
  bookings: Booking[];
  settings: BookingSettings;
  /** Names the calendar, e.g. "Bookings at Nørre Auto: 2 to 8 March 2026". */
  label: string;
}

/**
 * The workshop's day or week: a column per day over its hours, opening hours white and the rest
 * shaded, closed days marked, and each booking a block at the time it holds a bay (a proposal at
 * its proposed time), overlapping ones side by side. Each block opens the booking. On a narrow
 * screen the week scrolls sideways inside its own box, never the page.
 */
export function BookingCalendar({ days, bookings, settings, label }: BookingCalendarProps) {
  const columns = days.map((date) => ({
    date,
    hours: hoursOn(date, settings),
    placed: placeOnDay(bookings, date, heldTime),
  }));
  const range = visibleMinutes(
    columns.map((column) => column.hours),
    columns.flatMap((column) => column.placed),
  );
  const axis = [];
  for (let minute = range.from; minute < range.to; minute += 60) axis.push(minute);
  const isWeek = days.length > 1;

  return (
    <Box
      component="section"
      aria-label={label}
      // Focusable, so the keyboard can scroll the week when it is wider than the screen; positioned,
      // so its visually hidden day names scroll (and are clipped) with it instead of widening the page.
      tabIndex={0}
      pos="relative"
      style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
    >
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: `${AXIS_WIDTH}px repeat(${days.length}, minmax(${isWeek ? 96 : 200}px, 1fr))`,
          minWidth: isWeek ? AXIS_WIDTH + days.length * 96 : undefined,
        }}
      >
        {/* The hours stay in sight while a wide week scrolls sideways. */}
        <Stack gap={0} aria-hidden="true" bg="white" style={{ position: 'sticky', left: 0, zIndex: 1 }}>
          <Box h={HEADER_HEIGHT} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }} />
          <Box pos="relative" h={(range.to - range.from) * PX_PER_MINUTE}>
            {axis.map((minute) => (
              <Text
                key={minute}
                size="xs"
                c="dimmed"
                pos="absolute"
                top={(minute - range.from) * PX_PER_MINUTE}
                right={6}
                lh={1}
                mt={2}
              >
                {timeOfDay(minute)}
              </Text>
            ))}
          </Box>
        </Stack>
        {columns.map((column) => (
          <DayColumn
            key={column.date}
            date={column.date}
            hours={column.hours}
            placed={column.placed}
            range={range}
          />
        ))}
      </Box>
    </Box>
  );
}
