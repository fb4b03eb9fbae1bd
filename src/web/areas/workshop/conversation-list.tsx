import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Conversation } from '../../api/chat.ts';
import { formatDateTime } from '../../components/format.ts';
import { NavLinkLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useWorkshopTexts } from './use-workshop-texts.ts';

interface ConversationListProps {
  workshopId: string;
  label: string;
  conversations: Conversation[];
  selectedVehicleId: string | undefined;
}

/**
 * The workshop's conversations as the API orders them (unread first, then newest): each one the
 * way into its chat, with the vehicle, its last message and how many are unread.
 */
export function ConversationList({
  workshopId,
  label,
  conversations,
  selectedVehicleId,
}: ConversationListProps) {
  const wt = useWorkshopTexts();
  const language = currentLanguage();
  return (
    <Stack component="ul" aria-label={label} gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
      {conversations.map((conversation) => {
        const { vehicle, lastMessage, unreadCount } = conversation;
        const isSelected = vehicle.id === selectedVehicleId;
        return (
          <li key={vehicle.id}>
            <NavLinkLink
              to="/workshop/inbox"
              search={{ workshop: workshopId, vehicle: vehicle.id }}
              active={isSelected}
              aria-current={isSelected ? 'true' : undefined}
              // Filled: Mantine's light active style is blue on pale blue, below 4.5:1. Its
              // description is also faded, which on the filled row falls below 4.5:1 too.
              variant="filled"
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              styles={{ description: { opacity: 1 } }}
              label={
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text span fw={unreadCount > 0 ? 700 : 600} inherit>
                    {vehicle.registrationNumber}
                  </Text>
                  {unreadCount > 0 ? (
                    <Badge
                      component="span"
                      color="red.8"
                      variant="filled"
                      radius="sm"
                      tt="none"
                      miw="max-content"
                    >
                      {wt('inbox.unread', { count: unreadCount })}
                    </Badge>
                  ) : null}
                </Group>
              }
              description={
                <Stack component="span" gap={2} c={isSelected ? 'white' : 'dimmed'}>
                  <Text span size="sm">{`${vehicle.make} ${vehicle.model}`}</Text>
                  <Text span size="sm" lineClamp={2}>
                    {wt('inbox.lastMessage', { name: lastMessage.author.name, body: lastMessage.body })}
                  </Text>
                  <Text span size="xs">
                    {formatDateTime(lastMessage.createdAt, language)}
                  </Text>
                </Stack>
              }
            />
          </li>
        );
      })}
    </Stack>
  );
}
