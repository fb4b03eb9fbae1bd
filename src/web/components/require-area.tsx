import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, useMe } from '../api/session.ts';
import { type AreaPath, allowedAreas, areaOfPath } from '../areas/area-access.ts';
import { LoadingState } from './loading-state.tsx';
import { Page } from './page.tsx';
import { ButtonLink } from './router-links.tsx';

interface RequireAreaProps {
  area: AreaPath;
  /** The area's name: the page heading while the session is checked or access is refused. */
  title: string;
  children: (me: Me) => ReactNode;
}

/**
 * Shows an area's page only to someone signed in whose memberships open that area. Signed-out
 * visitors go to the sign-in page, which brings them back here afterwards. This shapes the
 * interface only: the server checks every request on its own.
 */
export function RequireArea({ area, title, children }: RequireAreaProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { href, pathname } = useLocation();
  const navigate = useNavigate();
  const isSignedOut = me.data === null;
  // The location moves to the sign-in page while this page is still mounted; redirecting again
  // from there would wrap `next` inside `next` without end.
  const isHere = areaOfPath(pathname)?.path === area;

  useEffect(() => {
    if (isSignedOut && isHere) void navigate({ to: '/login', search: { next: href }, replace: true });
  }, [isSignedOut, isHere, href, navigate]);

  // Signed out: the effect above is on its way to the sign-in page.
  if (me.isPending || isSignedOut) {
    return (
      <Page title={title}>
        <LoadingState title={t('session.checkingTitle')} description={t('session.checkingDescription')} />
      </Page>
    );
  }
  if (me.isError) {
    return (
      <Page title={title}>
        <Alert color="red" title={t('session.failedTitle')}>
          {t('session.failedDescription')}
        </Alert>
        <Group>
          <Button onClick={() => void me.refetch()}>{t('session.retry')}</Button>
        </Group>
      </Page>
    );
  }
  if (!me.data) return null;
  const areas = allowedAreas(me.data);
  if (!areas.some((allowed) => allowed.path === area)) {
    return (
      <Page title={title}>
        <Stack gap="md" align="flex-start">
          <Text>{t('session.noAccess')}</Text>
          {areas.map((allowed) => (
            <ButtonLink key={allowed.path} to={allowed.path}>
              {t('session.goToArea', { area: t(allowed.label) })}
            </ButtonLink>
          ))}
        </Stack>
      </Page>
    );
  }
  return children(me.data);
}
