import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../api/chat.ts';
import { currentLanguage } from '../i18n/index.ts';
import { ChatComposer } from './chat-composer.tsx';
import { oldestFirst } from './chat-thread.ts';
import { formatDateTime } from './format.ts';
import { LoadingState } from './loading-state.tsx';
import { NothingYet } from './nothing-yet.tsx';
import { useConversation } from './use-conversation.ts';

/** Within this many pixels of the end, a reader is following along and new messages scroll in. */
const NEAR_END_PX = 80;

function MessageItem({ message, isMine }: { message: ChatMessage; isMine: boolean }) {
  const { t } = useTranslation();
  return (
    <Box
      component="li"
      p="sm"
      maw="85%"
      bg={isMine ? 'blue.0' : 'gray.0'}
      style={{
        alignSelf: isMine ? 'flex-end' : 'flex-start',
        borderRadius: 'var(--mantine-radius-md)',
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Group gap={6} wrap="wrap" align="baseline">
        <Text fw={700} size="sm">
          {isMine ? t('chat.you', { name: message.author.name }) : message.author.name}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`chat.roles.${message.authorRole}`)}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt, currentLanguage())}
        </Text>
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{message.body}</Text>
    </Box>
  );
}

interface ChatConversationProps {
  vehicleId: string;
  myUserId: string;
  /** Names the conversation for assistive technology, e.g. "Conversation about AB 12 345". */
  label: string;
  emptyTitle: string;
  emptyDescription: string;
  /** The person no longer takes part in the conversation; the page shows why. */
  onAccessRemoved: () => void;
}

/**
 * A vehicle's conversation with its workshop (SPEC §7), the same in the driver app and the
 * workshop portal: oldest at the top and newest at the bottom, each message with its author, role
 * and time, "Show older messages" above, new ones arriving live, and the composer below.
 */
export function ChatConversation({
  vehicleId,
  myUserId,
  label,
  emptyTitle,
  emptyDescription,
  onAccessRemoved,
}: ChatConversationProps) {
  const { t } = useTranslation();
  const { messages, send, isGone } = useConversation(vehicleId, { myUserId, onAccessRemoved });
  const items = messages.data ? oldestFirst(messages.data.pages) : [];
  const oldestId = items[0]?.id;
  const newest = items.at(-1);

  const scroller = useRef<HTMLDivElement>(null);
  const isNearEnd = useRef(true);
  const lastSeen = useRef<{ oldestId?: string; newestId?: string; height: number }>({ height: 0 });
  // Older messages keep what the reader looks at in place; a new one scrolls into view when the
  // reader was at the end already, or wrote it.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = lastSeen.current;
    if (oldestId !== before.oldestId && newest?.id === before.newestId && before.height > 0) {
      element.scrollTop += element.scrollHeight - before.height;
    } else if (newest?.id !== before.newestId) {
      const isMine = newest?.author.id === myUserId;
      if (isNearEnd.current || isMine || before.newestId === undefined)
        element.scrollTop = element.scrollHeight;
    }
    lastSeen.current = { oldestId, newestId: newest?.id, height: element.scrollHeight };
  }, [oldestId, newest, myUserId]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    isNearEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_END_PX;
    lastSeen.current.height = element.scrollHeight;
  };

  if (isGone) {
    return <NothingYet title={t('chat.goneTitle')} description={t('chat.gone')} />;
  }
  if (messages.isPending) {
    return <LoadingState title={t('chat.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  if (messages.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="red" title={t('chat.failedTitle')} role="alert" w="100%">
          {t('errors.unexpected')}
        </Alert>
        <Button onClick={() => void messages.refetch()}>{t('session.retry')}</Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <NothingYet title={emptyTitle} description={emptyDescription} />
      ) : (
        // A log: screen readers announce messages added to it. Focusable, so the keyboard can
        // scroll it.
        <Box
          ref={scroller}
          role="log"
          aria-label={label}
          tabIndex={0}
          onScroll={onScroll}
          p="xs"
          style={{
            maxHeight: 'min(60vh, 36rem)',
            overflowY: 'auto',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          {messages.hasNextPage ? (
            <Group justify="center" mb="sm">
              <Button
                variant="default"
                size="compact-md"
                loading={messages.isFetchingNextPage}
                onClick={() => void messages.fetchNextPage()}
              >
                {t('chat.older')}
              </Button>
            </Group>
          ) : null}
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((message) => (
              <MessageItem key={message.id} message={message} isMine={message.author.id === myUserId} />
            ))}
          </Stack>
        </Box>
      )}
      <ChatComposer send={send} />
    </Stack>
  );
}
