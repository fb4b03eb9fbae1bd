import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHARGING_KEYS_KEY,
  type ChargingKey,
  type ChargingKeyCreated,
  createChargingKey,
  fetchChargingKeys,
  revokeChargingKey,
  rotateChargingKey,
} from '../../api/charging-keys.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { DoneNotice } from '../../components/done-notice.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { generalProblemMessage, invalidFieldsOf } from '../../components/problem-messages.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { RequirePermission } from '../require-permission.tsx';

const MAX_NAME = 200;

/**
 * A key just made, with a copy button and the warning that it is never shown again: the server
 * keeps only a fingerprint of it.
 */
function NewKeyPanel({ created, onClose }: { created: ChargingKeyCreated; onClose: () => void }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={ct('keys.warningTitle')} role="status">
        {ct('keys.warning')}
      </Alert>
      <TextInput
        label={ct('keys.keyLabel', { name: created.name })}
        value={created.key}
        readOnly
        // Selected on focus, so copying by hand is one keystroke too.
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="space-between" gap="sm">
        <CopyButton value={created.key}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'default'} onClick={copy}>
              {copied ? ct('keys.copied') : ct('keys.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onClose}>{t('dialog.close')}</Button>
      </Group>
    </Stack>
  );
}

function AddKeyForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createChargingKey,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CHARGING_KEYS_KEY }),
  });
  if (create.isSuccess) return <NewKeyPanel created={create.data} onClose={onClose} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(ct('keys.nameRequired'));
    if (trimmed.length > MAX_NAME) return setNameError(ct('keys.nameTooLong'));
    setNameError(null);
    create.mutate(trimmed);
  };
  const isInvalid = invalidFieldsOf(create.error).has('name');
  const otherError = create.isError && !isInvalid ? generalProblemMessage(create.error, t) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {otherError ? (
          <Alert color="red" title={t('errors.title')} role="alert">
            {otherError}
          </Alert>
        ) : null}
        <TextInput
          label={ct('keys.nameLabel')}
          description={ct('keys.nameHint')}
          autoComplete="off"
          required
          withAsterisk={false}
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError ?? (isInvalid ? ct('keys.nameRequired') : null)}
          errorProps={{ role: 'alert' }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('dialog.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {ct('keys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RotateKeyContent({ chargingKey, onClose }: { chargingKey: ChargingKey; onClose: () => void }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const queryClient = useQueryClient();
  const rotate = useMutation({
    mutationFn: () => rotateChargingKey(chargingKey.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CHARGING_KEYS_KEY }),
  });
  if (rotate.isSuccess) return <NewKeyPanel created={rotate.data} onClose={onClose} />;
  return (
    <ConfirmStep
      message={ct('keys.rotateConfirm', { name: chargingKey.name })}
      confirmLabel={ct('keys.rotate')}
      onConfirm={() => rotate.mutate()}
      onCancel={onClose}
      isPending={rotate.isPending}
      error={rotate.isError ? generalProblemMessage(rotate.error, t) : undefined}
    />
  );
}

function RevokeKeyContent({
  chargingKey,
  onClose,
  onRevoked,
}: {
  chargingKey: ChargingKey;
  onClose: () => void;
  onRevoked: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeChargingKey(chargingKey.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CHARGING_KEYS_KEY });
      onRevoked(ct('keys.revokedDone', { name: chargingKey.name }));
    },
  });
  return (
    <ConfirmStep
      message={ct('keys.revokeConfirm', { name: chargingKey.name })}
      confirmLabel={ct('keys.revokeButton')}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
      isPending={revoke.isPending}
      error={revoke.isError ? generalProblemMessage(revoke.error, t) : undefined}
    />
  );
}

type Dialog = { kind: 'add' } | { kind: 'rotate' | 'revoke'; chargingKey: ChargingKey } | null;

/**
 * Charging keys (operator admin): each charging back end and its key. Adding one, or rotating
 * its key, shows the key once with a copy button; revoking stops the back end for good.
 */
export function ChargingKeysPage() {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = useQuery({ queryKey: CHARGING_KEYS_KEY, queryFn: fetchChargingKeys });
  const close = () => setDialog(null);

  const columns: DataColumn<ChargingKey>[] = [
    { key: 'name', header: ct('keys.name'), cell: (item) => <Text fw={600}>{item.name}</Text> },
    { key: 'created', header: ct('keys.created'), cell: (item) => formatDateTime(item.createdAt, language) },
    {
      key: 'lastUsed',
      header: ct('keys.lastUsed'),
      cell: (item) => (item.lastUsedAt ? formatDateTime(item.lastUsedAt, language) : ct('keys.never')),
    },
    {
      key: 'state',
      header: ct('keys.state'),
      cell: (item) =>
        item.revokedAt
          ? ct('keys.revokedOn', { date: formatDateTime(item.revokedAt, language) })
          : ct('keys.active'),
    },
    {
      key: 'actions',
      header: ct('keys.actions'),
      isSelfExplaining: true,
      cell: (item) =>
        item.revokedAt ? null : (
          <Group gap="xs" wrap="wrap">
            <Button
              size="compact-md"
              variant="default"
              aria-label={ct('keys.rotateNamed', { name: item.name })}
              onClick={() => setDialog({ kind: 'rotate', chargingKey: item })}
            >
              {ct('keys.rotate')}
            </Button>
            <Button
              size="compact-md"
              variant="default"
              c="red.8"
              aria-label={ct('keys.revokeNamed', { name: item.name })}
              onClick={() => setDialog({ kind: 'revoke', chargingKey: item })}
            >
              {ct('keys.revoke')}
            </Button>
          </Group>
        ),
    },
  ];

  let list: ReactNode;
  if (keys.isPending) {
    list = <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  } else if (keys.isError) {
    list = (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void keys.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  } else if (keys.data.items.length === 0) {
    list = <NothingYet title={ct('keys.emptyTitle')} description={ct('keys.empty')} />;
  } else {
    list = (
      <DataTable
        label={ct('keys.listLabel')}
        columns={columns}
        items={keys.data.items}
        rowKey={(item) => item.id}
      />
    );
  }

  let dialogTitle = '';
  let dialogContent: ReactNode = null;
  if (dialog?.kind === 'add') {
    dialogTitle = ct('keys.addTitle');
    dialogContent = <AddKeyForm onClose={close} />;
  } else if (dialog?.kind === 'rotate') {
    dialogTitle = ct('keys.rotateTitle', { name: dialog.chargingKey.name });
    dialogContent = <RotateKeyContent chargingKey={dialog.chargingKey} onClose={close} />;
  } else if (dialog?.kind === 'revoke') {
    dialogTitle = ct('keys.revokeTitle', { name: dialog.chargingKey.name });
    dialogContent = (
      <RevokeKeyContent
        chargingKey={dialog.chargingKey}
        onClose={close}
        onRevoked={(message) => {
          close();
          setNotice(message);
        }}
      />
    );
  }

  return (
    <RequirePermission permission="charging.keys.manage" title={ct('keys.title')}>
      <Page
        title={ct('keys.title')}
        actions={
          <Button leftSection={<PlusIcon />} onClick={() => setDialog({ kind: 'add' })}>
            {ct('keys.add')}
          </Button>
        }
      >
        <Text>{ct('keys.intro')}</Text>
        <DoneNotice message={notice} onDismiss={() => setNotice(null)} />
        {list}
        <FormDialog opened={dialog !== null} onClose={close} title={dialogTitle}>
          {dialogContent}
        </FormDialog>
      </Page>
    </RequirePermission>
  );
}
