import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_KEY } from '../../api/notifications.ts';
import {
  type DriverVehicle,
  driverVehicleKey,
  inviteSecondaryUser,
  setSharingLevel,
  vehicleUsersKey,
} from '../../api/vehicle-users.ts';
import type { SharingLevel } from '../../api/vehicles.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { type FieldErrors, invalidFieldsOf } from '../../components/problem-messages.ts';
import { appProblemMessage } from './app-problem-messages.ts';
import { SharingLevelChoice, sharingLevelName } from './sharing-level-choice.tsx';
import { useAppTexts } from './use-app-texts.ts';

interface FirstRunTileProps {
  vehicle: DriverVehicle;
  /** Says what was saved, in the status screen's notice (the tile itself goes away). */
  onDone: (message: string) => void;
}

/**
 * The first-run tile (SPEC §5, §6): shown to the primary until they choose a sharing level. It
 * asks for the level and offers to invite a first secondary user; with an email, the invitation
 * carries the level, so both are saved in one request or neither is.
 */
export function FirstRunTile({ vehicle, onDone }: FirstRunTileProps) {
  const { t } = useTranslation();
  const at = useAppTexts();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<SharingLevel | undefined>(undefined);
  const [email, setEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const invitee = email.trim();

  const save = useMutation({
    mutationFn: async (choice: { level: SharingLevel; email: string }) => {
      if (choice.email) {
        await inviteSecondaryUser(vehicle.id, { email: choice.email, sharingLevel: choice.level });
      } else {
        await setSharingLevel(vehicle.id, choice.level);
      }
    },
    onSuccess: async (_answer, choice) => {
      const name = sharingLevelName(choice.level, at);
      onDone(
        choice.email
          ? at('tile.savedAndInvited', { level: name, email: choice.email })
          : at('tile.saved', { level: name }),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: driverVehicleKey(vehicle.id) }),
        queryClient.invalidateQueries({ queryKey: vehicleUsersKey(vehicle.id) }),
        queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
      ]);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!level) errors.level = at('sharing.required');
    if (invitee && !looksLikeEmail(invitee)) errors.email = t('validation.emailInvalid');
    setClientErrors(errors);
    if (!level || Object.keys(errors).length > 0) return;
    save.mutate({ level, email: invitee });
  };

  const invalid = invalidFieldsOf(save.error);
  const errors: FieldErrors = {
    email: invalid.has('email') ? t('validation.emailInvalid') : undefined,
    ...clientErrors,
  };
  const otherError = save.error && !invalid.has('email') ? appProblemMessage(save.error, t, at) : undefined;

  return (
    <Card component="section" aria-labelledby={headingId} withBorder radius="md" padding="lg" shadow="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {at('tile.title')}
          </Title>
          <Text>{at('tile.intro')}</Text>
          {otherError ? (
            <Alert color="red" title={t('errors.title')} role="alert">
              {otherError}
            </Alert>
          ) : null}
          <SharingLevelChoice value={level} onChange={setLevel} error={errors.level} />
          <TextInput
            label={at('tile.emailLabel')}
            description={at('tile.emailHint')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
            errorProps={{ role: 'alert' }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {invitee ? at('tile.saveAndInvite') : at('tile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
