import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChatMessage, MAX_MESSAGE_LENGTH } from '../api/chat.ts';
import { ApiError } from '../api/client.ts';
import { messageLength } from './chat-thread.ts';

interface ChatComposerProps {
  send: UseMutationResult<ChatMessage, Error, string>;
}

/** Why a message was not sent, in words; undefined for a 404, which the page shows on its own. */
function sendProblem(error: Error | null, t: TFunction): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    if (error.status === 404) return undefined;
    if (error.code === 'rate_limited') return t('chat.rateLimited');
    if (error.code === 'validation_failed') return t('chat.invalid', { max: MAX_MESSAGE_LENGTH });
  }
  return t('chat.failed');
}

/**
 * Writing a message: a text box that grows with the text, a character count against the limit,
 * and Send (or Enter; Shift+Enter for a new line). The text stays when sending fails.
 */
export function ChatComposer({ send }: ChatComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [isRequiredShown, setRequiredShown] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const length = messageLength(text);
  const isTooLong = length > MAX_MESSAGE_LENGTH;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    if (length === 0) {
      setRequiredShown(true);
      return;
    }
    if (isTooLong) return;
    send.mutate(text.trim(), { onSuccess: () => setText('') });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const isPlainEnter =
      event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    // While an input method composes a word, Enter picks the word and must not send.
    if (!isPlainEnter || event.nativeEvent.isComposing) return;
    event.preventDefault();
    form.current?.requestSubmit();
  };

  const fieldError = isTooLong
    ? t('chat.tooLong', { max: MAX_MESSAGE_LENGTH })
    : isRequiredShown && length === 0
      ? t('chat.required')
      : undefined;
  const problem = sendProblem(send.error, t);

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Textarea
        label={t('chat.messageLabel')}
        autosize
        minRows={2}
        maxRows={6}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setRequiredShown(false);
        }}
        onKeyDown={onKeyDown}
        error={fieldError}
        errorProps={{ role: 'alert' }}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          <Group component="span" justify="space-between" gap="xs" wrap="wrap">
            <span>{t('chat.messageHint')}</span>
            <Text span size="xs" c={isTooLong ? 'red.8' : 'dimmed'}>
              {t('chat.counter', { count: length, max: MAX_MESSAGE_LENGTH })}
            </Text>
          </Group>
        }
      />
      {problem ? (
        <Alert color="red" title={t('errors.title')} role="alert" mt="sm">
          {problem}
        </Alert>
      ) : null}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={send.isPending}>
          {t('chat.send')}
        </Button>
      </Group>
    </form>
  );
}
