import { Alert, Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTS_KEY } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { CUSTOMERS_KEY } from '../../api/customers.ts';
import {
  changeRate,
  fetchRateHistory,
  type RateChange,
  type RateHistory,
  type RateSubject,
  rateHistoryKey,
} from '../../api/reimbursement-rates.ts';
import { DetailsList } from '../../components/details-list.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { generalProblemMessage, invalidFieldsOf } from '../../components/problem-messages.ts';
import { parseRate } from '../../components/rates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { rateLabel } from './customer-labels.ts';

type HistoryRow = RateHistory['history'][number];

interface RateFormProps {
  subject: RateSubject;
  name: string;
  onCancel: () => void;
  onSaved: (history: RateHistory) => void;
}

/**
 * A new rate from now, or from a time in the open month. An end-user's reimbursement can also be
 * stopped; a sub-account always has a rate.
 */
function RateForm({ subject, name, onCancel, onSaved }: RateFormProps) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const rateRef = useRef<HTMLInputElement>(null);
  const [rate, setRate] = useState('');
  const [isStopping, setStopping] = useState(false);
  const [from, setFrom] = useState('');
  const [rateError, setRateError] = useState<string | null>(null);
  const [fromError, setFromError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: RateChange) => changeRate(subject, body),
    onSuccess: onSaved,
  });
  const isEndUser = subject.userId !== null;

  useEffect(() => rateRef.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseRate(rate);
    const nextRateError =
      isEndUser && isStopping
        ? null
        : !rate.trim()
          ? t('rates.required')
          : parsed.isValid
            ? null
            : t('rates.invalid');
    // A datetime-local value is a wall-clock time in the browser's zone; Date reads it so.
    const effectiveFrom = from ? new Date(from) : undefined;
    const nextFromError =
      effectiveFrom && (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() > Date.now())
        ? ct('rates.fromInvalid')
        : null;
    setRateError(nextRateError);
    setFromError(nextFromError);
    if (nextRateError || nextFromError) return;
    save.mutate({
      reimbursementRateEur: isEndUser && isStopping ? null : parsed.isValid ? parsed.value : null,
      ...(effectiveFrom ? { effectiveFrom: effectiveFrom.toISOString() } : {}),
    });
  };

  const code = save.error instanceof ApiError ? save.error.code : undefined;
  const invalid = invalidFieldsOf(save.error);
  const serverRateError = invalid.has('reimbursementRateEur') ? t('rates.invalid') : null;
  const serverFromError =
    code === 'month_closed'
      ? ct('rates.monthClosed')
      : invalid.has('effectiveFrom')
        ? ct('rates.fromInvalid')
        : null;
  const otherError =
    save.isError && code !== 'month_closed' && invalid.size === 0
      ? generalProblemMessage(save.error, t)
      : null;

  return (
    <form onSubmit={submit} noValidate aria-label={ct('rates.changeTitle', { name })}>
      <Stack gap="sm">
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          ref={rateRef}
          label={ct('rates.rateLabel')}
          inputMode="decimal"
          autoComplete="off"
          disabled={isEndUser && isStopping}
          value={rate}
          onChange={(event) => setRate(event.currentTarget.value)}
          error={rateError ?? serverRateError}
          errorProps={{ role: 'alert' }}
          maw={360}
        />
        {isEndUser ? (
          <Checkbox
            label={ct('rates.stop')}
            checked={isStopping}
            onChange={(event) => setStopping(event.currentTarget.checked)}
          />
        ) : null}
        <TextInput
          type="datetime-local"
          label={ct('rates.fromLabel')}
          description={ct('rates.fromHint')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={fromError ?? serverFromError}
          errorProps={{ role: 'alert' }}
          maw={360}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {ct('rates.save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={save.isPending}>
            {t('dialog.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface RateHistoryPanelProps {
  subject: RateSubject;
  /** The sub-account's or the person's name, for labels. */
  name: string;
  /** Operator admin and customer_manager change rates; finance only reads them. */
  canManage: boolean;
}

/** A rate in force now, every rate it had and from when, and (for managers) the change form. */
export function RateHistoryPanel({ subject, name, canManage }: RateHistoryPanelProps) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [isChanging, setChanging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const history = useQuery({ queryKey: rateHistoryKey(subject), queryFn: () => fetchRateHistory(subject) });

  if (history.isPending) {
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (history.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void history.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }

  const rateText = (rate: string | null) =>
    rate === null ? ct('rates.stopped') : rateLabel(rate, language, t);
  const when = (row: HistoryRow) =>
    `${ct('rates.fromDate', { date: formatDateTime(row.effectiveFrom, language) })}, ${
      row.setBy ? ct('rates.setBy', { name: row.setBy.name }) : ct('rates.setAtStart')
    }`;

  return (
    <Stack gap="sm">
      <DetailsList
        items={[
          {
            label: ct('rates.current'),
            value: (
              <Text fw={700}>
                {history.data.reimbursementRateEur === null
                  ? subject.userId === null
                    ? t('rates.none')
                    : ct('rates.stopped')
                  : rateLabel(history.data.reimbursementRateEur, language, t)}
              </Text>
            ),
          },
        ]}
      />
      <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
      {history.data.history.length === 0 ? (
        <Text>{ct('rates.noHistory')}</Text>
      ) : (
        // A short list rather than a table: it fits a dialog and a phone without scrolling sideways.
        <Stack
          component="ol"
          aria-label={ct('rates.historyLabel', { name })}
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {history.data.history.map((row) => (
            <Card
              component="li"
              key={`${row.effectiveFrom}|${row.createdAt}|${row.rateEur}`}
              withBorder
              padding="xs"
              radius="sm"
            >
              <Text fw={600}>{rateText(row.rateEur)}</Text>
              <Text size="sm">{when(row)}</Text>
            </Card>
          ))}
        </Stack>
      )}
      {canManage ? (
        isChanging ? (
          <RateForm
            subject={subject}
            name={name}
            onCancel={() => setChanging(false)}
            onSaved={(saved) => {
              queryClient.setQueryData(rateHistoryKey(subject), saved);
              // The account page and the customer lists show the current rate too.
              void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
              void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
              setChanging(false);
              setNotice(ct('rates.saved', { name }));
            }}
          />
        ) : (
          <Button
            variant="default"
            onClick={() => {
              setNotice(null);
              setChanging(true);
            }}
            aria-label={ct('rates.changeNamed', { name })}
            style={{ alignSelf: 'flex-start' }}
          >
            {ct('rates.change')}
          </Button>
        )
      ) : null}
    </Stack>
  );
}
