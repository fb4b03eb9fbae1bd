import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../components/require-area.tsx';
import { SectionLayout } from '../../components/section-layout.tsx';
import { AreaMeProvider } from '../area-me.tsx';
import { managedWorkshops } from './managed-workshops.ts';

/** Frame of every workshop portal page: workshop staff only, with the portal's own navigation. */
export function WorkshopLayout() {
  const { t } = useTranslation();
  return (
    <RequireArea area="/workshop" title={t('workshop.title')}>
      {(me) => (
        <AreaMeProvider me={me}>
          {managedWorkshops(me).length > 0 ? (
            <SectionLayout
              label={t('workshopNav.label')}
              groups={[
                {
                  links: [
                    { to: '/workshop', label: t('workshopNav.overview'), isExact: true },
                    { to: '/workshop/staff', label: t('workshopNav.staff') },
                  ],
                },
              ]}
            >
              <Outlet />
            </SectionLayout>
          ) : (
            // Nothing to navigate between yet for staff who do not manage people.
            <Outlet />
          )}
        </AreaMeProvider>
      )}
    </RequireArea>
  );
}
