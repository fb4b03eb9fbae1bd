import {
  AppShell,
  Box,
  Burger,
  Button,
  Container,
  Divider,
  Drawer,
  Group,
  Menu,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Me, useMe } from '../api/session.ts';
import { allowedAreas, areaOfPath } from '../areas/area-access.ts';
import { useSignOut } from '../areas/auth/use-sign-out.ts';
import { ChevronDownIcon } from './icons.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { AnchorLink, ButtonLink, NavLinkLink } from './router-links.tsx';

/** Lets a person with more than one area move between them; lists only the areas they may use. */
function AreaMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const areas = allowedAreas(me);
  const current = areaOfPath(pathname);
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" rightSection={<ChevronDownIcon />}>
          {current ? t('session.currentArea', { area: t(current.label) }) : t('session.area')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {areas.map((area) => (
          <Menu.Item
            key={area.path}
            component={Link}
            to={area.path}
            aria-current={area.path === current?.path ? 'page' : undefined}
            fw={area.path === current?.path ? 700 : undefined}
          >
            {t(area.label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function SignOutButton({ onSignedOut }: { onSignedOut?: () => void }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Button
      variant="default"
      size="sm"
      loading={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSuccess: onSignedOut })}
    >
      {t('session.signOut')}
    </Button>
  );
}

/**
 * The frame around every page: a header with the brand, the language switch and, once someone is
 * signed in, their name, the area switcher and sign-out; the page itself goes in the one <main>.
 * Below the `md` breakpoint a signed-in person's controls move into a drawer behind a burger
 * button, so a 375px-wide phone never scrolls sideways.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [isMenuOpen, menu] = useDisclosure(false);
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const areaPath = areaOfPath(pathname)?.path;
  const isPortal = areaPath === '/admin' || areaPath === '/workshop';

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <AnchorLink to="/" fw={800} fz="xl" underline="hover">
            {t('brand')}
          </AnchorLink>
          {me && allowedAreas(me).length > 1 ? (
            <Box component="nav" aria-label={t('nav.label')} visibleFrom="md">
              <AreaMenu me={me} />
            </Box>
          ) : null}
          <Group gap="sm" wrap="nowrap">
            {me ? (
              <Group gap="sm" wrap="nowrap" visibleFrom="md">
                <Text fw={500}>{t('session.signedInAs', { name: me.user.name })}</Text>
                <SignOutButton />
              </Group>
            ) : null}
            <LanguageSwitch />
            {/* On the sign-in page itself the link would only lead back to it. */}
            {me === null && pathname !== '/login' ? (
              <ButtonLink to="/login" size="compact-sm" variant="default">
                {t('nav.signIn')}
              </ButtonLink>
            ) : null}
            {me ? (
              <Burger
                opened={isMenuOpen}
                onClick={menu.toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={isMenuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={isMenuOpen}
              />
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>

      {me ? (
        <Drawer.Root opened={isMenuOpen} onClose={menu.close} position="right" size="xs" hiddenFrom="md">
          <Drawer.Overlay />
          <Drawer.Content>
            {/* Inside a dialog a bare <header> would count as a second page banner landmark. */}
            <Drawer.Header role="none">
              <Drawer.Title>{t('nav.menuTitle')}</Drawer.Title>
              <Drawer.CloseButton aria-label={t('nav.closeMenu')} />
            </Drawer.Header>
            <Drawer.Body>
              <Stack gap="md">
                <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {t('session.signedInAs', { name: me.user.name })}
                </Text>
                <nav aria-label={t('nav.label')}>
                  <Stack gap={4}>
                    {allowedAreas(me).map((area) => (
                      <NavLinkLink
                        key={area.path}
                        to={area.path}
                        label={t(area.label)}
                        onClick={menu.close}
                      />
                    ))}
                  </Stack>
                </nav>
                <Divider />
                <SignOutButton onSignedOut={menu.close} />
              </Stack>
            </Drawer.Body>
          </Drawer.Content>
        </Drawer.Root>
      ) : null}

      <AppShell.Main>
        {/* The portals put their own navigation beside wide lists, so they get a wider page. */}
        <Container size={isPortal ? 'xl' : 'md'} px={0} py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
