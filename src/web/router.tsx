import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AccountPage } from './areas/admin/account-page.tsx';
import { AccountsPage } from './areas/admin/accounts-page.tsx';
import { AdminHomePage } from './areas/admin/admin-home-page.tsx';
import { AdminLayout } from './areas/admin/admin-layout.tsx';
import { ChargingKeysPage } from './areas/admin/charging-keys-page.tsx';
import { CustomersPage } from './areas/admin/customers-page.tsx';
import { MailPage } from './areas/admin/mail-page.tsx';
import { AdminStatementPage } from './areas/admin/statement-page.tsx';
import { StatementsPage } from './areas/admin/statements-page.tsx';
import { SystemUsersPage } from './areas/admin/system-users-page.tsx';
import { WorkshopsPage } from './areas/admin/workshops-page.tsx';
import { BookServicePage } from './areas/app/book-service-page.tsx';
import { BookingPage, parseBookingSearch } from './areas/app/booking-page.tsx';
import { BookingsPage } from './areas/app/bookings-page.tsx';
import { ChargingPage } from './areas/app/charging-page.tsx';
import { AccountSessionsPage, MySessionsPage } from './areas/app/charging-sessions-page.tsx';
import { AccountStatementPage, MyStatementPage } from './areas/app/charging-statement-page.tsx';
import { ChatPage, parseChatSearch } from './areas/app/chat-page.tsx';
import { DriverAppLayout } from './areas/app/driver-app-layout.tsx';
import { ManageUsersPage } from './areas/app/manage-users-page.tsx';
import { MorePage } from './areas/app/more-page.tsx';
import { NotificationsPage } from './areas/app/notifications-page.tsx';
import { parseStatusSearch, StatusPage } from './areas/app/status-page.tsx';
import { TripPage } from './areas/app/trip-page.tsx';
import { TripsPage } from './areas/app/trips-page.tsx';
import { ActivateInvitationPage } from './areas/auth/activate-invitation-page.tsx';
import { LoginPage } from './areas/auth/login-page.tsx';
import { safeNextPath } from './areas/auth/next-path.ts';
import { RequestPasswordResetPage } from './areas/auth/request-password-reset-page.tsx';
import { ResetPasswordPage } from './areas/auth/reset-password-page.tsx';
import {
  parseAdminStatementSearch,
  parseChargingSearch,
  parseMonthSearch,
} from './areas/charging/charging-search.ts';
import { LandingPage } from './areas/home/landing-page.tsx';
import { BookingSettingsPage } from './areas/workshop/booking-settings-page.tsx';
import { WorkshopVehiclePage } from './areas/workshop/vehicle-page.tsx';
import { parseWorkshopSearch } from './areas/workshop/workshop-access.ts';
import { WorkshopAlarmsPage } from './areas/workshop/workshop-alarms-page.tsx';
import { parseBookingsSearch, WorkshopBookingsPage } from './areas/workshop/workshop-bookings-page.tsx';
import { WorkshopHomePage } from './areas/workshop/workshop-home-page.tsx';
import { parseInboxSearch, WorkshopInboxPage } from './areas/workshop/workshop-inbox-page.tsx';
import { WorkshopLayout } from './areas/workshop/workshop-layout.tsx';
import { WorkshopStaffPage } from './areas/workshop/workshop-staff-page.tsx';
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

// The admin portal: one layout checks access and draws the portal's navigation; each section is
// a child page under it.
const adminRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin', component: AdminLayout });
const adminHomeRoute = createRoute({ getParentRoute: () => adminRoute, path: '/', component: AdminHomePage });
const systemUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/system-users',
  component: SystemUsersPage,
});
const customersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/customers',
  component: CustomersPage,
});
const accountsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/accounts',
  component: AccountsPage,
});
const accountRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/accounts/$accountId',
  component: AccountPage,
});
const workshopsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/workshops',
  component: WorkshopsPage,
});
const mailRoute = createRoute({ getParentRoute: () => adminRoute, path: '/mail', component: MailPage });
// Charging reimbursement: every statement (filters in the address, so the CSV link follows them),
// one statement under its account, and the charging back ends' keys.
const statementsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/statements',
  validateSearch: parseAdminStatementSearch,
  component: StatementsPage,
});
const adminStatementRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/accounts/$accountId/statements/$statementId',
  component: AdminStatementPage,
});
const chargingKeysRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/charging-keys',
  component: ChargingKeysPage,
});

const workshopRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/workshop',
  component: WorkshopLayout,
});
const workshopHomeRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/',
  validateSearch: parseWorkshopSearch,
  component: WorkshopHomePage,
});
const workshopVehicleRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/vehicles/$vehicleId',
  validateSearch: parseWorkshopSearch,
  component: WorkshopVehiclePage,
});
const workshopAlarmsRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/alarms',
  validateSearch: parseWorkshopSearch,
  component: WorkshopAlarmsPage,
});
const workshopInboxRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/inbox',
  validateSearch: parseInboxSearch,
  component: WorkshopInboxPage,
});
const workshopBookingsRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/bookings',
  validateSearch: parseBookingsSearch,
  component: WorkshopBookingsPage,
});
const workshopBookingSettingsRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/booking-settings',
  validateSearch: parseWorkshopSearch,
  component: BookingSettingsPage,
});
const workshopStaffRoute = createRoute({
  getParentRoute: () => workshopRoute,
  path: '/staff',
  component: WorkshopStaffPage,
});

// The driver app: one layout checks access and draws the app's navigation (Status, Chat,
// Notifications, More); Manage users and a car's trips sit below More, as in the help articles.
const driverAppRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/app',
  component: DriverAppLayout,
});
const driverStatusRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/',
  validateSearch: parseStatusSearch,
  component: StatusPage,
});
const driverChatRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/chat',
  validateSearch: parseChatSearch,
  component: ChatPage,
});
const driverMoreRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/more',
  component: MorePage,
});
const driverUsersRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/vehicles/$vehicleId/users',
  component: ManageUsersPage,
});
const driverTripsRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/vehicles/$vehicleId/trips',
  component: TripsPage,
});
const driverTripRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/vehicles/$vehicleId/trips/$tripId',
  component: TripPage,
});
// Service booking sits under the car, like its trips; booking mails link to one booking's page.
const driverBookingsRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/vehicles/$vehicleId/bookings',
  component: BookingsPage,
});
const driverBookServiceRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/vehicles/$vehicleId/bookings/new',
  component: BookServicePage,
});
const driverBookingRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/vehicles/$vehicleId/bookings/$bookingId',
  validateSearch: parseBookingSearch,
  component: BookingPage,
});
// Charging sits below More: an owner's account statements and sessions, and a driver's own.
const driverChargingRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/charging',
  validateSearch: parseChargingSearch,
  component: ChargingPage,
});
const driverMyChargingSessionsRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/charging/sessions',
  validateSearch: parseMonthSearch,
  component: MySessionsPage,
});
const driverMyStatementRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/charging/statements/$statementId',
  component: MyStatementPage,
});
const driverAccountChargingSessionsRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/charging/accounts/$accountId/sessions',
  validateSearch: parseMonthSearch,
  component: AccountSessionsPage,
});
const driverAccountStatementRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/charging/accounts/$accountId/statements/$statementId',
  component: AccountStatementPage,
});
const driverNotificationsRoute = createRoute({
  getParentRoute: () => driverAppRoute,
  path: '/notifications',
  component: NotificationsPage,
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  loginRoute,
  activateInvitationRoute,
  requestPasswordResetRoute,
  resetPasswordRoute,
  adminRoute.addChildren([
    adminHomeRoute,
    systemUsersRoute,
    customersRoute,
    accountsRoute,
    accountRoute,
    workshopsRoute,
    mailRoute,
    statementsRoute,
    adminStatementRoute,
    chargingKeysRoute,
  ]),
  workshopRoute.addChildren([
    workshopHomeRoute,
    workshopAlarmsRoute,
    workshopInboxRoute,
    workshopBookingsRoute,
    workshopBookingSettingsRoute,
    workshopStaffRoute,
    workshopVehicleRoute,
  ]),
  driverAppRoute.addChildren([
    driverStatusRoute,
    driverChatRoute,
    driverMoreRoute,
    driverUsersRoute,
    driverTripsRoute,
    driverTripRoute,
    driverBookingsRoute,
    driverBookServiceRoute,
    driverBookingRoute,
    driverChargingRoute,
    driverMyChargingSessionsRoute,
    driverMyStatementRoute,
    driverAccountChargingSessionsRoute,
    driverAccountStatementRoute,
    driverNotificationsRoute,
  ]),
]);

export const router = createRouter({ routeTree, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
