import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { ButtonLink } from '../../components/router-links.tsx';

interface AreaCardProps {
  to: '/admin' | '/workshop' | '/app';
  title: string;
  description: string;
  linkLabel: string;
}

function AreaCard({ to, title, description, linkLabel }: AreaCardProps) {
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap="xs">
          <Title order={3}>{title}</Title>
          <Text>{description}</Text>
        </Stack>
        <ButtonLink to={to} variant="default">
          {linkLabel}
        </ButtonLink>
      </Stack>
    </Card>
  );
}

/** The front door: what keyfob is, and the way into each area. */
export function LandingPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('landing.title')} documentTitle={t('brand')}>
      <Text size="lg" maw="40rem">
        {t('landing.intro')}
      </Text>
      <Group gap="sm">
        <Text>{t('landing.signInPrompt')}</Text>
        <ButtonLink to="/login">{t('landing.signInLink')}</ButtonLink>
      </Group>
      <Stack gap="md" component="section" aria-labelledby="landing-areas">
        <Title order={2} id="landing-areas">
          {t('landing.areasTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <AreaCard
            to="/admin"
            title={t('nav.admin')}
            description={t('landing.adminDescription')}
            linkLabel={t('landing.adminLink')}
          />
          <AreaCard
            to="/workshop"
            title={t('nav.workshop')}
            description={t('landing.workshopDescription')}
            linkLabel={t('landing.workshopLink')}
          />
          <AreaCard
            to="/app"
            title={t('nav.app')}
            description={t('landing.appDescription')}
            linkLabel={t('landing.appLink')}
          />
        </SimpleGrid>
      </Stack>
    </Page>
  );
}
