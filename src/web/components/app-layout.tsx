import { AppShell, Box, Burger, Container, Drawer, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';
import { AnchorLink, NavLinkLink } from './router-links.tsx';

const AREAS = [
  { to: '/admin', label: 'nav.admin' },
  { to: '/workshop', label: 'nav.workshop' },
  { to: '/app', label: 'nav.app' },
  { to: '/login', label: 'nav.signIn' },
] as const;

/**
 * The frame around every page: a header with the brand, the area links and the language switch,
 * and the page itself in the one <main>. Below the `md` breakpoint the links move into a drawer
 * behind a burger button, so a 375px-wide phone never scrolls sideways.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [isMenuOpen, menu] = useDisclosure(false);

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <AnchorLink to="/" fw={800} fz="xl" underline="hover">
            {t('brand')}
          </AnchorLink>
          <Box component="nav" aria-label={t('nav.label')} visibleFrom="md">
            <Group gap="lg" wrap="nowrap">
              {AREAS.map((area) => (
                <AnchorLink
                  key={area.to}
                  to={area.to}
                  c="var(--mantine-color-text)"
                  fw={500}
                  activeProps={{ fw: 700, c: 'var(--mantine-color-anchor)' }}
                >
                  {t(area.label)}
                </AnchorLink>
              ))}
            </Group>
          </Box>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Burger
              opened={isMenuOpen}
              onClick={menu.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={isMenuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={isMenuOpen}
            />
          </Group>
        </Group>
      </AppShell.Header>

      <Drawer.Root opened={isMenuOpen} onClose={menu.close} position="right" size="xs" hiddenFrom="md">
        <Drawer.Overlay />
        <Drawer.Content>
          {/* Inside a dialog a bare <header> would count as a second page banner landmark. */}
          <Drawer.Header role="none">
            <Drawer.Title>{t('nav.menuTitle')}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('nav.closeMenu')} />
          </Drawer.Header>
          <Drawer.Body>
            <nav aria-label={t('nav.label')}>
              <Stack gap={4}>
                {AREAS.map((area) => (
                  <NavLinkLink key={area.to} to={area.to} label={t(area.label)} onClick={menu.close} />
                ))}
              </Stack>
            </nav>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>

      <AppShell.Main>
        <Container size="md" px={0} py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
