import { Outlet } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/session.ts';
import { RequireArea } from '../../components/require-area.tsx';
import { type SectionGroup, SectionLayout, type SectionLink } from '../../components/section-layout.tsx';
import { AreaMeProvider } from '../area-me.tsx';
import { hasPermission } from '../permissions.ts';

/** The admin portal's sections, as the help articles name them, for what the person may see. */
function adminSections(me: Me, t: TFunction): SectionGroup[] {
  const when = (isAllowed: boolean, link: SectionLink) => (isAllowed ? [link] : []);
  const groups: SectionGroup[] = [
    { links: [{ to: '/admin', label: t('adminNav.overview'), isExact: true }] },
    {
      label: t('adminNav.users'),
      links: [
        ...when(hasPermission(me, 'staff.read'), {
          to: '/admin/system-users',
          label: t('adminNav.systemUsers'),
        }),
        ...when(hasPermission(me, 'customer.read'), {
          to: '/admin/customers',
          label: t('adminNav.customers'),
        }),
      ],
    },
    {
      links: [
        ...when(hasPermission(me, 'account.read'), { to: '/admin/accounts', label: t('adminNav.accounts') }),
        ...when(hasPermission(me, 'workshop.read'), {
          to: '/admin/workshops',
          label: t('adminNav.workshops'),
        }),
        ...when(hasPermission(me, 'mail.read'), { to: '/admin/mail', label: t('adminNav.mail') }),
      ],
    },
    {
      label: t('adminNav.charging'),
      links: [
        ...when(hasPermission(me, 'statement.export'), {
          to: '/admin/statements',
          label: t('adminNav.statements'),
        }),
        ...when(hasPermission(me, 'charging.keys.manage'), {
          to: '/admin/charging-keys',
          label: t('adminNav.chargingKeys'),
        }),
      ],
    },
  ];
  return groups.filter((group) => group.links.length > 0);
}

/** Frame of every admin portal page: operator staff only, with the portal's own navigation. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <RequireArea area="/admin" title={t('admin.title')}>
      {(me) => (
        <AreaMeProvider me={me}>
          <SectionLayout label={t('adminNav.label')} groups={adminSections(me, t)}>
            <Outlet />
          </SectionLayout>
        </AreaMeProvider>
      )}
    </RequireArea>
  );
}
