import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveStatement, CHARGING_KEY, rejectStatement, type StatementDetail } from '../../api/charging.ts';
import { ApiError } from '../../api/client.ts';
import { DoneNotice } from '../../components/done-notice.tsx';
import { problemMessage } from '../../components/problem-messages.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { partyLabel } from './charging-columns.tsx';
import { formatEur } from './charging-format.ts';
import { useChargingTexts } from './use-charging-texts.ts';

const MAX_REASON = 1000;

type Decision = { action: 'approve' } | { action: 'reject'; reason: string };

interface DecisionPanelProps {
  statement: StatementDetail;
  /** An account whose statements include this one (its own, or its parent), for the request path. */
  accountId: string;
  /** Where the page keeps the statement, so the answer replaces it on screen at once. */
  detailKey: QueryKey;
  /** Whether this person may decide (the parent account's owners, operator finance). */
  canDecide: boolean;
}

/**
 * Approve, or reject with a reason, a subsidiary's statement awaiting approval. The answer is
 * the decided statement, shown at once; the lists it appears in are refreshed. Someone who sees
 * the statement but may not decide is told who does.
 */
export function DecisionPanel({ statement, accountId, detailKey, canDecide }: DecisionPanelProps) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      decision.action === 'approve'
        ? approveStatement(accountId, statement.id)
        : rejectStatement(accountId, statement.id, decision.reason),
    onSuccess: (decided, decision) => {
      queryClient.setQueryData(detailKey, decided);
      setNotice(decision.action === 'approve' ? ct('decision.approved') : ct('decision.rejected'));
      setRejecting(false);
      void queryClient.invalidateQueries({ queryKey: CHARGING_KEY });
    },
    onError: (error) => {
      // Decided by someone else meanwhile: show the statement as it is now.
      if (error instanceof ApiError && error.code === 'statement_not_awaiting_approval') {
        void queryClient.invalidateQueries({ queryKey: CHARGING_KEY });
      }
    },
  });

  useEffect(() => {
    if (isRejecting) reasonRef.current?.focus();
  }, [isRejecting]);

  if (statement.status !== 'awaiting_approval') {
    // The notice stays after the decision, where the buttons were.
    return <DoneNotice message={notice} onDismiss={() => setNotice(null)} />;
  }
  if (!canDecide) return <Text>{ct('decision.waitingForParent')}</Text>;

  const submitRejection = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return setReasonError(ct('decision.reasonRequired'));
    if (trimmed.length > MAX_REASON) return setReasonError(ct('decision.reasonTooLong'));
    setReasonError(null);
    decide.mutate({ action: 'reject', reason: trimmed });
  };

  const error = decide.isError
    ? problemMessage(decide.error, t, {
        statement_not_awaiting_approval: ct('decision.notAwaiting'),
        forbidden: ct('decision.forbidden'),
        validation_failed: ct('decision.reasonRequired'),
      })
    : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {ct('decision.heading')}
      </Title>
      <Text>
        {ct('decision.intro', {
          amount: formatEur(statement.amountEur, language),
          party: partyLabel(statement, ct, t),
        })}
      </Text>
      {error ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {error}
        </Alert>
      ) : null}
      {isRejecting ? (
        <form onSubmit={submitRejection} noValidate>
          <Stack gap="sm">
            <Textarea
              ref={reasonRef}
              label={ct('decision.reasonLabel')}
              description={ct('decision.reasonHint')}
              autosize
              minRows={3}
              maxLength={MAX_REASON}
              required
              withAsterisk={false}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
              errorProps={{ role: 'alert' }}
            />
            <Group gap="sm">
              <Button type="submit" color="red.8" loading={decide.isPending}>
                {ct('decision.confirmReject')}
              </Button>
              <Button variant="default" onClick={() => setRejecting(false)} disabled={decide.isPending}>
                {t('dialog.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="sm">
          <Button onClick={() => decide.mutate({ action: 'approve' })} loading={decide.isPending}>
            {ct('decision.approve')}
          </Button>
          <Button variant="default" onClick={() => setRejecting(true)} disabled={decide.isPending}>
            {ct('decision.reject')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
