import { Badge, Box, Group, VisuallyHidden } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { ButtonLink } from '../../components/router-links.tsx';
import { useAppTexts } from './use-app-texts.ts';
import { useUnreadCount } from './use-notifications.ts';

type AppPath = '/app' | '/app/notifications' | '/app/more';

// Status is the start page; Manage users sits under More, as in the help articles.
function currentSection(pathname: string): AppPath {
  if (pathname.startsWith('/app/notifications')) return '/app/notifications';
  if (pathname.startsWith('/app/more') || pathname.startsWith('/app/vehicles/')) return '/app/more';
  return '/app';
}

/**
 * The driver app's three places, Status, Notifications (with the unread count) and More: one
 * short row of buttons that fits a phone without scrolling sideways.
 */
export function AppNav() {
  const at = useAppTexts();
  const { pathname } = useLocation();
  const unread = useUnreadCount();
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
          to="/app/notifications"
          size="compact-md"
          variant={variant('/app/notifications')}
          aria-current={ariaCurrent('/app/notifications')}
          rightSection={
            unread ? (
              <Badge component="span" size="sm" circle color="red.8" variant="filled" aria-hidden="true">
                {unread}
              </Badge>
            ) : undefined
          }
        >
          {at('nav.notifications')}
          {unread ? (
            <VisuallyHidden component="span">{` (${at('nav.unread', { count: unread })})`}</VisuallyHidden>
          ) : null}
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
