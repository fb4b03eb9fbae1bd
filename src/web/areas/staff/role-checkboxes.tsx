import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../shared/role-labels.ts';
import {
  OPERATOR_ROLES,
  type OrganizationKind,
  type StaffRole,
  WORKSHOP_ROLES,
} from '../../../shared/roles.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** The roles a member of an organisation of this kind can hold (SPEC §2). */
export function rolesOfKind(kind: OrganizationKind): readonly StaffRole[] {
  return kind === 'operator' ? OPERATOR_ROLES : WORKSHOP_ROLES;
}

/** Narrows the checkbox values (plain strings) to roles of the organisation's kind. */
export function toRoles(values: string[], kind: OrganizationKind): StaffRole[] {
  const allowed = rolesOfKind(kind);
  return allowed.filter((role) => values.includes(role));
}

interface RoleCheckboxesProps {
  kind: OrganizationKind;
  value: StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string | undefined;
}

/** One checkbox per role of the organisation's kind, each saying what the role is for. */
export function RoleCheckboxes({ kind, value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Checkbox.Group
      label={t('staff.rolesLabel')}
      description={t('staff.rolesHint')}
      value={value}
      onChange={(values) => onChange(toRoles(values, kind))}
      error={error}
      errorProps={{ role: 'alert' }}
    >
      <Stack gap="sm" mt="xs">
        {rolesOfKind(kind).map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={ROLE_LABELS[language][role]}
            description={t(`roleDescriptions.${role}`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
