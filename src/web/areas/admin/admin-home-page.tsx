import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import type { SectionPath } from '../../components/section-layout.tsx';
import { StaffMemberships } from '../../components/staff-memberships.tsx';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission, type PermissionName } from '../permissions.ts';

interface Section {
  to: SectionPath;
  permission: PermissionName;
  title:
    | 'adminNav.systemUsers'
    | 'adminNav.customers'
    | 'adminNav.accounts'
    | 'adminNav.workshops'
    | 'adminNav.mail'
    | 'adminNav.statements'
    | 'adminNav.chargingKeys';
  description:
    | 'admin.systemUsersDescription'
    | 'admin.customersDescription'
    | 'admin.accountsDescription'
    | 'admin.workshopsDescription'
    | 'admin.mailDescription'
    | 'admin.statementsDescription'
    | 'admin.chargingKeysDescription';
}

const SECTIONS: Section[] = [
  {
    to: '/admin/system-users',
    permission: 'staff.read',
    title: 'adminNav.systemUsers',
    description: 'admin.systemUsersDescription',
  },
  {
    to: '/admin/customers',
    permission: 'customer.read',
    title: 'adminNav.customers',
    description: 'admin.customersDescription',
  },
  {
    to: '/admin/accounts',
    permission: 'account.read',
    title: 'adminNav.accounts',
    description: 'admin.accountsDescription',
  },
  {
    to: '/admin/workshops',
    permission: 'workshop.read',
    title: 'adminNav.workshops',
    description: 'admin.workshopsDescription',
  },
  {
    to: '/admin/mail',
    permission: 'mail.read',
    title: 'adminNav.mail',
    description: 'admin.mailDescription',
  },
  {
    to: '/admin/statements',
    permission: 'statement.export',
    title: 'adminNav.statements',
    description: 'admin.statementsDescription',
  },
  {
    to: '/admin/charging-keys',
    permission: 'charging.keys.manage',
    title: 'adminNav.chargingKeys',
    description: 'admin.chargingKeysDescription',
  },
];

/** Start page of the admin portal: who is signed in, and the sections they can open. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const me = useAreaMe();
  const headingId = useId();
  const sections = SECTIONS.filter((section) => hasPermission(me, section.permission));
  return (
    <Page title={t('admin.title')}>
      <StaffMemberships me={me} kind="operator" />
      <Stack gap="sm" component="section" aria-labelledby={headingId}>
        <Title order={2} size="h3" id={headingId}>
          {t('admin.sectionsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {sections.map((section) => (
            <Card key={section.to} withBorder padding="md" radius="md">
              <AnchorLink to={section.to} fw={700} fz="lg">
                {t(section.title)}
              </AnchorLink>
              <Text mt={4}>{t(section.description)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Page>
  );
}
