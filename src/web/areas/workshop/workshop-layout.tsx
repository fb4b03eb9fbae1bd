import { Outlet, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../components/require-area.tsx';
import { SectionLayout, type SectionLink } from '../../components/section-layout.tsx';
import { useBookingTexts } from '../../components/use-booking-texts.ts';
import { AreaMeProvider } from '../area-me.tsx';
import { managedWorkshops } from './managed-workshops.ts';
import { useWorkshopTexts } from './use-workshop-texts.ts';
import { canDo } from './workshop-access.ts';

/**
 * Frame of every workshop portal page: workshop staff only, with the portal's own navigation.
 * Vehicles, Inbox, Bookings and Alarms keep the workshop the address names (`?workshop=`); Booking
 * settings and Staff are for workshop admins.
 */
export function WorkshopLayout() {
  const { t } = useTranslation();
  const wt = useWorkshopTexts();
  const bt = useBookingTexts();
  const { workshop } = useSearch({ strict: false });
  const search = { workshop };
  return (
    <RequireArea area="/workshop" title={t('workshop.title')}>
      {(me) => {
        const links: SectionLink[] = [
          { to: '/workshop', label: t('workshopNav.overview'), isExact: true, search },
          ...(canDo(me, 'vehicle.chat')
            ? [{ to: '/workshop/inbox' as const, label: wt('inbox.nav'), search }]
            : []),
          ...(me.permissions.includes('booking.read')
            ? [{ to: '/workshop/bookings' as const, label: bt('workshop.nav'), search }]
            : []),
          { to: '/workshop/alarms', label: t('workshopNav.alarms'), search },
          ...(managedWorkshops(me).length > 0
            ? [
                { to: '/workshop/booking-settings' as const, label: bt('workshop.settingsNav'), search },
                { to: '/workshop/staff' as const, label: t('workshopNav.staff') },
              ]
            : []),
        ];
        return (
          <AreaMeProvider me={me}>
            <SectionLayout label={t('workshopNav.label')} groups={[{ links }]}>
              <Outlet />
            </SectionLayout>
          </AreaMeProvider>
        );
      }}
    </RequireArea>
  );
}
