import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppNotification, NotificationBase } from '../../api/notifications.ts';
import { alarmName } from '../../components/alarm-list.tsx';
import { formatCalendarDate, formatDateTime, formatKilometres } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { type BookingT, useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import { appProblemMessage } from './app-problem-messages.ts';
import { BookingNoticeDetails, bookingNoticeText } from './booking-notice.tsx';
import { sharingLevelName } from './sharing-level-choice.tsx';
import { type AppT, useAppTexts } from './use-app-texts.ts';
import { useMarkRead, useNotificationList } from './use-notifications.ts';

/** A car as a notice names it: its registration number, or that it is no longer the reader's. */
function carOf(notification: AppNotification, at: AppT): string {
  return notification.vehicle?.registrationNumber ?? at('notifications.goneCar');
}

/** A notice in words, from the reader's point of view ("You changed…" for their own change). */
function noticeText(
  notification: AppNotification,
  myUserId: string,
  at: AppT,
  t: TFunction,
  bt: BookingT,
): string {
  const language = currentLanguage();
  switch (notification.kind) {
    case 'sharing_level_changed': {
      const level = sharingLevelName(notification.data.level, at);
      const name = notification.data.changedBy.name;
      const isMine = notification.data.changedBy.id === myUserId;
      if (!notification.vehicle) {
        return isMine
          ? at('notifications.sharingChangedGoneByYou', { level })
          : at('notifications.sharingChangedGone', { name, level });
      }
      const plate = notification.vehicle.registrationNumber;
      return isMine
        ? at('notifications.sharingChangedByYou', { plate, level })
        : at('notifications.sharingChanged', { name, plate, level });
    }
    case 'warning_light_on': {
      const light = alarmName(notification.data.code, t);
      return notification.vehicle
        ? at('notifications.warningLight', { plate: notification.vehicle.registrationNumber, light })
        : at('notifications.warningLightGone', { light });
    }
    case 'maintenance_due': {
      const { dueDate, dueMileageKm, workshop } = notification.data;
      const values = {
        workshop: workshop.name,
        plate: carOf(notification, at),
        date: dueDate ? formatCalendarDate(dueDate, language) : '',
        mileage: dueMileageKm === null ? '' : formatKilometres(dueMileageKm, language),
      };
      if (dueDate && dueMileageKm !== null) return at('notifications.maintenanceByBoth', values);
      return dueDate
        ? at('notifications.maintenanceByDate', values)
        : at('notifications.maintenanceByMileage', values);
    }
    case 'booking_changed':
      // Mid-sentence here, without the comma the Danish wording of a gone car ends on.
      return bookingNoticeText(notification, myUserId, carOf(notification, at).replace(/,$/, ''), bt);
    default: {
      // A kind this app does not know yet (a newer server's): say only that something happened.
      const { vehicle } = notification as NotificationBase;
      return vehicle
        ? at('notifications.other', { plate: vehicle.registrationNumber })
        : at('notifications.otherGone');
    }
  }
}

/**
 * What a notice adds below its sentence: the light's description and since when, the note, or
 * the reason a booking was declined and the way to the booking.
 */
function NoticeDetails({ notification }: { notification: AppNotification }) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const bt = useBookingTexts();
  if (notification.kind === 'booking_changed') {
    return <BookingNoticeDetails notice={notification} bt={bt} />;
  }
  if (notification.kind === 'warning_light_on') {
    return (
      <>
        {notification.data.description ? <Text size="sm">{notification.data.description}</Text> : null}
        <Text size="sm">
          {t('alarms.since', { date: formatDateTime(notification.data.since, currentLanguage()) })}
        </Text>
      </>
    );
  }
  if (notification.kind === 'maintenance_due') {
    return (
      <>
        {notification.data.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {at('notifications.maintenanceNote', { note: notification.data.note })}
          </Text>
        ) : null}
        <Text size="sm">
          {at('notifications.maintenanceSentBy', { name: notification.data.sentBy.name })}
        </Text>
      </>
    );
  }
  return null;
}

function NotificationItem({
  notification,
  onMarkRead,
  isMarking,
}: {
  notification: AppNotification;
  onMarkRead: () => void;
  isMarking: boolean;
}) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const bt = useBookingTexts();
  const me = useAreaMe();
  const textId = useId();
  const isUnread = notification.readAt === null;
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      radius="md"
      style={isUnread ? { borderInlineStart: '4px solid var(--mantine-color-blue-8)' } : undefined}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text id={textId} fw={isUnread ? 600 : 400}>
            {noticeText(notification, me.user.id, at, t, bt)}
          </Text>
          {isUnread ? (
            <Badge color="blue.8" variant="filled" radius="sm" tt="none" miw="max-content">
              {at('notifications.unread')}
            </Badge>
          ) : null}
        </Group>
        <NoticeDetails notification={notification} />
        <Text size="sm" c="dimmed">
          {formatDateTime(notification.createdAt, currentLanguage())}
        </Text>
        {isUnread ? (
          <Group>
            <Button
              size="compact-md"
              variant="default"
              onClick={onMarkRead}
              loading={isMarking}
              aria-describedby={textId}
            >
              {at('notifications.markRead')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * The person's notices (a changed data-sharing level, a warning light that came on, service due
 * from the workshop, a service booking that changed), newest first, with unread ones marked and "Mark as read". A server without
 * notifications (404) gets a calm note, no error.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const at = useAppTexts();
  const list = useNotificationList();
  const markRead = useMarkRead();
  const title = at('notifications.title');

  if (list.isPending) {
    return (
      <Page title={title}>
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      </Page>
    );
  }
  if (list.isError) {
    return (
      <Page title={title}>
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button onClick={() => void list.refetch()}>{t('session.retry')}</Button>
        </Stack>
      </Page>
    );
  }
  const [first] = list.data.pages;
  if (!first) {
    return (
      <Page title={title}>
        <NothingYet
          title={at('notifications.unavailableTitle')}
          description={at('notifications.unavailable')}
        />
      </Page>
    );
  }
  const items = list.data.pages.flatMap((page) => page?.items ?? []);
  const markingId = markRead.isPending ? markRead.variables : null;
  return (
    <Page
      title={title}
      actions={
        first.unreadCount > 0 ? (
          <Button
            variant="default"
            onClick={() => markRead.mutate(undefined)}
            loading={markRead.isPending && markRead.variables === undefined}
          >
            {at('notifications.markAllRead')}
          </Button>
        ) : undefined
      }
    >
      {markRead.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {appProblemMessage(markRead.error, t, at)}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <NothingYet title={at('notifications.emptyTitle')} description={at('notifications.empty')} />
      ) : (
        <Stack
          component="ul"
          aria-label={at('notifications.listLabel')}
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              onMarkRead={() => markRead.mutate(notification.id)}
              isMarking={markingId === notification.id}
            />
          ))}
        </Stack>
      )}
      {list.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('lists.showMore')}
          </Button>
        </Group>
      ) : null}
    </Page>
  );
}
