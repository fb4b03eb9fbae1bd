import { Alert, Box, Button, em, Flex, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Conversation,
  chatMessagesKey,
  fetchWorkshopConversations,
  workshopConversationsKey,
} from '../../api/chat.ts';
import { ApiError } from '../../api/client.ts';
import type { StaffMembership } from '../../api/session.ts';
import { fetchWorkshopVehicle, WORKSHOP_VEHICLES_KEY } from '../../api/vehicles.ts';
import { ChatConversation } from '../../components/chat-conversation.tsx';
import { EmailPreferences } from '../../components/email-preferences.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { Page } from '../../components/page.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { isConversationInView } from '../../components/use-conversation.ts';
import { useLiveConversations } from '../../components/use-live-conversations.ts';
import { useAreaMe } from '../area-me.tsx';
import { ConversationDetails, type ConversationSubject } from './conversation-details.tsx';
import { ConversationList } from './conversation-list.tsx';
import { useWorkshopTexts } from './use-workshop-texts.ts';
import {
  chooseWorkshop,
  parseWorkshopSearch,
  type WorkshopSearch,
  workshopMemberships,
} from './workshop-access.ts';
import { WorkshopChoice } from './workshop-choice.tsx';

/** A safety net under the live updates, which only reach conversations the list already holds. */
const REFRESH_MS = 30_000;

/** The inbox's address: which workshop, and which vehicle's conversation is open. */
export interface InboxSearch extends WorkshopSearch {
  vehicle?: string;
}

/** Keeps only string values; both keys are always returned, as the router wants. */
export function parseInboxSearch(search: Record<string, unknown>): InboxSearch {
  return {
    ...parseWorkshopSearch(search),
    vehicle: typeof search.vehicle === 'string' ? search.vehicle : undefined,
  };
}

interface ConversationPanelProps {
  workshopId: string;
  vehicleId: string;
  /** The conversation as the inbox lists it; undefined for a vehicle without messages yet. */
  listed: Conversation | undefined;
  isListKnown: boolean;
}

/** One conversation: who it is with, then the chat itself (the driver app's, reused). */
function ConversationPanel({ workshopId, vehicleId, listed, isListKnown }: ConversationPanelProps) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  const headingId = useId();
  // A vehicle opened from its page before anyone wrote is not in the inbox: read it instead.
  const vehicle = useQuery({
    queryKey: [...WORKSHOP_VEHICLES_KEY, 'chat-subject', workshopId, vehicleId],
    queryFn: () => fetchWorkshopVehicle(workshopId, vehicleId),
    enabled: isListKnown && !listed,
  });
  const subject: ConversationSubject | undefined =
    listed ?? (vehicle.data ? { ...vehicle.data, vehicle: vehicle.data } : undefined);
  const isMissing =
    !listed &&
    vehicle.isError &&
    vehicle.error instanceof ApiError &&
    (vehicle.error.status === 404 || vehicle.error.code === 'validation_failed');

  if (isMissing) {
    return <NothingYet title={wt('details.notFoundTitle')} description={wt('details.notFound')} />;
  }
  if (!subject) {
    if (vehicle.isError) {
      return (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" title={wt('details.failedTitle')} role="alert" w="100%">
            {t('errors.unexpected')}
          </Alert>
          <Button onClick={() => void vehicle.refetch()}>{t('session.retry')}</Button>
        </Stack>
      );
    }
    return <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />;
  }
  const plate = subject.vehicle.registrationNumber;
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {plate}
      </Title>
      <ConversationDetails workshopId={workshopId} subject={subject} />
      <ChatConversation
        vehicleId={vehicleId}
        myUserId={me.user.id}
        label={wt('inbox.conversationLabel', { plate })}
        emptyTitle={wt('inbox.emptyConversationTitle')}
        emptyDescription={wt('inbox.emptyConversation', { plate })}
        onAccessRemoved={() => {
          void queryClient.invalidateQueries({ queryKey: chatMessagesKey(vehicleId) });
          void queryClient.invalidateQueries({ queryKey: workshopConversationsKey(workshopId) });
        }}
      />
    </Stack>
  );
}

/** Staff get the batched mail about unread chat; it is theirs to turn off here. */
function ChatMailChoice() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('emailPreferences.heading')}
      </Title>
      <EmailPreferences kinds={['chat_messages']} />
    </Stack>
  );
}

