import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DriverVehicle, setSharingLevel } from '../../api/vehicle-users.ts';
import type { SharingLevel } from '../../api/vehicles.ts';
import { appProblemMessage } from './app-problem-messages.ts';
import { SharingLevelChoice, sharingLevelHint, sharingLevelName } from './sharing-level-choice.tsx';
import { useAppTexts } from './use-app-texts.ts';

interface SharingLevelFormProps {
  vehicle: DriverVehicle;
  /** The level changed: the page reloads what depends on it. */
  onChanged: () => Promise<void>;
  onDone: (message: string) => void;
}

/** The primary changes the data-sharing level for everyone; it applies to the very next read. */
export function SharingLevelForm({ vehicle, onChanged, onDone }: SharingLevelFormProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const [level, setLevel] = useState<SharingLevel>(vehicle.sharing.level);
  const save = useMutation({
    mutationFn: (chosen: SharingLevel) => setSharingLevel(vehicle.id, chosen),
    onSuccess: async (answer) => {
      await onChanged();
      onDone(at('sharingSection.saved', { level: sharingLevelName(answer.level, at) }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(level);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{at('sharingSection.intro')}</Text>
        {save.isError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {appProblemMessage(save.error, t, at)}
          </Alert>
        ) : null}
        <SharingLevelChoice value={level} onChange={setLevel} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={level === vehicle.sharing.level}>
            {at('sharingSection.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What a secondary user sees instead: the level in words, and who may change it. */
export function SharingLevelSummary({ vehicle }: { vehicle: DriverVehicle }) {
  const at = useAppTexts();
  const level = vehicle.sharing.level;
  return (
    <Stack gap={4}>
      <Text fw={600}>{sharingLevelName(level, at)}</Text>
      <Text>{sharingLevelHint(level, at)}</Text>
      <Text c="dimmed">{at('users.secondaryNote')}</Text>
    </Stack>
  );
}
