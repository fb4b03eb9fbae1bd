import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchWorkshops, WORKSHOPS_KEY } from '../../api/workshops.ts';
import { Page } from '../../components/page.tsx';
import { useAreaMe } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';
import { RequirePermission } from '../require-permission.tsx';
import type { OrganizationChoice } from '../staff/add-system-user-dialog.tsx';
import { StaffPanel } from '../staff/staff-panel.tsx';

/** Users → System users in the admin portal: staff of the operator and of every workshop. */
export function SystemUsersPage() {
  const { t } = useTranslation();
  const me = useAreaMe();
  const workshops = useQuery({
    queryKey: [...WORKSHOPS_KEY, { q: '' }],
    queryFn: () => fetchWorkshops(),
    enabled: hasPermission(me, 'workshop.read'),
  });
  const organizations: OrganizationChoice[] = [
    ...me.staff
      .filter((membership) => membership.organizationKind === 'operator')
      .map((membership) => ({
        id: membership.organizationId,
        name: membership.organizationName,
        kind: 'operator' as const,
      })),
    ...(workshops.data?.items ?? []).map((workshop) => ({
      id: workshop.id,
      name: workshop.name,
      kind: 'workshop' as const,
    })),
  ];
  return (
    <RequirePermission permission="staff.read" title={t('staff.title')}>
      <Page title={t('staff.title')}>
        <StaffPanel organizations={organizations} />
      </Page>
    </RequirePermission>
  );
}
