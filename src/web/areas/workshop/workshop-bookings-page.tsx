import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOKING_STATUSES, type BookingStatus } from '../../../shared/booking.ts';
import type { Booking } from '../../api/bookings.ts';
import type { StaffMembership } from '../../api/session.ts';
import {
  type BookingSettings,
  bookingSettingsKey,
  fetchBookingSettings,
  fetchWorkshopBookings,
  workshopBookingListKey,
} from '../../api/workshop-bookings.ts';
import { heldTime, serviceSummary } from '../../components/booking-facts.tsx';
import { BookingStatusBadge } from '../../components/booking-status-badge.tsx';
import {
  addDays,
  formatAppointment,
  formatDay,
  isLocalDate,
  type LocalDate,
  localDateIn,
  startOfWeek,
  zoneLabel,
} from '../../components/booking-time.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { PagedResults, usePagedList } from '../../components/paged-results.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { BookingCalendar } from './booking-calendar.tsx';
import { BookingPanel } from './booking-panel.tsx';
import {
  chooseWorkshop,
  parseWorkshopSearch,
  type WorkshopSearch,
  workshopMemberships,
} from './workshop-access.ts';
import { WorkshopChoice } from './workshop-choice.tsx';

/** New requests come in while the page is open; a minute late is soon enough for a calendar. */
const REFRESH_MS = 60_000;
/** How many days the list shows from its date. */
const LIST_DAYS = 28;
/** The statuses that hold a bay: what the calendar draws, and what the list shows at first. */
const HOLDING: readonly BookingStatus[] = ['requested', 'proposed', 'confirmed'];

export type BookingsView = 'day' | 'week' | 'list';
const VIEWS: readonly BookingsView[] = ['day', 'week', 'list'];

/** The bookings page's address: which workshop, view and day, the list's statuses, the open booking. */
export interface BookingsSearch extends WorkshopSearch {
  view?: BookingsView;
  /** `YYYY-MM-DD` at the workshop; today there when missing. */
  date?: string;
  /** The list's statuses, comma-separated; `none` for none; the open ones when missing. */
  status?: string;
  /** The booking shown in the dialog. */
  booking?: string;
}

/** Keeps only values of the right shape; every key is always returned, as the router wants. */
export function parseBookingsSearch(search: Record<string, unknown>): BookingsSearch {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const view = text(search.view);
  const date = text(search.date);
  return {
    ...parseWorkshopSearch(search),
    view: VIEWS.find((candidate) => candidate === view),
    date: date && isLocalDate(date) ? date : undefined,
    status: text(search.status),
    booking: text(search.booking),
  };
}

/** The list's statuses from the address. */
function statusesOf(status: string | undefined): readonly BookingStatus[] {
  if (status === undefined) return HOLDING;
  return BOOKING_STATUSES.filter((candidate) => status.split(',').includes(candidate));
}

