import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/server/db/schema/index.ts';
import {
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  signIn,
} from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

describe('workshop chat in the driver app and the workshop portal (SPEC §7), in Chromium', () => {
  const t = useBrowserTest();

  /** A browser of the person's own, signed in by a session cookie made directly. */
  async function openAs(user: { id: string }, options: { phone?: boolean; locale?: string } = {}) {
    const page = await t.newPage(options);
    const token = await signIn(t.server.database.db, user, t.server.clock.now());
    await page.context().addCookies([{ name: 'keyfob_session', value: token, url: t.baseUrl }]);
    return page;
  }

  /** Checks the page as it is now: no serious axe findings and, on a phone, no sideways scroll. */
  async function checkPage(page: Page, isPhone = false) {
    await expectAccessible(page);
    if (isPhone) await expectNoHorizontalScroll(page);
  }

  /**
   * The test server's clock stands still; each message moves it on a minute, so the messages of a
   * test have distinct times and the conversation's order is the order they were written in.
   */
  function nextMinute() {
    t.server.clock.advance(60_000);
  }

  /** Writes a message in the page's composer and sends it with Enter or the Send button. */
  async function write(page: Page, text: string, how: 'enter' | 'button', send = 'Send') {
    nextMinute();
    const box = page.getByRole('textbox', { name: /^(Message|Besked)$/ });
    await box.fill(text);
    if (how === 'enter') await box.press('Enter');
    else await page.getByRole('button', { name: send }).click();
    await expect.poll(() => box.inputValue()).toBe('');
  }

  // One household at one workshop: the primary, a secondary user, and a service advisor.
  const car = {
    vehicleId: '',
    plate: '',
    workshopId: '',
    primary: { id: '' },
    secondary: { id: '' },
    advisor: { id: '' },
  };

  beforeAll(async () => {
    const db = t.server.database.db;
    const primary = await buildUser(db, { name: 'Pia Primær' });
    const secondary = await buildUser(db, { name: 'Sam Sekundær' });
    const { vehicle, workshop } = await buildVehicle(db, { primary, secondaries: [secondary] });
    const advisor = await buildStaff(db, workshop, ['service_advisor'], { name: 'Wilma Værksted' });
    Object.assign(car, {
      vehicleId: vehicle.id,
      plate: vehicle.registrationNumber,
      workshopId: workshop.id,
      primary,
      secondary,
      advisor,
    });
  }, 60_000);

  it('a. the workshop inbox and a secondary user chat live both ways, each message with its role', async () => {
    // The secondary user opens the chat: nothing written yet.
    const driver = await openAs(car.secondary);
    await driver.goto('/app');
    await driver.getByRole('heading', { level: 1, name: car.plate }).waitFor();
    await driver.getByRole('navigation', { name: 'Driver app' }).getByRole('link', { name: 'Chat' }).click();
    await driver.getByRole('heading', { level: 1, name: 'Workshop chat' }).waitFor();
    await driver.getByRole('heading', { level: 2, name: 'No messages yet' }).waitFor();
    await driver.getByText('Write to your workshop', { exact: false }).waitFor();
    await checkPage(driver);
    await saveScreenshot(driver, 'chat-driver-empty');

    // The workshop opens the conversation from the vehicle's page, before anyone wrote.
    const workshop = await openAs(car.advisor);
    await workshop.goto(`/workshop/vehicles/${car.vehicleId}?workshop=${car.workshopId}`);
    await workshop.getByRole('heading', { level: 1, name: car.plate }).waitFor();
    await checkPage(workshop);
    await workshop.getByRole('link', { name: 'Open the conversation' }).click();
    await workshop.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await workshop.getByRole('heading', { level: 2, name: car.plate }).waitFor();
    const details = workshop.getByRole('region', { name: 'About the conversation' });
    await details.getByText('Pia Primær', { exact: true }).waitFor();
    await details.getByText('1 secondary user: Sam Sekundær', { exact: true }).waitFor();
    await details.getByText('Volvo XC40', { exact: true }).waitFor();
    await workshop.getByRole('heading', { level: 2, name: 'No conversations yet' }).waitFor();
    await checkPage(workshop);
    await saveScreenshot(workshop, 'chat-workshop-new-conversation');

    // The secondary writes (Enter sends): it arrives in the workshop's open page without a reload.
    await write(driver, 'Hello! The brakes squeak when I stop.', 'enter');
    const driverLog = driver.getByRole('log', { name: `Conversation about ${car.plate} with the workshop` });
    const mine = driverLog.getByRole('listitem').filter({ hasText: 'The brakes squeak' });
    await mine.getByText('Sam Sekundær (you)', { exact: true }).waitFor();
    await mine.getByText('Secondary user', { exact: true }).waitFor();

    const workshopLog = workshop.getByRole('log', { name: `Conversation about ${car.plate}` });
    const received = workshopLog.getByRole('listitem').filter({ hasText: 'The brakes squeak' });
    await received.getByText('Sam Sekundær', { exact: true }).waitFor();
    await received.getByText('Secondary user', { exact: true }).waitFor();
    // The inbox lists the conversation now, with its last message; read already, since it is open.
    const inbox = workshop.getByRole('list', { name: /^Conversations at / });
    const item = inbox.getByRole('link', { name: new RegExp(car.plate) });
    await item.getByText('Sam Sekundær: Hello! The brakes squeak when I stop.').waitFor();
    expect(await item.getByText(/unread/).count()).toBe(0);
    await checkPage(workshop);

    // The workshop answers (the Send button): it arrives at the secondary's open page.
    await write(workshop, 'Thanks, Sam. Come by on Monday at 8.', 'button');
    await workshopLog
      .getByRole('listitem')
      .filter({ hasText: 'Come by on Monday' })
      .getByText('Wilma Værksted (you)', { exact: true })
      .waitFor();
    const answer = driverLog.getByRole('listitem').filter({ hasText: 'Come by on Monday' });
    await answer.getByText('Wilma Værksted', { exact: true }).waitFor();
    await answer.getByText('Workshop', { exact: true }).waitFor();
    // Oldest at the top, newest at the bottom.
    await expect
      .poll(() => driverLog.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('The brakes squeak'), expect.stringContaining('Come by on Monday')]);
    await checkPage(driver);
    await saveScreenshot(driver, 'chat-driver-conversation');
    await saveScreenshot(workshop, 'chat-workshop-inbox');
  }, 60_000);

  it('a. the primary sees what is unread on the Chat button, live, until the chat is opened', async () => {
    const page = await openAs(car.primary);
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: car.plate }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Driver app' });
    await nav.getByRole('link', { name: 'Chat (2 unread)' }).waitFor();
    await checkPage(page);

    // Another message from the workshop while the status screen is open.
    nextMinute();
    const token = await signIn(t.server.database.db, car.advisor, t.server.clock.now());
    const response = await fetch(`${t.baseUrl}/api/v1/vehicles/${car.vehicleId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'The part has arrived.' }),
    });
    expect(response.status).toBe(201);
    await nav.getByRole('link', { name: 'Chat (3 unread)' }).waitFor();

    await nav.getByRole('link', { name: 'Chat (3 unread)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workshop chat' }).waitFor();
    await page.getByText('The part has arrived.').waitFor();
    // Shown, so read.
    await nav.getByRole('link', { name: 'Chat', exact: true }).waitFor();
    await checkPage(page);
  }, 60_000);

  it('b. on a phone in Danish: the conversation pages back, and a new message shows its role', async () => {
    const db = t.server.database.db;
    const owner = await buildUser(db, { name: 'Pia Primær' });
    const { vehicle, workshop } = await buildVehicle(db, { primary: owner });
    // 35 messages from before: more than one page (30).
    const start = t.server.clock.now().getTime() - 35 * 3_600_000;
    await db.insert(messages).values(
      Array.from({ length: 35 }, (_, index) => ({
        vehicleId: vehicle.id,
        authorUserId: index % 2 === 0 ? owner.id : null,
        authorName: index % 2 === 0 ? 'Pia Primær' : 'Værkstedet',
        authorRole: index % 2 === 0 ? ('primary' as const) : ('workshop' as const),
        body: `Besked nummer ${index + 1}`,
        createdAt: new Date(start + index * 3_600_000),
      })),
    );

    const page = await openAs(owner, { phone: true, locale: 'da-DK' });
    await page.goto('/app/chat');
    await page.getByRole('heading', { level: 1, name: 'Værkstedschat' }).waitFor();
    const log = page.getByRole('log', { name: `Samtale om ${vehicle.registrationNumber} med værkstedet` });
    const newest = log.getByRole('listitem').filter({ hasText: 'Besked nummer 35' });
    await newest.getByText('Pia Primær (dig)', { exact: true }).waitFor();
    await newest.getByText('Primær bruger', { exact: true }).waitFor();
    await log
      .getByRole('listitem')
      .filter({ hasText: 'Besked nummer 34' })
      .getByText('Værksted', { exact: true })
      .waitFor();
    expect(await log.getByText('Besked nummer 5', { exact: true }).count()).toBe(0);
    await checkPage(page, true);

    await log.getByRole('button', { name: 'Vis ældre beskeder' }).click();
    await log.getByText('Besked nummer 1', { exact: true }).waitFor();
    expect(await log.getByRole('listitem').count()).toBe(35);
    await expect.poll(() => log.getByRole('button', { name: 'Vis ældre beskeder' }).count()).toBe(0);

    // The composer counts characters against the limit and refuses too long a text.
    const box = page.getByRole('textbox', { name: 'Besked' });
    await box.fill('x'.repeat(2001));
    await page.getByText('2001 af 2000 tegn').waitFor();
    await page.getByRole('alert').filter({ hasText: 'højst har 2000 tegn' }).waitFor();
    await checkPage(page, true);

    await write(page, 'Hej, hvornår er bilen klar?', 'button', 'Send');
    const sent = log.getByRole('listitem').filter({ hasText: 'Hej, hvornår er bilen klar?' });
    await sent.getByText('Primær bruger', { exact: true }).waitFor();
    await page.getByText('0 af 2000 tegn').waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'chat-driver-phone-da');

    // The workshop's answer arrives live on the phone too.
    const technician = await buildStaff(db, workshop, ['technician'], { name: 'Theo Tekniker' });
    nextMinute();
    const token = await signIn(db, technician, t.server.clock.now());
    const response = await fetch(`${t.baseUrl}/api/v1/vehicles/${vehicle.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'I morgen kl. 16.' }),
    });
    expect(response.status).toBe(201);
    const reply = log.getByRole('listitem').filter({ hasText: 'I morgen kl. 16.' });
    await reply.getByText('Theo Tekniker', { exact: true }).waitFor();
    await reply.getByText('Værksted', { exact: true }).waitFor();
  }, 60_000);

  it('c. a maintenance notice and a warning light reach a vehicle user; an email choice stays off', async () => {
    const db = t.server.database.db;
    const owner = await buildUser(db, { name: 'Olga Ejer' });
    const friend = await buildUser(db, { name: 'Frida Ven' });
    const workshop = await buildOrganization(db, { name: 'Nørre Auto' });
    const { vehicle, deviceToken } = await buildVehicle(db, {
      workshop,
      primary: owner,
      secondaries: [friend],
    });
    const { vehicle: empty } = await buildVehicle(db, { workshop });
    const advisor = await buildStaff(db, workshop, ['service_advisor'], { name: 'Wilma Værksted' });
    const plate = vehicle.registrationNumber;

    // A car without users has no one to tell.
    const staffPage = await openAs(advisor);
    await staffPage.goto(`/workshop/vehicles/${empty.id}?workshop=${workshop.id}`);
    const emptySection = staffPage.getByRole('region', { name: 'Maintenance notices' });
    await emptySection.getByText('No maintenance notices sent yet.').waitFor();
    await emptySection.getByLabel('Due mileage in km').fill('30000');
    await emptySection.getByRole('button', { name: 'Send maintenance notice' }).click();
    await emptySection
      .getByRole('alert')
      .filter({ hasText: `${empty.registrationNumber} has no users yet, so there is no one to tell.` })
      .waitFor();
    await checkPage(staffPage);

    // The car with two users: a date or a mileage is needed, then both go out with a note.
    await staffPage.goto(`/workshop/vehicles/${vehicle.id}?workshop=${workshop.id}`);
    const section = staffPage.getByRole('region', { name: 'Maintenance notices' });
    await section.getByText('No maintenance notices sent yet.').waitFor();
    await section.getByRole('button', { name: 'Send maintenance notice' }).click();
    await section.getByRole('alert').filter({ hasText: 'Give a due date, a due mileage or both.' }).waitFor();
    await checkPage(staffPage);
    await section.getByLabel('Due date').fill('2026-04-15');
    await section.getByLabel('Due mileage in km').fill('30,000');
    await section.getByLabel('Note (optional)').fill('Oil, filters and brake check.');
    await section.getByRole('button', { name: 'Send maintenance notice' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: `Maintenance notice sent to the 2 people who use ${plate}.` })
      .waitFor();
    const sent = section.getByRole('list', { name: `Maintenance notices sent about ${plate}` });
    await sent.getByText('Due by 15 April 2026 or at 30,000 km').waitFor();
    await sent.getByText(/^Sent .* by Wilma Værksted · recipients: 2$/).waitFor();
    await checkPage(staffPage);
    await saveScreenshot(staffPage, 'maintenance-notice-sent');

    // The car's device reports a warning light.
    const ingest = await fetch(`${t.baseUrl}/api/v1/ingest/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: 'light-1',
            type: 'warning_light',
            ts: new Date(t.server.clock.now().getTime() - 60_000).toISOString(),
            code: 'oil_pressure',
            on: true,
            description: 'Low oil pressure',
          },
        ],
      }),
    });
    expect(ingest.status).toBe(202);

    // The secondary user reads both in the app.
    const page = await openAs(friend, { phone: true });
    await page.goto('/app/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const list = page.getByRole('list', { name: 'Notifications' });
    const notice = list.getByRole('listitem').filter({ hasText: 'due for service' });
    await notice
      .getByText(
        `Nørre Auto: ${plate} is due for service by 15 April 2026 or at 30,000 km, whichever comes first.`,
      )
      .waitFor();
    await notice.getByText('Note from the workshop: Oil, filters and brake check.').waitFor();
    await notice.getByText('Sent by Wilma Værksted').waitFor();
    const light = list.getByRole('listitem').filter({ hasText: 'warning light' });
    await light.getByText(`A warning light came on in ${plate}: Oil pressure.`).waitFor();
    await light.getByText('Low oil pressure').waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'notifications-maintenance-warning-light-phone');

    // The email for service reminders off: saved at once, and still off after a reload.
    await page.getByRole('navigation', { name: 'Driver app' }).getByRole('link', { name: 'More' }).click();
    await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    const emails = page.getByRole('region', { name: 'Email notifications' });
    const serviceDue = emails.getByRole('switch', { name: 'Service due' });
    expect(await serviceDue.isChecked()).toBe(true);
    await serviceDue.uncheck();
    await emails.getByRole('status').filter({ hasText: 'Service due: emails are off.' }).waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'email-preferences-phone');
    await page.reload();
    await emails.getByRole('switch', { name: 'Warning lights' }).waitFor();
    expect(await emails.getByRole('switch', { name: 'Service due' }).isChecked()).toBe(false);
    expect(await emails.getByRole('switch', { name: 'Warning lights' }).isChecked()).toBe(true);
  }, 90_000);

  it('the inbox on a phone stacks the list and the conversation; a removed user sees the car gone', async () => {
    const db = t.server.database.db;
    const owner = await buildUser(db, { name: 'Ole Ejer' });
    const guest = await buildUser(db, { name: 'Gitte Gæst' });
    const { vehicle, workshop } = await buildVehicle(db, { primary: owner, secondaries: [guest] });
    const technician = await buildStaff(db, workshop, ['technician'], { name: 'Theo Tekniker' });
    const plate = vehicle.registrationNumber;

    const guestPage = await openAs(guest, { phone: true });
    await guestPage.goto(`/app/chat?vehicle=${vehicle.id}`);
    await guestPage.getByRole('heading', { level: 1, name: 'Workshop chat' }).waitFor();
    await write(guestPage, 'Is the car ready?', 'button');

    // The technician's phone: first the list, then the conversation in its place.
    const staff = await openAs(technician, { phone: true });
    await staff.goto('/workshop/inbox');
    await staff.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    const item = staff
      .getByRole('list', { name: /^Conversations at / })
      .getByRole('link', { name: new RegExp(plate) });
    await item.getByText('1 unread').waitFor();
    await checkPage(staff, true);
    await saveScreenshot(staff, 'chat-inbox-phone');
    await item.click();
    await staff.getByRole('link', { name: 'Back to the inbox' }).waitFor();
    expect(await staff.getByRole('list', { name: /^Conversations at / }).count()).toBe(0);
    await staff
      .getByRole('region', { name: 'About the conversation' })
      .getByText('1 secondary user: Gitte Gæst', { exact: true })
      .waitFor();
    await staff
      .getByRole('log', { name: `Conversation about ${plate}` })
      .getByText('Is the car ready?')
      .waitFor();
    await checkPage(staff, true);
    await saveScreenshot(staff, 'chat-inbox-conversation-phone');
    await staff.getByRole('link', { name: 'Back to the inbox' }).click();
    // Read now that it was open.
    await staff
      .getByRole('list', { name: /^Conversations at / })
      .getByRole('link', { name: new RegExp(plate) })
      .waitFor();
    await expect.poll(() => item.getByText(/unread/).count()).toBe(0);

    // The primary removes the guest, whose open chat then shows the car as gone, without a reload.
    const token = await signIn(db, owner, t.server.clock.now());
    const removal = await fetch(`${t.baseUrl}/api/v1/vehicles/${vehicle.id}/users/${guest.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removal.status).toBe(204);
    await guestPage
      .getByRole('heading', { level: 1, name: 'You no longer have access to this vehicle' })
      .waitFor();
    expect(await guestPage.getByText('Is the car ready?').count()).toBe(0);
    await checkPage(guestPage, true);
  }, 90_000);
});
