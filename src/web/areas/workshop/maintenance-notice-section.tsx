import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  fetchMaintenanceNotices,
  MAX_NOTICE_NOTE_LENGTH,
  type MaintenanceNotice,
  type MaintenanceNoticeBody,
  maintenanceNoticesKey,
  sendMaintenanceNotice,
} from '../../api/maintenance-notices.ts';
import type { WorkshopVehicle } from '../../api/vehicles.ts';
import { DoneNotice } from '../../components/done-notice.tsx';
import { formatCalendarDate, formatDateTime, formatKilometres } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import {
  type FieldErrors,
  generalProblemMessage,
  invalidFieldsOf,
} from '../../components/problem-messages.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { isCalendarDate, parseMileage } from './maintenance-checks.ts';
import { useWorkshopTexts } from './use-workshop-texts.ts';

type WorkshopT = ReturnType<typeof useWorkshopTexts>;

/** "Due by 15 March 2026", "Due at 30,000 km" or both. */
function dueText(notice: Pick<MaintenanceNotice, 'dueDate' | 'dueMileageKm'>, wt: WorkshopT): string {
  const language = currentLanguage();
  const date = notice.dueDate ? formatCalendarDate(notice.dueDate, language) : '';
  const mileage = notice.dueMileageKm === null ? '' : formatKilometres(notice.dueMileageKm, language);
  if (date && mileage) return wt('maintenance.dueByBoth', { date, mileage });
  return date ? wt('maintenance.dueByDate', { date }) : wt('maintenance.dueAtMileage', { mileage });
}

interface NoticeFormProps {
  workshopId: string;
  vehicle: WorkshopVehicle;
  onSent: (message: string) => void;
}

