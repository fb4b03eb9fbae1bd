import { Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  /** The page's one <h1>; also leads the browser tab title. */
  title: string;
  /** Browser tab title when it should differ from `title · keyfob`. */
  documentTitle?: string;
  /** Buttons beside the heading, in its top-right corner (below it on a narrow screen). */
  actions?: ReactNode;
  children?: ReactNode;
}

/** Frame of every page: exactly one <h1>, and a tab title that names the page. */
export function Page({ title, documentTitle, actions, children }: PageProps) {
  const { t } = useTranslation();
  useDocumentTitle(documentTitle ?? `${title} · ${t('page.titleSuffix')}`);
  return (
    // Emails and links have no natural break points; on a phone they must wrap, not push the
    // page wider than the screen.
    <Stack gap="lg" style={{ overflowWrap: 'anywhere' }}>
      {actions ? (
        <Group justify="space-between" align="center" gap="sm">
          <Title order={1}>{title}</Title>
          <Group gap="sm">{actions}</Group>
        </Group>
      ) : (
        <Title order={1}>{title}</Title>
      )}
      {children}
    </Stack>
  );
}
