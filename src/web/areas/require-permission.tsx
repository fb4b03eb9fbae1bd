import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { useAreaMe } from './area-me.tsx';
import { hasPermission, type PermissionName } from './permissions.ts';

interface RequirePermissionProps {
  permission: PermissionName;
  /** The page's heading, kept when access is refused so the person knows where they are. */
  title: string;
  children: ReactNode;
}

/** A section page for those who hold its permission; others are told so (the API refuses anyway). */
export function RequirePermission({ permission, title, children }: RequirePermissionProps) {
  const { t } = useTranslation();
  const me = useAreaMe();
  if (hasPermission(me, permission)) return children;
  return (
    <Page title={title}>
      <Text>{t('session.noPermission')}</Text>
    </Page>
  );
}
