import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildUser, buildVehicle, signIn } from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

const PASSWORD = 'a-long-and-unusual-password';
const unique = () => randomBytes(4).toString('hex');
const uniqueEmail = (who: string) => `${who}-${unique()}@example.test`;

describe('the driver app: status, first-run tile, Manage users (SPEC §5, §6), in Chromium', () => {
  const t = useBrowserTest();

  /**
   * A fresh browser whose clock reads the test server's (which stands still until moved), so
   * "expires in 23 hours" is counted from the same moment the server decides expiry by.
   */
  async function newPage(options: { phone?: boolean; locale?: string } = {}) {
    const page = await t.newPage(options);
    await page.clock.setFixedTime(t.server.clock.now());
    return page;
  }

  /** A browser of the person's own, signed in by a session cookie made directly. */
  async function openAs(user: { id: string }, options: { phone?: boolean; locale?: string } = {}) {
    const page = await newPage(options);
    const token = await signIn(t.server.database.db, user, t.server.clock.now());
    await page.context().addCookies([{ name: 'keyfob_session', value: token, url: t.baseUrl }]);
    return page;
  }

  /** The token of the newest activation link mailed to `email`, read from the dev mailbox. */
  async function activationTokenFor(email: string) {
    t.server.app.mailWorker.kick();
    await t.server.app.mailWorker.drain();
    const response = await fetch(`${t.baseUrl}/dev/mail/messages?to=${encodeURIComponent(email)}`);
    const { items } = (await response.json()) as { items: { text: string }[] };
    const link = items[0]?.text.match(/https?:\/\/[^\s/]+\/activate\/([A-Za-z0-9_-]+)/);
    // The mail links to PUBLIC_URL (keyfob.test); the token is opened on the test server.
    expect(link?.[0], `an /activate/ link in the mail to ${email}`).toMatch(/^http:\/\/keyfob\.test\//);
    return link?.[1] ?? '';
  }

  /** Checks the page as it is now: no serious axe findings and, on a phone, no sideways scroll. */
  async function checkPage(page: Page, isPhone = false) {
    await expectAccessible(page);
    if (isPhone) await expectNoHorizontalScroll(page);
  }

  // One household, followed through the three steps a to c.
  const household = {
    vehicleId: '',
    plate: '',
    primary: { id: '', email: '', name: 'Pia Primær' },
    secondaryEmail: uniqueEmail('sam'),
    primaryPage: undefined as Page | undefined,
    secondaryPage: undefined as Page | undefined,
  };

  it('a. the first-run tile: the primary chooses Limited location and invites a secondary user', async () => {
    const db = t.server.database.db;
    const primary = await buildUser(db, { name: household.primary.name });
    const { vehicle } = await buildVehicle(db, { primary });
    Object.assign(household, { vehicleId: vehicle.id, plate: vehicle.registrationNumber });
    Object.assign(household.primary, { id: primary.id, email: primary.email });

    const page = await openAs(primary, { phone: true });
    household.primaryPage = page;
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: vehicle.registrationNumber }).waitFor();
    const tile = page.getByRole('region', { name: 'Share the car with your household' });
    await tile.getByText('Invite family, friends or colleagues').waitFor();
    await tile
      .getByText('Everyone who uses the car sees its live position and the routes of its trips.')
      .waitFor();
    await tile.getByText('No one sees the live position, you included.', { exact: false }).waitFor();
    await page.getByText('Primary user', { exact: true }).waitFor();
    await page.getByText('No warning lights').waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'driver-first-run-tile-phone');

    // A choice is needed before anything is saved.
    await tile.getByRole('button', { name: 'Save choice' }).click();
    await tile.getByRole('alert').filter({ hasText: 'Choose Shared access or Limited location.' }).waitFor();
    await checkPage(page, true);

    await tile.getByRole('radio', { name: 'Limited location' }).check();
    await tile.getByLabel('Email address of someone to invite (optional)').fill(household.secondaryEmail);
    await tile.getByRole('button', { name: 'Save and send invitation' }).click();

    await page
      .getByRole('status')
      .filter({
        hasText: `Data sharing is set to Limited location. Invitation sent to ${household.secondaryEmail}`,
      })
      .waitFor();
    await tile.waitFor({ state: 'detached' });
    const facts = page.getByRole('region', { name: 'About the car' });
    await facts.getByText('Limited location', { exact: true }).waitFor();
    await page.getByText('Position hidden: limited sharing').waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'driver-status-limited-phone');

    // The tile stays gone on the next load too.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: vehicle.registrationNumber }).waitFor();
    await facts.getByText('Limited location', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Share the car with your household' }).count()).toBe(0);

    // The invitation is pending in Manage users, with when its link expires.
    await page.getByRole('link', { name: 'Manage users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await page.getByText('1 of 5 secondary users, pending invitations included').waitFor();
    const invitation = page
      .getByRole('list', { name: 'Pending invitations' })
      .getByRole('listitem')
      .filter({ hasText: household.secondaryEmail });
    await invitation.getByText('Pending', { exact: true }).waitFor();
    await invitation
      .getByText(/^The activation link expires in 24 hours \(2 March 2026 at \d\d:00\)\.$/)
      .waitFor();
    await invitation
      .getByRole('button', { name: `Resend invitation to ${household.secondaryEmail}` })
      .waitFor();
    const users = page.getByRole('list', { name: `Users of ${vehicle.registrationNumber}` });
    await users.getByText(`${household.primary.name} (you)`).waitFor();
    await users.getByText(primary.email).waitFor();
    expect(await page.getByRole('radio', { name: 'Limited location' }).isChecked()).toBe(true);
    await checkPage(page, true);
    await saveScreenshot(page, 'driver-manage-users-primary-phone');
  }, 120_000);

  it('b. the secondary registers from the mail, sees the car and the other users without emails', async () => {
    expect(household.vehicleId, 'step a ran').not.toBe('');
    const token = await activationTokenFor(household.secondaryEmail);
    const page = await newPage();
    household.secondaryPage = page;
    await page.goto(`/activate/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Activate your invitation' }).waitFor();
    // The acceptance page says what the primary shares, in words.
    await page
      .getByText(`${household.primary.name} invited you to the Volvo XC40 (${household.plate})`, {
        exact: false,
      })
      .waitFor();
    await page
      .getByText(
        /as a secondary user, with limited location: status, alarms and trip times, but no live position/,
      )
      .waitFor();
    await checkPage(page);
    await page.getByLabel('Your name').fill('Sam Sekundær');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.waitForURL('**/app');

    await page.getByRole('heading', { level: 1, name: household.plate }).waitFor();
    const facts = page.getByRole('region', { name: 'About the car' });
    await facts.getByText('Secondary user', { exact: true }).waitFor();
    await facts.getByText('Limited location', { exact: true }).waitFor();
    await page.getByText('Position hidden: limited sharing').waitFor();
    await page.getByText('The primary user chose Limited location', { exact: false }).waitFor();
    // Only the primary is asked to choose.
    expect(await page.getByRole('region', { name: 'Share the car with your household' }).count()).toBe(0);
    await checkPage(page);
    await saveScreenshot(page, 'driver-status-secondary');

    await page.getByRole('link', { name: 'Users of this car' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const users = page.getByRole('list', { name: `Users of ${household.plate}` });
    const primaryItem = users.getByRole('listitem').filter({ hasText: household.primary.name });
    await primaryItem.getByText('Primary user', { exact: true }).waitFor();
    const myItem = users.getByRole('listitem').filter({ hasText: 'Sam Sekundær (you)' });
    await myItem.getByText('Secondary user', { exact: true }).waitFor();
    await myItem
      .getByText(`To leave this vehicle, ask the primary user (${household.primary.name}) to remove you.`)
      .waitFor();
    // Names and roles only: no emails, no Remove, no invitations, no sharing choice.
    expect(await page.getByText(household.primary.email).count()).toBe(0);
    expect(await page.getByText(household.secondaryEmail).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Invite a secondary user' }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('radio').count()).toBe(0);
    await page.getByText('Only the primary user can invite or remove users').waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'driver-users-secondary');
  }, 120_000);

  it('c. the primary removes the secondary, whose open page then no longer shows the car', async () => {
    const primaryPage = household.primaryPage;
    const secondaryPage = household.secondaryPage;
    if (!primaryPage || !secondaryPage) throw new Error('steps a and b ran');

    await primaryPage.reload();
    await primaryPage.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    // The accepted invitation is no longer pending; the person is a user now, email shown.
    await primaryPage.getByText('No pending invitations.').waitFor();
    const users = primaryPage.getByRole('list', { name: `Users of ${household.plate}` });
    const samItem = users.getByRole('listitem').filter({ hasText: 'Sam Sekundær' });
    await samItem.getByText(household.secondaryEmail).waitFor();
    await samItem.getByRole('button', { name: 'Remove Sam Sekundær' }).click();
    const dialog = primaryPage.getByRole('dialog', { name: 'Remove user' });
    await dialog.getByText(`Remove Sam Sekundær from ${household.plate}?`, { exact: false }).waitFor();
    await checkPage(primaryPage, true);
    await saveScreenshot(primaryPage, 'driver-remove-confirm-phone');
    await dialog.getByRole('button', { name: 'Remove user' }).click();
    await primaryPage
      .getByRole('status')
      .filter({ hasText: `Sam Sekundær was removed from ${household.plate}.` })
      .waitFor();
    await samItem.waitFor({ state: 'detached' });
    await primaryPage.getByText('0 of 5 secondary users, pending invitations included').waitFor();
    await checkPage(primaryPage, true);

    // The secondary's page is still open on Users; the next navigation finds the car gone.
    await secondaryPage
      .getByRole('navigation', { name: 'Driver app' })
      .getByRole('link', { name: 'Status' })
      .click();
    await secondaryPage
      .getByRole('heading', { level: 1, name: 'You no longer have access to this vehicle' })
      .waitFor();
    await checkPage(secondaryPage);
    await saveScreenshot(secondaryPage, 'driver-vehicle-gone');
    await secondaryPage.getByRole('link', { name: 'More' }).click();
    await secondaryPage.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    await secondaryPage.getByRole('heading', { level: 2, name: 'No vehicles yet' }).waitFor();
    expect(await secondaryPage.getByText(household.plate).count()).toBe(0);

    // And a reload starts without it.
    await secondaryPage.goto('/app');
    await secondaryPage.getByRole('heading', { level: 2, name: 'No vehicles yet' }).waitFor();
    expect(await secondaryPage.getByText(household.plate).count()).toBe(0);
    await checkPage(secondaryPage);
  }, 120_000);

  it('an expired invitation is marked; the primary resends it, then revokes it', async () => {
    const db = t.server.database.db;
    const start = t.server.clock.now();
    const owner = await buildUser(db, { name: 'Ingrid Ejer' });
    const { vehicle } = await buildVehicle(db, { primary: owner });
    const email = uniqueEmail('ivan');
    try {
      const page = await openAs(owner);
      await page.goto(`/app/vehicles/${vehicle.id}/users`);
      await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
      await page.getByText('No pending invitations.').waitFor();

      await page.getByRole('button', { name: 'Invite a secondary user' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite a secondary user' });
      await dialog.getByText('The activation link is valid for 24 hours').waitFor();
      await dialog.getByLabel('Email address of the person to invite').fill('not-an-email');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Enter an email address like' }).waitFor();
      await expectAccessible(page);
      await dialog.getByLabel('Email address of the person to invite').fill(email);
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Invitation sent to ${email}.` })
        .waitFor();
      await page.getByText('1 of 5 secondary users, pending invitations included').waitFor();

      // Inviting the same person twice is refused in words.
      await page.getByRole('button', { name: 'Invite a secondary user' }).click();
      await dialog.getByLabel('Email address of the person to invite').fill(email);
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await dialog
        .getByRole('alert')
        .filter({ hasText: 'This person already has a pending invitation.' })
        .waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // A day and an hour later the link has expired: marked, with when.
      t.server.clock.advance(25 * 60 * 60 * 1000);
      await page.clock.setFixedTime(t.server.clock.now());
      await page.reload();
      const invitation = page
        .getByRole('list', { name: 'Pending invitations' })
        .getByRole('listitem')
        .filter({ hasText: email });
      await invitation.getByText('Expired', { exact: true }).waitFor();
      await invitation.getByText(/^The activation link expired 1 hour ago \(.+\)\. Resend/).waitFor();
      await expectAccessible(page);
      await saveScreenshot(page, 'driver-invitation-expired');

      await invitation.getByRole('button', { name: `Resend invitation to ${email}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `A new activation link was sent to ${email}.` })
        .waitFor();
      await invitation.getByText('Pending', { exact: true }).waitFor();
      await invitation.getByText(/^The activation link expires in 24 hours/).waitFor();

      await invitation.getByRole('button', { name: `Revoke invitation to ${email}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke invitation' });
      await confirm.getByText(`Revoke the invitation to ${email}?`).waitFor();
      await expectAccessible(page);
      await confirm.getByRole('button', { name: 'Revoke invitation' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `The invitation to ${email} was revoked.` })
        .waitFor();
      await page.getByText('No pending invitations.').waitFor();
      await page.getByText('0 of 5 secondary users, pending invitations included').waitFor();
    } finally {
      t.server.clock.set(start);
    }
  }, 120_000);

  it('switches between several cars by the address, in Danish on a phone, and stops at five', async () => {
    const db = t.server.database.db;
    const owner = await buildUser(db, { name: 'Karoline Kristiansen-Østergaard' });
    const friends = await Promise.all(
      ['Ada', 'Bo', 'Carl', 'Dina', 'Emil'].map((name) => buildUser(db, { name: `${name} Ven` })),
    );
    const { vehicle: first } = await buildVehicle(db, { primary: owner, secondaries: friends });
    const { vehicle: second } = await buildVehicle(db, { primary: owner });

    const page = await openAs(owner, { phone: true, locale: 'da-DK' });
    await page.goto('/app');
    const switcher = page.getByLabel('Køretøj', { exact: true });
    await switcher.waitFor();
    const shown = await page.getByRole('heading', { level: 1 }).innerText();
    const other = shown === first.registrationNumber ? second : first;
    await switcher.selectOption({ value: other.id });
    await page.waitForURL(`**/app?vehicle=${other.id}`);
    await page.getByRole('heading', { level: 1, name: other.registrationNumber }).waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'driver-switcher-phone-da');
    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: other.registrationNumber }).waitFor();
    expect(await switcher.inputValue()).toBe(other.id);

    // More lists both cars; the full one cannot take a sixth secondary user.
    await page.getByRole('link', { name: 'Mere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mere' }).waitFor();
    await page.getByRole('list', { name: 'Dine køretøjer' }).getByText(second.registrationNumber).waitFor();
    await checkPage(page, true);
    await page.getByRole('link', { name: `Administrér brugere af ${first.registrationNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Administrér brugere' }).waitFor();
    await page.getByText('5 af 5 sekundære brugere, afventende invitationer medregnet').waitFor();
    await page
      .getByText('Bilen har 5 sekundære brugere og invitationer, det højeste antal.', { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Invitér en sekundær bruger' }).isDisabled()).toBe(true);
    await checkPage(page, true);
    await saveScreenshot(page, 'driver-manage-users-full-phone-da');
  }, 120_000);

  it('changing the level notifies the users; the notifications page marks them read', async () => {
    const db = t.server.database.db;
    const owner = await buildUser(db, { name: 'Olga Ejer' });
    const friend = await buildUser(db, { name: 'Frida Ven' });
    const { vehicle } = await buildVehicle(db, { primary: owner, secondaries: [friend] });

    const page = await openAs(owner);
    await page.goto(`/app/vehicles/${vehicle.id}/users`);
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await page.getByRole('radio', { name: 'Limited location' }).check();
    await page.getByRole('button', { name: 'Save data sharing' }).click();
    await page.getByRole('status').filter({ hasText: 'Data sharing is set to Limited location.' }).waitFor();
    await checkPage(page);

    const friendPage = await openAs(friend);
    await friendPage.goto('/app/notifications');
    await friendPage.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const notice = friendPage
      .getByRole('list', { name: 'Notifications' })
      .getByRole('listitem')
      .filter({
        hasText: `Olga Ejer changed data sharing for ${vehicle.registrationNumber} to Limited location.`,
      });
    await notice.waitFor();
    await checkPage(friendPage);
    await notice.getByText('Unread', { exact: true }).waitFor();
    await friendPage.getByRole('link', { name: 'Notifications (1 unread)' }).waitFor();
    await saveScreenshot(friendPage, 'driver-notifications');
    await notice.getByRole('button', { name: 'Mark as read' }).click();
    await notice.getByText('Unread', { exact: true }).waitFor({ state: 'detached' });
    await friendPage.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await checkPage(friendPage);

    // The primary gets the notice too, phrased as their own change; "Mark all as read" clears it.
    await page.goto('/app/notifications');
    const own = page
      .getByRole('listitem')
      .filter({ hasText: `You changed data sharing for ${vehicle.registrationNumber} to Limited location.` });
    await own.getByText('Unread', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await own.getByText('Unread', { exact: true }).waitFor({ state: 'detached' });
    await checkPage(page);
  }, 120_000);

  it('a server without notifications (404) leaves the app working and says so calmly', async () => {
    const db = t.server.database.db;
    const owner = await buildUser(db, { name: 'Nina Ejer' });
    await buildVehicle(db, { primary: owner });
    const page = await openAs(owner);
    await page.route('**/api/v1/notifications**', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' }),
      }),
    );
    await page.goto('/app');
    await page.getByRole('heading', { level: 2, name: 'Position' }).waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Notifications are not available yet' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await checkPage(page);
    await saveScreenshot(page, 'driver-notifications-unavailable');
  }, 60_000);
});
