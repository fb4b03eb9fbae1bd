import { Box, Flex, Group, Stack, Text } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ButtonLink, NavLinkLink } from './router-links.tsx';
import { useIsPhone } from './use-is-phone.ts';

/** The section pages of the admin and workshop portals, as their links name them. */
export type SectionPath =
  | '/admin'
  | '/admin/system-users'
  | '/admin/customers'
  | '/admin/accounts'
  | '/admin/workshops'
  | '/admin/mail'
  | '/admin/statements'
  | '/admin/charging-keys'
  | '/workshop'
  | '/workshop/alarms'
  | '/workshop/inbox'
  | '/workshop/bookings'
  | '/workshop/booking-settings'
  | '/workshop/staff';

export interface SectionLink {
  to: SectionPath;
  label: string;
  /** Active only on this very path, not on the pages below it (for an area's start page). */
  isExact?: boolean;
  /** Which workshop the page shows, kept when moving between the workshop portal's pages. */
  search?: { workshop?: string };
}

export interface SectionGroup {
  /** A heading over related links, e.g. "Users" over System users and Customers. */
  label?: string;
  links: SectionLink[];
}

interface SectionLayoutProps {
  /** Names the navigation landmark. */
  label: string;
  groups: SectionGroup[];
  children: ReactNode;
}

// The router marks the current link with aria-current="page" by the same rule (given `exact` for
// start pages); this decides the look.
function isActive(link: SectionLink, pathname: string): boolean {
  const path = pathname.replace(/\/$/, '') || '/';
  return path === link.to || (!link.isExact && path.startsWith(`${link.to}/`));
}

/**
 * An area's own navigation beside its pages: a sidebar with grouped links on wider screens, and
 * on phones a short row of wrapping buttons above the page, so every section stays one tap away
 * without any sideways scrolling.
 */
export function SectionLayout({ label, groups, children }: SectionLayoutProps) {
  const { pathname } = useLocation();
  const isPhone = useIsPhone();
  const links = groups.flatMap((group) => group.links);

  return (
    <Flex direction={isPhone ? 'column' : 'row'} gap={isPhone ? 'md' : 'xl'} align="stretch">
      <Box component="nav" aria-label={label} w={isPhone ? '100%' : 220} style={{ flexShrink: 0 }}>
        {isPhone ? (
          <Group gap={6}>
            {links.map((link) => {
              const isCurrent = isActive(link, pathname);
              return (
                <ButtonLink
                  key={link.to}
                  to={link.to}
                  search={link.search}
                  size="compact-sm"
                  variant={isCurrent ? 'filled' : 'default'}
                  activeOptions={{ exact: link.isExact === true, includeSearch: false }}
                >
                  {link.label}
                </ButtonLink>
              );
            })}
          </Group>
        ) : (
          <Stack gap="md">
            {groups.map((group) => (
              <Stack key={group.label ?? group.links[0]?.to} gap={2}>
                {group.label ? (
                  <Text size="sm" fw={700} c="dimmed" px="sm" tt="uppercase">
                    {group.label}
                  </Text>
                ) : null}
                {group.links.map((link) => {
                  const isCurrent = isActive(link, pathname);
                  return (
                    <NavLinkLink
                      key={link.to}
                      to={link.to}
                      search={link.search}
                      label={link.label}
                      active={isCurrent}
                      // Filled: Mantine's light active style is blue on pale blue, below 4.5:1.
                      variant="filled"
                      activeOptions={{ exact: link.isExact === true, includeSearch: false }}
                      pl={group.label ? 'lg' : 'sm'}
                      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                    />
                  );
                })}
              </Stack>
            ))}
          </Stack>
        )}
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>{children}</Box>
    </Flex>
  );
}
