import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../components/require-area.tsx';
import { AreaMeProvider } from '../area-me.tsx';
import { AppNav } from './app-nav.tsx';

/** Frame of every driver-app page: signed-in car users only, with the app's own navigation. */
export function DriverAppLayout() {
  const { t } = useTranslation();
  return (
    <RequireArea area="/app" title={t('app.title')}>
      {(me) => (
        <AreaMeProvider me={me}>
          <AppNav />
          <Outlet />
        </AreaMeProvider>
      )}
    </RequireArea>
  );
}
