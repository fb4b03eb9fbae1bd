import { Alert, Button, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EmailKind,
  fetchNotificationPreferences,
  NOTIFICATION_PREFERENCES_KEY,
  updateNotificationPreferences,
} from '../api/notifications.ts';
import { LoadingState } from './loading-state.tsx';
import { generalProblemMessage } from './problem-messages.ts';

interface EmailChange {
  kind: EmailKind;
  isOn: boolean;
}

/**
 * Which mails the signed-in person gets (SPEC §7): one switch per kind, saved as soon as it is
 * flipped, with a quiet "saved" said (and announced) below. The in-app notices are always kept.
 */
export function EmailPreferences({ kinds }: { kinds: readonly EmailKind[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState('');
  const query = useQuery({ queryKey: NOTIFICATION_PREFERENCES_KEY, queryFn: fetchNotificationPreferences });
  const save = useMutation({
    mutationFn: ({ kind, isOn }: EmailChange) => updateNotificationPreferences({ [kind]: isOn }),
    onMutate: () => setSaved(''),
    onSuccess: (answer, { kind, isOn }) => {
      queryClient.setQueryData(NOTIFICATION_PREFERENCES_KEY, answer);
      const label = t(`emailPreferences.kinds.${kind}.label`);
      setSaved(t(isOn ? 'emailPreferences.savedOn' : 'emailPreferences.savedOff', { kind: label }));
    },
  });

  if (query.isPending) {
    return (
      <LoadingState title={t('emailPreferences.loadingTitle')} description={t('lists.loadingDescription')} />
    );
  }
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('emailPreferences.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void query.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }
  const choices = query.data.email;
  // While a change is on its way the switch already shows it; a failure puts it back.
  const shown = (kind: EmailKind) =>
    save.isPending && save.variables.kind === kind ? save.variables.isOn : choices[kind];

  return (
    <Stack gap="sm">
      <Text c="dimmed">{t('emailPreferences.intro')}</Text>
      <Stack gap="md" role="group" aria-label={t('emailPreferences.listLabel')}>
        {kinds.map((kind) => (
          <Switch
            key={kind}
            label={t(`emailPreferences.kinds.${kind}.label`)}
            description={t(`emailPreferences.kinds.${kind}.hint`)}
            checked={shown(kind)}
            onChange={(event) => save.mutate({ kind, isOn: event.currentTarget.checked })}
          />
        ))}
      </Stack>
      <Text size="sm" role="status">
        {saved}
      </Text>
      {save.isError ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {generalProblemMessage(save.error, t)}
        </Alert>
      ) : null}
    </Stack>
  );
}
