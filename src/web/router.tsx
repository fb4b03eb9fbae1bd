import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AdminHomePage } from './areas/admin/admin-home-page.tsx';
import { DriverHomePage } from './areas/app/driver-home-page.tsx';
import { ActivateInvitationPage } from './areas/auth/activate-invitation-page.tsx';
import { LoginPage } from './areas/auth/login-page.tsx';
import { safeNextPath } from './areas/auth/next-path.ts';
import { RequestPasswordResetPage } from './areas/auth/request-password-reset-page.tsx';
import { ResetPasswordPage } from './areas/auth/reset-password-page.tsx';
import { LandingPage } from './areas/home/landing-page.tsx';
import { WorkshopHomePage } from './areas/workshop/workshop-home-page.tsx';
import { AppLayout } from './components/app-layout.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';

// The route tree is written out in code (no file-based generator), so this file is the one place
// that lists every page path.

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const landingRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: LandingPage });

interface LoginSearch {
  /** Where to go after signing in: only ever a path on this site. */
  next?: string;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  // An unsafe `next` is dropped here, so no page ever sees one. The key is always returned: a key
  // left out would fall through to the raw, unchecked search of the root route.
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({ next: safeNextPath(search.next) }),
  component: LoginPage,
});

const activateInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activate/$token',
  component: ActivateInvitationPage,
});

const requestPasswordResetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: RequestPasswordResetPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password/$token',
  component: ResetPasswordPage,
});

const adminRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin', component: AdminHomePage });

const workshopRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/workshop',
  component: WorkshopHomePage,
});

const driverAppRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/app',
  component: DriverHomePage,
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  loginRoute,
  activateInvitationRoute,
  requestPasswordResetRoute,
  resetPasswordRoute,
  adminRoute,
  workshopRoute,
  driverAppRoute,
]);

export const router = createRouter({ routeTree, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