function Inbox({ workshop, selectedVehicleId }: { workshop: StaffMembership; selectedVehicleId?: string }) {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const me = useAreaMe();
  const queryClient = useQueryClient();
  // Side by side only where the chat still has room beside the list and the portal's menu.
  const isWide = useMediaQuery(`(min-width: ${em(992)})`, true, { getInitialValueInEffect: false });
  const workshopId = workshop.organizationId;
  const key = workshopConversationsKey(workshopId);
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchWorkshopConversations(workshopId),
    refetchInterval: REFRESH_MS,
  });
  const conversations = query.data?.items ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  // Live: any message in a listed conversation (or the open one, which may be new) reorders the
  // list. A message from someone else in the open conversation is read at once, and that read
  // refreshes the list, so it never shows as unread in between.
  useLiveConversations(
    [
      ...conversations.map((conversation) => conversation.vehicle.id),
      ...(selectedVehicleId ? [selectedVehicleId] : []),
    ],
    {
      onMessage: (message) => {
        if (message.author.id === me.user.id || !isConversationInView(message.vehicleId)) refresh();
      },
      onReconnected: refresh,
      onAccessRemoved: refresh,
    },
  );

  const list = query.isPending ? (
    <LoadingState title={t('lists.loadingTitle')} description={t('lists.loadingDescription')} />
  ) : query.isError ? (
    <Stack gap="sm" align="flex-start">
      <Alert color="red" title={t('lists.failedTitle')} role="alert" w="100%">
        {t('errors.unexpected')}
      </Alert>
      <Button onClick={() => void query.refetch()}>{t('session.retry')}</Button>
    </Stack>
  ) : conversations.length === 0 ? (
    <NothingYet title={wt('inbox.emptyTitle')} description={wt('inbox.empty')} />
  ) : (
    <ConversationList
      workshopId={workshopId}
      label={wt('inbox.listLabel', { workshop: workshop.organizationName })}
      conversations={conversations}
      selectedVehicleId={selectedVehicleId}
    />
  );
  const panel = selectedVehicleId ? (
    <ConversationPanel
      key={selectedVehicleId}
      workshopId={workshopId}
      vehicleId={selectedVehicleId}
      listed={conversations.find((conversation) => conversation.vehicle.id === selectedVehicleId)}
      isListKnown={!query.isPending}
    />
  ) : (
    <Text c="dimmed">{wt('inbox.choose')}</Text>
  );

  if (!isWide) {
    // Narrow screens stack: the list, or the open conversation with the way back to the list.
    return selectedVehicleId ? (
      <Stack gap="md">
        <AnchorLink
          to="/workshop/inbox"
          search={{ workshop: workshopId }}
          style={{ alignSelf: 'flex-start' }}
        >
          {wt('inbox.back')}
        </AnchorLink>
        {panel}
      </Stack>
    ) : (
      <Stack gap="xl">
        <Stack gap="md">
          <Text>{wt('inbox.intro', { workshop: workshop.organizationName })}</Text>
          {list}
        </Stack>
        <ChatMailChoice />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text>{wt('inbox.intro', { workshop: workshop.organizationName })}</Text>
      <Flex gap="xl" align="flex-start">
        <Stack w={300} gap="xl" style={{ flexShrink: 0 }}>
          {list}
          <ChatMailChoice />
        </Stack>
        <Box style={{ flex: 1, minWidth: 0 }}>{panel}</Box>
      </Flex>
    </Stack>
  );
}

/**
 * The workshop's inbox (SPEC §7): its conversations, unread first, and the open one beside them
 * (below them on a narrow screen) with the vehicle, its primary user and its secondary users.
 */
export function WorkshopInboxPage() {
  const wt = useWorkshopTexts();
  const me = useAreaMe();
  const navigate = useNavigate();
  const search = useSearch({ from: '/workshop/inbox' });
  const memberships = workshopMemberships(me);
  const workshop = chooseWorkshop(me, search.workshop);

  return (
    <Page title={wt('inbox.title')}>
      {memberships.length > 1 && workshop ? (
        <WorkshopChoice
          memberships={memberships}
          workshopId={workshop.organizationId}
          onChange={(workshopId) =>
            void navigate({ to: '/workshop/inbox', search: { workshop: workshopId }, replace: true })
          }
        />
      ) : null}
      {workshop ? (
        <Inbox key={workshop.organizationId} workshop={workshop} selectedVehicleId={search.vehicle} />
      ) : null}
    </Page>
  );
}