/** Due date and/or due mileage (at least one) and an optional note; sent to every user. */
function NoticeForm({ workshopId, vehicle, onSent }: NoticeFormProps) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const queryClient = useQueryClient();
  const [dueDate, setDueDate] = useState('');
  const [mileage, setMileage] = useState('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const plate = vehicle.registrationNumber;
  const send = useMutation({
    mutationFn: (body: MaintenanceNoticeBody) => sendMaintenanceNotice(workshopId, vehicle.id, body),
    onSuccess: async ({ recipients }) => {
      setDueDate('');
      setMileage('');
      setNote('');
      onSent(
        recipients === 1
          ? wt('maintenance.sentOne', { plate })
          : wt('maintenance.sentMany', { plate, count: recipients }),
      );
      await queryClient.invalidateQueries({ queryKey: maintenanceNoticesKey(workshopId, vehicle.id) });
    },
  });

  const noteLength = note.trim().length;
  const isNoteTooLong = noteLength > MAX_NOTICE_NOTE_LENGTH;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const km = mileage.trim() ? parseMileage(mileage) : undefined;
    if (!dueDate && !mileage.trim()) errors.dueDate = wt('maintenance.eitherRequired');
    else if (dueDate && !isCalendarDate(dueDate)) errors.dueDate = wt('maintenance.dateInvalid');
    if (mileage.trim() && km === undefined) errors.dueMileageKm = wt('maintenance.mileageInvalid');
    if (isNoteTooLong) errors.note = wt('maintenance.noteTooLong', { max: MAX_NOTICE_NOTE_LENGTH });
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    send.mutate({
      ...(dueDate ? { dueDate } : {}),
      ...(km !== undefined ? { dueMileageKm: km } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  const invalid = invalidFieldsOf(send.error);
  const errors: FieldErrors = {
    dueDate: invalid.has('dueDate')
      ? dueDate
        ? wt('maintenance.dateInvalid')
        : wt('maintenance.eitherRequired')
      : undefined,
    dueMileageKm: invalid.has('dueMileageKm') ? wt('maintenance.mileageInvalid') : undefined,
    note: invalid.has('note') ? wt('maintenance.noteTooLong', { max: MAX_NOTICE_NOTE_LENGTH }) : undefined,
    ...clientErrors,
  };
  const hasNoUsers = send.error instanceof ApiError && send.error.code === 'no_vehicle_users';
  const otherError =
    send.error && invalid.size === 0 && !hasNoUsers ? generalProblemMessage(send.error, t) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw="32rem">
        {hasNoUsers ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {wt('maintenance.noUsers', { plate })}
          </Alert>
        ) : null}
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <Group gap="md" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            type="date"
            label={wt('maintenance.dueDate')}
            description={wt('maintenance.dueDateHint')}
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={errors.dueDate}
            errorProps={{ role: 'alert' }}
            miw="12rem"
          />
          <TextInput
            label={wt('maintenance.dueMileage')}
            description={wt('maintenance.dueMileageHint')}
            inputMode="numeric"
            autoComplete="off"
            value={mileage}
            onChange={(event) => setMileage(event.currentTarget.value)}
            error={errors.dueMileageKm}
            errorProps={{ role: 'alert' }}
            miw="12rem"
          />
        </Group>
        <Textarea
          label={wt('maintenance.note')}
          description={
            <Group component="span" justify="space-between" gap="xs" wrap="wrap">
              <span>{wt('maintenance.noteHint')}</span>
              <Text span size="xs" c={isNoteTooLong ? 'red.8' : 'dimmed'}>
                {wt('maintenance.noteCounter', { count: noteLength, max: MAX_NOTICE_NOTE_LENGTH })}
              </Text>
            </Group>
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autosize
          minRows={2}
          maxRows={8}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={
            errors.note ??
            (isNoteTooLong ? wt('maintenance.noteTooLong', { max: MAX_NOTICE_NOTE_LENGTH }) : undefined)
          }
          errorProps={{ role: 'alert' }}
        />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {wt('maintenance.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SentNotices({ notices, plate }: { notices: MaintenanceNotice[]; plate: string }) {
  const wt = useWorkshopTexts();
  const headingId = useId();
  const language = currentLanguage();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {wt('maintenance.listHeading')}
      </Title>
      {notices.length === 0 ? (
        <Text c="dimmed">{wt('maintenance.none')}</Text>
      ) : (
        <Stack
          component="ul"
          aria-label={wt('maintenance.listLabel', { plate })}
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {notices.map((notice) => (
            <Card component="li" key={notice.id} withBorder padding="sm" radius="md">
              <Stack gap={4}>
                <Text fw={600}>{dueText(notice, wt)}</Text>
                {notice.note ? <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.note}</Text> : null}
                <Text size="sm" c="dimmed">
                  {wt('maintenance.sentLine', {
                    date: formatDateTime(notice.sentAt, language),
                    name: notice.sentBy.name,
                    count: notice.recipients,
                  })}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * Maintenance notices (SPEC §7): the form that tells a vehicle's users service is due, and the
 * notices sent before. Whether this person may send them is the server's to say: a 403 on the
 * list turns the section into a sentence saying so.
 */
export function MaintenanceNoticeSection({
  workshopId,
  vehicle,
}: {
  workshopId: string;
  vehicle: WorkshopVehicle;
}) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const [sent, setSent] = useState<string | null>(null);
  const notices = useQuery({
    queryKey: maintenanceNoticesKey(workshopId, vehicle.id),
    queryFn: () => fetchMaintenanceNotices(workshopId, vehicle.id),
  });

  if (notices.isPending) {
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (notices.isError) {
    if (notices.error instanceof ApiError && notices.error.status === 403) {
      return <Text c="dimmed">{wt('maintenance.forbidden')}</Text>;
    }
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={wt('maintenance.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void notices.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Text>{wt('maintenance.intro', { plate: vehicle.registrationNumber })}</Text>
      <DoneNotice message={sent} onDismiss={() => setSent(null)} />
      <NoticeForm workshopId={workshopId} vehicle={vehicle} onSent={setSent} />
      <SentNotices notices={notices.data.items} plate={vehicle.registrationNumber} />
    </Stack>
  );
}
