import { Badge, Box, Group, VisuallyHidden } from '@mantine/core';
import { useLocation, useParams, useSearch } from '@tanstack/react-router';
import { ButtonLink } from '../../components/router-links.tsx';
import { useAreaMe } from '../area-me.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { useChatUnreadCount } from './use-chat-unread.ts';
import { useUnreadCount } from './use-notifications.ts';

type AppPath = '/app' | '/app/chat' | '/app/notifications' | '/app/more';

// Status is the start page; Manage users and Charging sit under More, as in the help articles.
function currentSection(pathname: string): AppPath {
  if (pathname.startsWith('/app/chat')) return '/app/chat';
  if (pathname.startsWith('/app/notifications')) return '/app/notifications';
  if (
    pathname.startsWith('/app/more') ||
    pathname.startsWith('/app/vehicles/') ||
    pathname.startsWith('/app/charging')
  ) {
    return '/app/more';
  }
  return '/app';
}

/** A count on a navigation button: seen as a badge, heard as "(2 unread)" after the name. */
function UnreadBadge({ count }: { count: number | null }) {
  if (!count) return null;
  return (
    <Badge component="span" size="sm" circle color="red.8" variant="filled" aria-hidden="true">
      {count}
    </Badge>
  );
}

function UnreadText({ count }: { count: number | null }) {
  const at = useAppTexts();
  if (!count) return null;
  return <VisuallyHidden component="span">{` (${at('nav.unread', { count })})`}</VisuallyHidden>;
}

/**
 * The driver app's four places, Status, Chat and Notifications (each with its unread count) and
 * More: one short row of buttons that fits a phone without scrolling sideways.
 */
export function AppNav() {
  const at = useAppTexts();
  const me = useAreaMe();
  const { pathname } = useLocation();
  const unread = useUnreadCount();
  const unreadMessages = useChatUnreadCount(me);
  // The chat opens on the car the page shows, if it shows one.
  const { vehicle } = useSearch({ strict: false });
  const { vehicleId } = useParams({ strict: false });
  const current = currentSection(pathname);
  const variant = (path: AppPath) => (path === current ? 'filled' : 'default');
  const ariaCurrent = (path: AppPath) => (path === current ? 'page' : undefined);

  return (
    <Box component="nav" aria-label={at('nav.label')} mb="md">
      <Group gap={6}>
        <ButtonLink
          to="/app"
          size="compact-md"
          variant={variant('/app')}
          aria-current={ariaCurrent('/app')}
          activeOptions={{ exact: true, includeSearch: false }}
        >
          {at('nav.status')}
        </ButtonLink>
        <ButtonLink
          to="/app/chat"
          search={{ vehicle: vehicle ?? vehicleId }}
          size="compact-md"
          variant={variant('/app/chat')}
          aria-current={ariaCurrent('/app/chat')}
          activeOptions={{ includeSearch: false }}
          rightSection={unreadMessages ? <UnreadBadge count={unreadMessages} /> : undefined}
        >
          {at('nav.chat')}
          <UnreadText count={unreadMessages} />
        </ButtonLink>
        <ButtonLink
          to="/app/notifications"
          size="compact-md"
          variant={variant('/app/notifications')}
          aria-current={ariaCurrent('/app/notifications')}
          rightSection={unread ? <UnreadBadge count={unread} /> : undefined}
        >
          {at('nav.notifications')}
          <UnreadText count={unread} />
        </ButtonLink>
        <ButtonLink
          to="/app/more"
          size="compact-md"
          variant={variant('/app/more')}
          aria-current={ariaCurrent('/app/more')}
        >
          {at('nav.more')}
        </ButtonLink>
      </Group>
    </Box>
  );
}
