import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { VehicleUser } from '../../api/vehicle-users.ts';
import type { VehicleRole } from '../../api/vehicles.ts';
import { formatDateTime } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useAppTexts } from './use-app-texts.ts';

interface VehicleUserListProps {
  plate: string;
  users: VehicleUser[];
  myUserId: string;
  myRole: VehicleRole;
  /** Asks to remove a secondary user (the primary only). */
  onRemove: (user: VehicleUser) => void;
}

/**
 * The people who use the car, with their roles: the primary sees emails and a Remove button
 * beside each secondary user; a secondary user sees names and roles, and, where the primary
 * would see Remove, how to leave (SPEC §5: only the primary removes).
 */
export function VehicleUserList({ plate, users, myUserId, myRole, onRemove }: VehicleUserListProps) {
  const at = useAppTexts();
  const language = currentLanguage();
  const primaryName = users.find((user) => user.role === 'primary')?.name;
  return (
    <Stack
      component="ul"
      aria-label={at('users.listLabel', { plate })}
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {users.map((user) => {
        const isMe = user.id === myUserId;
        return (
          <Card component="li" key={user.id} withBorder padding="sm" radius="md">
            <Stack gap={4}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text fw={600}>{isMe ? `${user.name} (${at('users.you')})` : user.name}</Text>
                <Text size="sm">{at(`roles.${user.role}`)}</Text>
              </Group>
              {user.email ? <Text size="sm">{user.email}</Text> : null}
              <Text size="sm" c="dimmed">
                {at('users.since', { date: formatDateTime(user.since, language) })}
              </Text>
              {myRole === 'primary' && user.role === 'secondary' ? (
                <Group mt={4}>
                  <Button
                    variant="outline"
                    color="red.8"
                    size="compact-md"
                    aria-label={at('users.removeNamed', { name: user.name })}
                    onClick={() => onRemove(user)}
                  >
                    {at('users.remove')}
                  </Button>
                </Group>
              ) : null}
              {myRole === 'secondary' && isMe ? (
                <Text size="sm" mt={4}>
                  {primaryName
                    ? at('users.askPrimary', { name: primaryName })
                    : at('users.askPrimaryUnnamed')}
                </Text>
              ) : null}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