/** Every booking overlapping the days (a week holds far fewer than one page, but to be sure). */
async function fetchAllBookings(workshopId: string, from: LocalDate, to: LocalDate): Promise<Booking[]> {
  const items: Booking[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchWorkshopBookings(workshopId, { from, to, statuses: HOLDING, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

interface PeriodProps {
  workshop: StaffMembership;
  settings: BookingSettings;
  from: LocalDate;
  to: LocalDate;
}

function CalendarView({ workshop, settings, from, to, days }: PeriodProps & { days: LocalDate[] }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const language = currentLanguage();
  const workshopId = workshop.organizationId;
  const query = useQuery({
    queryKey: workshopBookingListKey(workshopId, { from, to }, HOLDING),
    queryFn: () => fetchAllBookings(workshopId, from, to),
    refetchInterval: REFRESH_MS,
  });
  if (query.isPending) {
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={bt('workshop.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void query.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }
  const period =
    from === to
      ? formatDay(from, language)
      : bt('workshop.period', { from: formatDay(from, language), to: formatDay(to, language) });
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap" aria-hidden="true">
        <Text size="sm">{bt('workshop.legend')}</Text>
        {HOLDING.map((status) => (
          <BookingStatusBadge key={status} status={status} />
        ))}
      </Group>
      <BookingCalendar
        days={days}
        bookings={query.data}
        settings={settings}
        label={bt('workshop.calendarLabel', { workshop: workshop.organizationName, period })}
      />
    </Stack>
  );
}

function ListView({ workshop, from, to, status }: PeriodProps & { status: string | undefined }) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const navigate = useNavigate();
  const workshopId = workshop.organizationId;
  const statuses = statusesOf(status);
  const query = usePagedList(workshopBookingListKey(workshopId, { from, to }, statuses), (cursor) =>
    fetchWorkshopBookings(workshopId, { from, to, statuses, cursor }),
  );
  const columns: DataColumn<Booking>[] = [
    {
      key: 'when',
      header: bt('workshop.when'),
      cell: (booking) => {
        const held = heldTime(booking);
        return (
          <AnchorLink
            from="/workshop/bookings"
            to="/workshop/bookings"
            search={(previous) => ({ ...previous, booking: booking.id })}
            fw={600}
            underline="always"
          >
            {formatAppointment(held.start, held.end, language)}
          </AnchorLink>
        );
      },
    },
    {
      key: 'vehicle',
      header: bt('workshop.vehicle'),
      cell: (booking) =>
        `${booking.vehicle.registrationNumber} · ${booking.vehicle.make} ${booking.vehicle.model}`,
    },
    {
      key: 'services',
      header: bt('workshop.services'),
      cell: (booking) => serviceSummary(booking.serviceTypes, bt, language),
    },
    {
      key: 'status',
      header: bt('workshop.status'),
      cell: (booking) => <BookingStatusBadge status={booking.status} />,
    },
    { key: 'bookedBy', header: bt('workshop.bookedBy'), cell: (booking) => booking.booker.name },
  ];

  return (
    <Stack gap="md">
      <Checkbox.Group
        label={bt('workshop.statusFilter')}
        value={[...statuses]}
        onChange={(chosen) =>
          void navigate({
            to: '/workshop/bookings',
            search: (previous) => ({ ...previous, status: chosen.length > 0 ? chosen.join(',') : 'none' }),
            replace: true,
          })
        }
      >
        <Group gap="md" mt="xs">
          {BOOKING_STATUSES.map((candidate) => (
            <Checkbox key={candidate} value={candidate} label={bt(`status.${candidate}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Text c="dimmed">
        {bt('workshop.listPeriod', { from: formatDay(from, language), to: formatDay(to, language) })}
      </Text>
      {statuses.length === 0 ? (
        <Text>{bt('workshop.noStatus')}</Text>
      ) : (
        <PagedResults
          query={query}
          isSearching={false}
          emptyTitle={bt('workshop.emptyTitle')}
          emptyDescription={bt('workshop.empty')}
        >
          {(bookings) => (
            <DataTable
              label={bt('workshop.listLabel', { workshop: workshop.organizationName })}
              columns={columns}
              items={bookings}
              rowKey={(booking) => booking.id}
            />
          )}
        </PagedResults>
      )}
    </Stack>
  );
}

function Bookings({ workshop, search }: { workshop: StaffMembership; search: BookingsSearch }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const me = useAreaMe();
  const navigate = useNavigate();
  const viewLabelId = useId();
  const isPhone = useIsPhone();
  const workshopId = workshop.organizationId;
  const settings = useQuery({
    queryKey: bookingSettingsKey(workshopId),
    queryFn: () => fetchBookingSettings(workshopId),
  });
  const go = (changes: Partial<BookingsSearch>, replace = false) =>
    void navigate({ to: '/workshop/bookings', search: (previous) => ({ ...previous, ...changes }), replace });

  if (settings.isPending) {
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (settings.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={bt('workshop.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void settings.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }

  const timeZone = settings.data.timeZone;
  const today = localDateIn(new Date(), timeZone);
  // A phone shows one day at first: a week is wider than its screen.
  const view = search.view ?? (isPhone ? 'day' : 'week');
  const date = search.date ?? today;
  // The list starts with the week too, so switching from the week view keeps that week in sight.
  const first = view === 'day' ? date : startOfWeek(date);
  const length = view === 'day' ? 1 : view === 'week' ? 7 : LIST_DAYS;
  const days = Array.from({ length }, (_, index) => addDays(first, index));
  const last = days.at(-1) ?? first;
  const step = { day: 1, week: 7, list: LIST_DAYS }[view];
  const labels = {
    day: [bt('workshop.previousDay'), bt('workshop.nextDay')],
    week: [bt('workshop.previousWeek'), bt('workshop.nextWeek')],
    list: [bt('workshop.previousPeriod'), bt('workshop.nextPeriod')],
  }[view];
  const isManager = workshop.roles.includes('workshop_admin');
  const period = { workshop, settings: settings.data, from: first, to: last };

  return (
    <Stack gap="md">
      <Text>{bt('workshop.intro', { workshop: workshop.organizationName })}</Text>
      {settings.data.updatedAt === null ? (
        <Alert color="blue" title={bt('workshop.noHoursTitle')}>
          {isManager ? bt('workshop.noHours') : bt('workshop.noHoursReadOnly')}
        </Alert>
      ) : null}
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={viewLabelId}>
            {bt('workshop.viewLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby={viewLabelId}
            value={view}
            onChange={(value) => go({ view: VIEWS.find((candidate) => candidate === value) }, true)}
            data={VIEWS.map((value) => ({ value, label: bt(`workshop.${value}`) }))}
          />
        </Stack>
        <TextInput
          type="date"
          label={bt('workshop.date')}
          value={date}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isLocalDate(value)) go({ date: value });
          }}
          w="11rem"
        />
        <Group gap="xs">
          <Button variant="default" onClick={() => go({ date: addDays(date, -step) })}>
            {labels[0]}
          </Button>
          <Button variant="default" onClick={() => go({ date: undefined })} disabled={date === today}>
            {bt('workshop.today')}
          </Button>
          <Button variant="default" onClick={() => go({ date: addDays(date, step) })}>
            {labels[1]}
          </Button>
        </Group>
      </Group>
      <Text fw={600}>{bt('workshop.zone', { zone: zoneLabel(timeZone) })}</Text>
      {view === 'list' ? (
        <ListView {...period} status={search.status} />
      ) : (
        <CalendarView {...period} days={days} />
      )}
      <BookingPanel
        workshopId={workshopId}
        bookingId={search.booking}
        canManage={me.permissions.includes('booking.manage')}
        onClose={() => go({ booking: undefined })}
      />
    </Stack>
  );
}

/**
 * The workshop's bookings (SPEC §7): a day or week calendar of its hours with each booking a
 * block, or a list with a status filter; each booking opens in a dialog to confirm, decline or
 * propose another time.
 */
export function WorkshopBookingsPage() {
  const bt = useBookingTexts();
  const me = useAreaMe();
  const navigate = useNavigate();
  const search = useSearch({ from: '/workshop/bookings' });
  const memberships = workshopMemberships(me);
  const workshop = chooseWorkshop(me, search.workshop);
  const isManager = workshop?.roles.includes('workshop_admin') ?? false;

  return (
    <Page
      title={bt('workshop.title')}
      actions={
        workshop && isManager ? (
          <ButtonLink
            to="/workshop/booking-settings"
            search={{ workshop: workshop.organizationId }}
            variant="default"
          >
            {bt('workshop.settingsNav')}
          </ButtonLink>
        ) : undefined
      }
    >
      {memberships.length > 1 && workshop ? (
        <WorkshopChoice
          memberships={memberships}
          workshopId={workshop.organizationId}
          onChange={(workshopId) =>
            void navigate({ to: '/workshop/bookings', search: { workshop: workshopId }, replace: true })
          }
        />
      ) : null}
      {workshop ? (
        <Bookings key={workshop.organizationId} workshop={workshop} search={search} />
      ) : (
        <NothingYet title={bt('workshop.emptyTitle')} description={bt('workshop.empty')} />
      )}
    </Page>
  );
}
