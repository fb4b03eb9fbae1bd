import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  signIn,
} from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

/** Weekdays 08:00–12:00 and 13:00–16:00 in hour slots, two bays, cancelling up to a day before. */
const SETTINGS = {
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '08:00', closes: '12:00' },
    { weekday, opens: '13:00', closes: '16:00' },
  ]),
  closedDates: [],
  slotMinutes: 60,
  capacity: 2,
  cancellationCutoffHours: 24,
};

describe('service booking in the driver app and the workshop portal (SPEC §7), in Chromium', () => {
  const t = useBrowserTest();

  /**
   * A browser of the person's own, signed in by a session cookie made directly, whose clock
   * reads the test server's (Sunday 1 March 2026, 10:00 in Copenhagen), so "today" is the same.
   */
  async function openAs(user: { id: string }, options: { phone?: boolean; locale?: string } = {}) {
    const page = await t.newPage(options);
    await page.clock.setFixedTime(t.server.clock.now());
    const token = await signIn(t.server.database.db, user, t.server.clock.now());
    await page.context().addCookies([{ name: 'keyfob_session', value: token, url: t.baseUrl }]);
    return page;
  }

  /** Checks the page as it is now: no serious axe findings and, on a phone, no sideways scroll. */
  async function checkPage(page: Page, isPhone = false) {
    await expectAccessible(page);
    if (isPhone) await expectNoHorizontalScroll(page);
  }

  /** A call to the API as someone, as another client would make it. */
  async function call(user: { id: string }, method: string, path: string, body?: object) {
    const token = await signIn(t.server.database.db, user, t.server.clock.now());
    const response = await fetch(`${t.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response;
  }

  // One household at one workshop that takes bookings: the primary, a secondary user who books,
  // the workshop's admin (who set it up) and a service advisor (who answers).
  const car = {
    vehicleId: '',
    plate: '',
    workshopId: '',
    admin: { id: '' },
    advisor: { id: '' },
    primary: { id: '' },
    secondary: { id: '' },
    bookingId: '',
  };

  beforeAll(async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: 'Nørre Auto' });
    const admin = await buildStaff(db, workshop, ['workshop_admin'], { name: 'Wilma Admin' });
    const advisor = await buildStaff(db, workshop, ['service_advisor'], { name: 'Sara Service' });
    const primary = await buildUser(db, { name: 'Pia Primær' });
    const secondary = await buildUser(db, { name: 'Sam Sekundær' });
    const { vehicle, deviceToken } = await buildVehicle(db, { workshop, primary, secondaries: [secondary] });
    Object.assign(car, {
      vehicleId: vehicle.id,
      plate: vehicle.registrationNumber,
      workshopId: workshop.id,
      admin,
      advisor,
      primary,
      secondary,
    });

    await call(admin, 'PUT', `/workshops/${workshop.id}/booking-settings`, SETTINGS);
    await call(admin, 'POST', `/workshops/${workshop.id}/service-types`, {
      name: 'Oil change',
      durationMinutes: 60,
    });
    await call(admin, 'POST', `/workshops/${workshop.id}/service-types`, {
      name: 'Tyre change',
      durationMinutes: 30,
    });
    // The odometer's reading, which the booking form offers as the mileage.
    const ingest = await fetch(`${t.baseUrl}/api/v1/ingest/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: 'odo-1',
            type: 'odometer',
            ts: new Date(t.server.clock.now().getTime() - 3_600_000).toISOString(),
            km: 42000.4,
          },
        ],
      }),
    });
    expect(ingest.status).toBe(202);
  }, 60_000);

  it('a. a secondary user books a free slot from the status screen', async () => {
    const page = await openAs(car.secondary);
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: car.plate }).waitFor();
    const service = page.getByRole('region', { name: 'Service' });
    await service.getByText('No service appointments coming up.').waitFor();
    await checkPage(page);

    await service.getByRole('link', { name: `Book service for ${car.plate}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Book service' }).waitFor();
    await page.getByText('Times at Nørre Auto, in its time zone: Europe/Copenhagen.').waitFor();
    // Sunday is closed: the first free times are on Monday, from opening.
    const monday = page.getByRole('radiogroup', { name: /^Monday,? 2 March 2026$/ });
    await monday.getByRole('radio', { name: '08:00' }).waitFor();
    expect(await page.getByRole('radiogroup', { name: /^Sunday/ }).count()).toBe(0);
    // The odometer's 42,000 km is offered as the mileage.
    expect(await page.getByRole('textbox', { name: 'Mileage in km' }).inputValue()).toBe('42000');
    await checkPage(page);
    await saveScreenshot(page, 'booking-driver-form');

    // Nothing chosen yet: the form says so before asking the server.
    await page.getByRole('button', { name: 'Request booking' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose one of the free times.' }).waitFor();

    // Someone else takes the last bay at the chosen time meanwhile: the form says so, and the
    // time is no longer offered.
    await monday.getByRole('radio', { name: '09:00' }).check();
    const bookings = `/vehicles/${car.vehicleId}/bookings`;
    const taken: string[] = [];
    for (let bay = 1; bay <= 2; bay++) {
      const answer = await call(car.primary, 'POST', bookings, { start: '2026-03-02T09:00:00+01:00' });
      taken.push(((await answer.json()) as { id: string }).id);
    }
    await page.getByRole('button', { name: 'Request booking' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Someone else took this time just now. Choose another free time.' })
      .waitFor();
    await expect.poll(() => monday.getByRole('radio', { name: '09:00' }).count()).toBe(0);
    await checkPage(page);
    for (const id of taken) await call(car.primary, 'POST', `${bookings}/${id}/cancel`);

    await page.getByRole('checkbox', { name: 'Oil change' }).check();
    await page.getByRole('status').filter({ hasText: 'The appointment takes 1 hr.' }).waitFor();
    await monday.getByRole('radio', { name: '10:00' }).check();
    await page.getByText(/^Chosen: Monday,? 2 March 2026, 10:00–11:00$/).waitFor();
    await page.getByRole('textbox', { name: 'Note (optional)' }).fill('The brakes squeak at low speed.');
    await page.getByRole('button', { name: 'Request booking' }).click();

    await page.getByRole('heading', { level: 1, name: 'Service booking' }).waitFor();
    car.bookingId = page.url().split('/bookings/')[1]?.split('?')[0] ?? '';
    await page.getByRole('status').filter({ hasText: 'Your request was sent to Nørre Auto.' }).waitFor();
    await page.getByText('Requested', { exact: true }).waitFor();
    await page
      .getByText(/^Monday,? 2 March 2026, 10:00–11:00$/)
      .first()
      .waitFor();
    await page.getByText('Waiting for Nørre Auto to confirm the time.').waitFor();
    const facts = page.getByRole('region', { name: 'About the booking' });
    await facts.getByText('Oil change (1 hr)').waitFor();
    await facts.getByText('42,000 km').waitFor();
    await facts.getByText('The brakes squeak at low speed.').waitFor();
    await page
      .getByRole('list', { name: 'What happened to this booking' })
      .getByText('Requested by Sam Sekundær')
      .waitFor();
    await page.getByText(/^You can cancel in the app until 2 March 2026 at 10:00\.$/).waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'booking-driver-requested');

    // Every user of the car sees it in the car's bookings.
    await page.getByRole('link', { name: `Back to the bookings of ${car.plate}` }).click();
    const list = page.getByRole('list', { name: `Bookings of ${car.plate}` });
    const item = list.getByRole('listitem').filter({ hasText: '2 March 2026, 10:00–11:00' });
    await item.getByText('Requested', { exact: true }).waitFor();
    await item.getByText('Booked by Sam Sekundær').waitFor();
    await checkPage(page);
  }, 150_000);

  it('b. the service advisor finds it in the week calendar and proposes another time', async () => {
    expect(car.bookingId, 'step a ran').not.toBe('');
    const page = await openAs(car.advisor);
    await page.goto(`/workshop/bookings?workshop=${car.workshopId}`);
    await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor();
    await page.getByText("Times are in Europe/Copenhagen, the workshop's time zone.").waitFor();
    // Today is Sunday: this week has nothing yet; the booking is in the next one.
    await page
      .getByRole('region', { name: /^Bookings at Nørre Auto: Monday,? 23 February 2026 to/ })
      .waitFor();
    await checkPage(page);
    await page.getByRole('button', { name: 'Next week' }).click();
    const week = page.getByRole('region', { name: /^Bookings at Nørre Auto: Monday,? 2 March 2026 to/ });
    const block = week.getByRole('link', { name: new RegExp(`10:00–11:00 ${car.plate} Requested`) });
    await block.waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'booking-workshop-week');

    await block.click();
    const dialog = page.getByRole('dialog', { name: `Booking: ${car.plate}` });
    await dialog.getByText('Waiting for you to confirm it, decline it or propose another time.').waitFor();
    await dialog.getByText('Oil change (1 hr)').waitFor();
    await dialog.getByText('Sam Sekundær', { exact: true }).waitFor();
    await checkPage(page);

    const propose = dialog.getByRole('region', { name: 'Propose another time' });
    await propose.getByLabel('Date').fill('2026-03-03');
    await propose.getByLabel('Start time').fill('13:00');
    await propose.getByRole('button', { name: 'Send proposal' }).click();
    await dialog
      .getByRole('status')
      .filter({
        hasText: /Proposal sent: Tuesday,? 3 March 2026, 13:00–14:00\. Sam Sekundær is asked to accept it\./,
      })
      .waitFor();
    await dialog.getByText('Waiting for Sam Sekundær to accept or reject the new time.').waitFor();
    await dialog
      .getByRole('list', { name: 'What happened to this booking' })
      .getByText('New time proposed by Sara Service at the workshop')
      .waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'booking-workshop-proposed');

    // The calendar now holds the bay at the proposed time.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await week
      .getByRole('link', { name: new RegExp(`13:00–14:00 ${car.plate} New time proposed`) })
      .waitFor();
    expect(await week.getByRole('link', { name: /10:00–11:00/ }).count()).toBe(0);

    // The list, filtered by status.
    await page.getByText('List', { exact: true }).click();
    const table = page.getByRole('table', { name: 'Bookings at Nørre Auto' });
    await table.getByRole('row').filter({ hasText: car.plate }).getByText('New time proposed').waitFor();
    await checkPage(page);
    await page.getByRole('checkbox', { name: 'New time proposed' }).uncheck();
    await page.getByRole('heading', { level: 2, name: 'No bookings' }).waitFor();
    await page.getByText('Day', { exact: true }).click();
    await page.getByRole('region', { name: /^Bookings at Nørre Auto: Sunday,? 8 March 2026$/ }).waitFor();
    await checkPage(page);

    // A phone opens on one day; the week, a tap away, scrolls sideways in its own box, not the page.
    const phone = await openAs(car.advisor, { phone: true });
    await phone.goto(`/workshop/bookings?workshop=${car.workshopId}&date=2026-03-03`);
    await phone
      .getByRole('region', { name: /^Bookings at Nørre Auto: Tuesday,? 3 March 2026$/ })
      .getByRole('link', { name: new RegExp(`13:00–14:00 ${car.plate}`) })
      .waitFor();
    await checkPage(phone, true);
    await phone.getByText('Week', { exact: true }).click();
    const phoneWeek = phone.getByRole('region', {
      name: /^Bookings at Nørre Auto: Monday,? 2 March 2026 to/,
    });
    await phoneWeek.getByRole('link', { name: new RegExp(`13:00–14:00 ${car.plate}`) }).waitFor();
    await checkPage(phone, true);
    await saveScreenshot(phone, 'booking-workshop-week-phone');
    await phoneWeek.getByRole('link', { name: new RegExp(`13:00–14:00 ${car.plate}`) }).click();
    await phone
      .getByRole('dialog', { name: `Booking: ${car.plate}` })
      .getByText('Oil change (1 hr)')
      .waitFor();
    await checkPage(phone, true);
  }, 150_000);

  it('c. the secondary user accepts the new time from the notice and sees it confirmed', async () => {
    expect(car.bookingId, 'step a ran').not.toBe('');
    const page = await openAs(car.secondary);
    await page.goto('/app/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const notice = page.getByRole('listitem').filter({ hasText: 'Nørre Auto proposes another time' });
    await notice
      .getByText(
        new RegExp(
          `^Nørre Auto proposes another time for the service of ${car.plate}: Tuesday,? 3 March 2026, 13:00–14:00\\.$`,
        ),
      )
      .waitFor();
    await checkPage(page);
    await notice.getByRole('link', { name: `Open the booking for ${car.plate}` }).click();

    await page.getByRole('heading', { level: 1, name: 'Service booking' }).waitFor();
    await page
      .getByText(
        /^Nørre Auto cannot do the time asked for and proposes another: Tuesday,? 3 March 2026, 13:00–14:00\.$/,
      )
      .waitFor();
    const facts = page.getByRole('region', { name: 'About the booking' });
    await facts.getByText(/^Monday,? 2 March 2026, 10:00–11:00$/).waitFor();
    await checkPage(page);
    await page.getByRole('button', { name: 'Accept the new time' }).click();

    await page
      .getByRole('status')
      .filter({
        hasText:
          /You accepted the new time\. The booking is confirmed for Tuesday,? 3 March 2026, 13:00–14:00\./,
      })
      .waitFor();
    await page.getByText('Confirmed', { exact: true }).waitFor();
    await page.getByText('Nørre Auto expects the car at this time.').waitFor();
    const history = page.getByRole('list', { name: 'What happened to this booking' });
    await history.getByText('New time accepted by Sam Sekundær').waitFor();
    expect(await page.getByRole('button', { name: 'Accept the new time' }).count()).toBe(0);
    await checkPage(page);
    await saveScreenshot(page, 'booking-driver-confirmed');

    // The status screen shows the coming appointment; More has the booking mail switch.
    await page.goto(`/app?vehicle=${car.vehicleId}`);
    await page
      .getByRole('region', { name: 'Service' })
      .getByText(/^Next appointment: Tuesday,? 3 March 2026, 13:00–14:00$/)
      .waitFor();
    await page.goto('/app/more');
    await page.getByRole('switch', { name: 'Service bookings' }).waitFor();
    await checkPage(page);
  }, 150_000);

  it('d. on a phone in Danish: the booking pages fit, and the primary user cancels', async () => {
    expect(car.bookingId, 'step a ran').not.toBe('');
    const page = await openAs(car.primary, { phone: true, locale: 'da-DK' });
    await page.goto(`/app/vehicles/${car.vehicleId}/bookings/new`);
    await page.getByRole('heading', { level: 1, name: 'Book service' }).waitFor();
    await page.getByText('Tider hos Nørre Auto, i værkstedets tidszone: Europe/Copenhagen.').waitFor();
    await page.getByRole('group', { name: 'Hvad skal bilen have lavet?' }).waitFor();
    const monday = page.getByRole('radiogroup', { name: 'mandag den 2. marts 2026' });
    await monday.getByRole('radio', { name: '10.00' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Kilometerstand i km' }).inputValue()).toBe('42000');
    await checkPage(page, true);
    await saveScreenshot(page, 'booking-driver-form-phone-da');

    await page.getByRole('link', { name: `Tilbage til bookingerne for ${car.plate}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Servicebookinger' }).waitFor();
    const item = page.getByRole('list', { name: `Bookinger for ${car.plate}` }).getByRole('listitem');
    await item.getByText('Bekræftet', { exact: true }).waitFor();
    await checkPage(page, true);
    await item.getByRole('link', { name: /3\. marts 2026/ }).click();

    await page.getByRole('heading', { level: 1, name: 'Servicebooking' }).waitFor();
    await page.getByText('tirsdag den 3. marts 2026, 13.00–14.00', { exact: true }).first().waitFor();
    await page.getByText('Tidszone', { exact: true }).waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'booking-driver-detail-phone-da');

    // The primary user, who did not book, may cancel it too (until the day before).
    await page.getByRole('button', { name: 'Aflys booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aflys booking' });
    await dialog.getByText(/^Aflys bookingen tirsdag den 3\. marts 2026, 13\.00–14\.00\?/).waitFor();
    await checkPage(page, true);
    await dialog.getByRole('button', { name: 'Aflys booking' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Bookingen er aflyst. Nørre Auto har fået besked.' })
      .waitFor();
    await page.getByText('Aflyst', { exact: true }).first().waitFor();
    await page.getByText('Aflyst af Pia Primær').waitFor();
    await checkPage(page, true);
  }, 150_000);

  it('e. the workshop admin sets opening hours, closed dates and service types', async () => {
    const page = await openAs(car.admin);
    await page.goto(`/workshop/booking-settings?workshop=${car.workshopId}`);
    await page.getByRole('heading', { level: 1, name: 'Booking settings' }).waitFor();
    await page
      .getByText("Times are the workshop's wall clock, in Europe/Copenhagen", { exact: false })
      .waitFor();
    const monday = page.getByRole('group', { name: 'Monday' });
    expect(await monday.getByRole('textbox', { name: 'Monday: opens' }).first().inputValue()).toBe('08:00');
    await page.getByRole('group', { name: 'Saturday' }).getByText('Closed').waitFor();
    await checkPage(page);

    // A mistake is marked where it is, and nothing is saved.
    const saturday = page.getByRole('group', { name: 'Saturday' });
    await saturday.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await saturday.getByRole('textbox', { name: 'Saturday: closes' }).fill('07:00');
    await page.getByRole('button', { name: 'Save booking settings' }).click();
    await saturday.getByRole('alert').filter({ hasText: 'Closing must be after opening.' }).waitFor();
    await checkPage(page);
    await saturday.getByRole('textbox', { name: 'Saturday: closes' }).fill('12:00');

    await page.getByLabel('Date', { exact: true }).fill('2026-04-03');
    await page.getByLabel('Note (optional)').fill('Good Friday');
    await page.getByRole('button', { name: 'Add closed date' }).click();
    await page.getByRole('list', { name: 'Closed dates' }).getByText('3 April 2026').waitFor();
    await page.getByRole('button', { name: 'Save booking settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Booking settings saved.' }).waitFor();

    // Service types: the two made before, and a new one.
    const types = page.getByRole('table', { name: 'Service types of Nørre Auto' });
    await types.getByRole('cell', { name: 'Oil change', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('oil change');
    await page.getByRole('button', { name: 'Add service type' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'There is already a service type called oil change.' })
      .waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Brake check');
    await page.getByRole('textbox', { name: 'Duration in minutes' }).fill('45');
    await page.getByRole('button', { name: 'Add service type' }).click();
    await page.getByRole('status').filter({ hasText: 'Brake check was added.' }).waitFor();
    await types.getByRole('row').filter({ hasText: 'Brake check' }).getByText('45 min').waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'booking-workshop-settings');

    // What the app offers follows: Saturday morning, without Good Friday.
    const slots = (await (
      await call(
        car.secondary,
        'GET',
        `/vehicles/${car.vehicleId}/booking-slots?from=2026-03-07&to=2026-03-07`,
      )
    ).json()) as { items: { start: string }[] };
    expect(slots.items.map((slot) => slot.start)).toEqual([
      '2026-03-07T08:00:00+01:00',
      '2026-03-07T09:00:00+01:00',
      '2026-03-07T10:00:00+01:00',
      '2026-03-07T11:00:00+01:00',
    ]);
  }, 150_000);
});
