import { Alert, Button, Card, Fieldset, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { StaffMembership } from '../../api/session.ts';
import {
  type BookingSettings,
  type BookingSettingsBody,
  bookingSettingsKey,
  fetchBookingSettings,
  SETTINGS_LIMITS,
  saveBookingSettings,
} from '../../api/workshop-bookings.ts';
import { formatInZone, isLocalDate, weekdayName, zoneLabel } from '../../components/booking-time.ts';
import { DoneNotice } from '../../components/done-notice.tsx';
import { formatCalendarDate } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { generalProblemMessage } from '../../components/problem-messages.ts';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAreaMe } from '../area-me.tsx';
import {
  checkDraft,
  type DraftErrors,
  draftOf,
  type HoursRow,
  newRowKey,
  type SettingsDraft,
  WEEKDAYS,
} from './booking-settings-draft.ts';
import { ServiceTypesSection } from './service-types-section.tsx';
import { workshopMemberships } from './workshop-access.ts';
import { WorkshopChoice } from './workshop-choice.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

interface WeekdayHoursProps {
  weekday: number;
  rows: HoursRow[];
  errors: DraftErrors;
  onChange: (rows: HoursRow[]) => void;
}

/** One weekday's opening periods: each a pair of times with its own Remove, then "Add hours". */
function WeekdayHours({ weekday, rows, errors, onChange }: WeekdayHoursProps) {
  const bt = useBookingTexts();
  const day = weekdayName(weekday, currentLanguage());
  const update = (key: number, change: Partial<HoursRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () =>
    onChange([
      ...rows,
      // The first period of a day starts as a usual working day; later ones are left to type.
      rows.length === 0
        ? { key: newRowKey(), opens: '08:00', closes: '16:00' }
        : { key: newRowKey(), opens: '', closes: '' },
    ]);
  return (
    <Fieldset legend={day} variant="unstyled" p={0} styles={{ legend: { fontWeight: 700 } }}>
      <Stack gap="xs">
        {rows.length === 0 ? <Text c="dimmed">{bt('settings.closedDay')}</Text> : null}
        {rows.map((row) => {
          const error = errors[`hours.${weekday}.${row.key}`];
          return (
            <Group key={row.key} gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={bt('settings.opens')}
                aria-label={bt('settings.opensOn', { day })}
                placeholder="08:00"
                inputMode="numeric"
                autoComplete="off"
                value={row.opens}
                onChange={(event) => update(row.key, { opens: event.currentTarget.value })}
                error={error ? true : undefined}
                w="7rem"
              />
              <TextInput
                label={bt('settings.closes')}
                aria-label={bt('settings.closesOn', { day })}
                placeholder="16:00"
                inputMode="numeric"
                autoComplete="off"
                value={row.closes}
                onChange={(event) => update(row.key, { closes: event.currentTarget.value })}
                error={error ? true : undefined}
                w="7rem"
              />
              <Button
                variant="default"
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                aria-label={bt('settings.removeHoursOn', { day, opens: row.opens, closes: row.closes })}
              >
                {bt('settings.removeHours')}
              </Button>
              {error ? (
                <Text c="red.8" size="sm" role="alert" w="100%">
                  {bt(error.key, error.values)}
                </Text>
              ) : null}
            </Group>
          );
        })}
        <Group>
          <Button
            variant="subtle"
            size="compact-md"
            onClick={add}
            aria-label={bt('settings.addHoursOn', { day })}
          >
            {bt('settings.addHours')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function ClosedDates({
  dates,
  errors,
  onChange,
}: {
  dates: SettingsDraft['closedDates'];
  errors: DraftErrors;
  onChange: (dates: SettingsDraft['closedDates']) => void;
}) {
  const bt = useBookingTexts();
  const language = currentLanguage();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const add = () => {
    if (!isLocalDate(date)) return setError(bt('settings.closedDateInvalid'));
    if (dates.some((closed) => closed.date === date)) return setError(bt('settings.closedDateTwice'));
    setError(undefined);
    onChange([...dates, { date, note: note.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setDate('');
    setNote('');
  };
  return (
    <Stack gap="sm">
      <Text c="dimmed">{bt('settings.closedIntro')}</Text>
      {dates.length === 0 ? (
        <Text>{bt('settings.closedNone')}</Text>
      ) : (
        <Stack
          component="ul"
          aria-label={bt('settings.closedListLabel')}
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {dates.map((closed, index) => {
            const shown = formatCalendarDate(closed.date, language);
            const rowError = errors[`closedDates.${index}`];
            return (
              <Card component="li" key={closed.date} withBorder padding="xs" radius="sm">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Stack gap={0}>
                    <Text fw={600}>{shown}</Text>
                    {closed.note ? <Text size="sm">{closed.note}</Text> : null}
                    {rowError ? (
                      <Text c="red.8" size="sm" role="alert">
                        {bt(rowError.key, rowError.values)}
                      </Text>
                    ) : null}
                  </Stack>
                  <Button
                    variant="default"
                    size="compact-md"
                    onClick={() => onChange(dates.filter((other) => other !== closed))}
                    aria-label={bt('settings.removeClosed', { date: shown })}
                  >
                    {bt('settings.removeHours')}
                  </Button>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={bt('settings.closedDate')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={error}
          errorProps={{ role: 'alert' }}
          w="11rem"
        />
        <TextInput
          label={bt('settings.closedNote')}
          value={note}
          maxLength={SETTINGS_LIMITS.closedDateNoteLength}
          onChange={(event) => setNote(event.currentTarget.value)}
          miw="12rem"
        />
        <Button variant="default" onClick={add} mt={25}>
          {bt('settings.addClosed')}
        </Button>
      </Group>
    </Stack>
  );
}

function SettingsForm({ workshopId, settings }: { workshopId: string; settings: BookingSettings }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: BookingSettingsBody) => saveBookingSettings(workshopId, body),
    onMutate: () => setSaved(null),
    onSuccess: (answer) => {
      queryClient.setQueryData(bookingSettingsKey(workshopId), answer);
      setSaved(bt('settings.saved'));
    },
  });
  const change = (changes: Partial<SettingsDraft>) => setDraft((previous) => ({ ...previous, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    setErrors(checked.errors);
    if (checked.body) save.mutate(checked.body);
  };
  const hasErrors = Object.keys(errors).length > 0;
  const problem =
    save.error instanceof ApiError && save.error.code === 'validation_failed'
      ? bt('settings.invalid')
      : save.error
        ? generalProblemMessage(save.error, t)
        : undefined;
  const numberError = (field: string) => {
    const error = errors[field];
    return error ? bt(error.key, error.values) : undefined;
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xl">
        <Stack gap="xs">
          <Text>{bt('settings.intro')}</Text>
          <Text fw={600}>{bt('settings.zone', { zone: zoneLabel(settings.timeZone) })}</Text>
          {settings.updatedAt ? (
            <Text size="sm" c="dimmed">
              {bt('settings.savedAt', {
                date: formatInZone(settings.updatedAt, settings.timeZone, language),
              })}
            </Text>
          ) : (
            <Alert color="blue">{bt('settings.notSaved')}</Alert>
          )}
        </Stack>
        <DoneNotice message={saved} onDismiss={() => setSaved(null)} />

        <Section title={bt('settings.hoursHeading')}>
          <Text c="dimmed">{bt('settings.hoursIntro')}</Text>
          <Stack gap="md">
            {WEEKDAYS.map((weekday) => (
              <WeekdayHours
                key={weekday}
                weekday={weekday}
                rows={draft.hours[weekday] ?? []}
                errors={errors}
                onChange={(rows) => change({ hours: { ...draft.hours, [weekday]: rows } })}
              />
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  change({
                    hours: Object.fromEntries(
                      WEEKDAYS.map((weekday) => [
                        weekday,
                        weekday >= 2 && weekday <= 5
                          ? (draft.hours[1] ?? []).map((row) => ({ ...row, key: newRowKey() }))
                          : (draft.hours[weekday] ?? []),
                      ]),
                    ),
                  })
                }
              >
                {bt('settings.copyWeekdays')}
              </Button>
            </Group>
          </Stack>
        </Section>

        <Section title={bt('settings.closedHeading')}>
          <ClosedDates
            dates={draft.closedDates}
            errors={errors}
            onChange={(closedDates) => change({ closedDates })}
          />
        </Section>

        <Section title={bt('settings.slotsHeading')}>
          <Group gap="md" align="flex-start" wrap="wrap">
            <TextInput
              label={bt('settings.slotMinutes')}
              description={bt('settings.slotHint')}
              inputMode="numeric"
              value={draft.slotMinutes}
              onChange={(event) => change({ slotMinutes: event.currentTarget.value })}
              error={numberError('slotMinutes')}
              errorProps={{ role: 'alert' }}
              w="16rem"
            />
            <TextInput
              label={bt('settings.capacity')}
              description={bt('settings.capacityHint')}
              inputMode="numeric"
              value={draft.capacity}
              onChange={(event) => change({ capacity: event.currentTarget.value })}
              error={numberError('capacity')}
              errorProps={{ role: 'alert' }}
              w="16rem"
            />
            <TextInput
              label={bt('settings.cutoff')}
              description={bt('settings.cutoffHint')}
              inputMode="numeric"
              value={draft.cutoffHours}
              onChange={(event) => change({ cutoffHours: event.currentTarget.value })}
              error={numberError('cutoffHours')}
              errorProps={{ role: 'alert' }}
              w="16rem"
            />
          </Group>
        </Section>

        {hasErrors ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {bt('settings.fixFirst')}
          </Alert>
        ) : null}
        {problem ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {problem}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {bt('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WorkshopSettings({ workshop }: { workshop: StaffMembership }) {
  const { t } = useTranslation();
  const bt = useBookingTexts();
  const workshopId = workshop.organizationId;
  const settings = useQuery({
    queryKey: bookingSettingsKey(workshopId),
    queryFn: () => fetchBookingSettings(workshopId),
  });
  return (
    <Stack gap="xl">
      {settings.isPending ? (
        <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
      ) : settings.isError ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={bt('settings.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button onClick={() => void settings.refetch()}>{t('session.retry')}</Button>
        </Stack>
      ) : (
        // Loaded once per workshop: a save keeps what was typed (it is what was saved).
        <SettingsForm workshopId={workshopId} settings={settings.data} />
      )}
      <ServiceTypesSection workshop={workshop} />
    </Stack>
  );
}

/**
 * A workshop admin's booking settings (SPEC §2, §7): opening hours per weekday, closed dates, slot
 * length, bays and the cancellation cut-off, all on the workshop's clock; and its service types.
 */
export function BookingSettingsPage() {
  const bt = useBookingTexts();
  const me = useAreaMe();
  const navigate = useNavigate();
  const search = useSearch({ from: '/workshop/booking-settings' });
  // `GET /me` does not say where a permission reaches: a workshop admin's own workshops are these.
  const managed = workshopMemberships(me).filter((membership) => membership.roles.includes('workshop_admin'));
  const workshop = managed.find((membership) => membership.organizationId === search.workshop) ?? managed[0];

  return (
    <Page title={bt('settings.title')}>
      {managed.length > 1 && workshop ? (
        <WorkshopChoice
          memberships={managed}
          workshopId={workshop.organizationId}
          onChange={(workshopId) =>
            void navigate({
              to: '/workshop/booking-settings',
              search: { workshop: workshopId },
              replace: true,
            })
          }
        />
      ) : null}
      {workshop ? (
        <WorkshopSettings key={workshop.organizationId} workshop={workshop} />
      ) : (
        <Text>{bt('settings.onlyAdmins')}</Text>
      )}
    </Page>
  );
}
