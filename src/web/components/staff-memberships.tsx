import { List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../shared/role-labels.ts';
import type { OrganizationKind } from '../../shared/roles.ts';
import type { Me } from '../api/session.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatList } from './format.ts';

interface StaffMembershipsProps {
  me: Me;
  /** Which memberships this area is about. */
  kind: OrganizationKind;
}

/** Who is signed in, and their roles in each organisation of one kind. */
export function StaffMemberships({ me, kind }: StaffMembershipsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const language = currentLanguage();
  const memberships = me.staff.filter((membership) => membership.organizationKind === kind);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Text>{t('memberships.signedInAs', { name: me.user.name, email: me.user.email })}</Text>
      <Title order={2} id={headingId} size="h3">
        {t('memberships.title')}
      </Title>
      <List>
        {memberships.map((membership) => (
          <List.Item key={membership.organizationId}>
            {t('memberships.roles', {
              organization: membership.organizationName,
              roles: formatList(
                membership.roles.map((role) => ROLE_LABELS[language][role]),
                language,
              ),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
