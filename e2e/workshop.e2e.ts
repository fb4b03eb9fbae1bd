import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { vehicleMemberships } from '../src/server/db/schema/index.ts';
import {
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  TEST_PASSWORD,
  uniqueVin,
} from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

const PASSWORD = 'a-long-and-unusual-password';
const unique = () => randomBytes(4).toString('hex');
const uniqueEmail = (who: string) => `${who}-${unique()}@example.test`;

describe("the workshop portal's vehicles (SPEC §5), in Chromium", () => {
  const t = useBrowserTest();

  /** Signs in through the sign-in page, as a person would, and waits for the workshop portal. */
  async function signInAs(page: Page, email: string, heading = 'Workshop portal') {
    await page.goto('/login');
    await page.getByRole('textbox', { name: /^(Email|E-mail)$/ }).fill(email);
    await page.getByLabel(/^(Password|Adgangskode)$/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /^(Sign in|Log ind)$/ }).click();
    await page.waitForURL('**/workshop');
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  /** The token of the newest activation link mailed to `email`, read from the dev mailbox. */
  async function activationTokenFor(email: string) {
    t.server.app.mailWorker.kick();
    await t.server.app.mailWorker.drain();
    const response = await fetch(`${t.baseUrl}/dev/mail/messages?to=${encodeURIComponent(email)}`);
    const { items } = (await response.json()) as { items: { text: string }[] };
    const token = items[0]?.text.match(/\/activate\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token, `an /activate/ link in the mail to ${email}`).toBeTruthy();
    return token ?? '';
  }

  it('adds a vehicle, invites its primary user, and removing the primary removes everyone', async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: 'Nørre Auto' });
    const advisor = await buildStaff(db, workshop, ['service_advisor'], { name: 'Sara Service' });
    const page = await t.newPage();
    await signInAs(page, advisor.email);

    // An empty workshop says so, and offers the first step.
    await page.getByRole('heading', { level: 2, name: 'No vehicles yet' }).waitFor();
    await page.getByText('Nørre Auto: Service advisor').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add vehicle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add vehicle' });
    await dialog.getByText('The vehicle will be serviced by Nørre Auto.').waitFor();
    // A VIN never holds an O: the form says so before asking the server.
    await dialog.getByLabel('VIN (vehicle identification number)').fill('WVWZZZ1JZ3W38617O');
    await dialog.getByRole('button', { name: 'Add vehicle' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'A VIN is 17 letters and digits, without I, O or Q.' })
      .waitFor();
    await dialog.getByRole('alert').filter({ hasText: 'Enter the registration number.' }).waitFor();
    await expectAccessible(page);

    const vin = uniqueVin();
    await dialog.getByLabel('VIN (vehicle identification number)').fill(vin.toLowerCase());
    await dialog.getByLabel('Registration number').fill('ab 12 345');
    await dialog.getByLabel('Make', { exact: true }).fill('Volvo');
    await dialog.getByLabel('Model', { exact: true }).fill('XC40');
    await dialog.getByLabel('Model year (optional)').fill('2022');
    await dialog.getByLabel('Fuel type (optional)').selectOption({ label: 'Electric' });
    await dialog.getByRole('button', { name: 'Add vehicle' }).click();

    // The device token, once, with the warning that it will not be shown again.
    await dialog.getByRole('status').filter({ hasText: 'AB 12 345 was added to Nørre Auto.' }).waitFor();
    await dialog.getByText('It is shown only this once').waitFor();
    const deviceToken = await dialog.getByRole('textbox', { name: 'Device token' }).inputValue();
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await dialog.getByRole('button', { name: 'Copy device token' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'workshop-device-token');

    await dialog.getByRole('link', { name: 'Open the vehicle' }).click();
    await page.waitForURL(/\/workshop\/vehicles\/[0-9a-f-]{36}\?workshop=/);
    const vehicleId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { level: 1, name: 'AB 12 345' }).waitFor();
    await page.getByText(vin, { exact: true }).waitFor();
    await page.getByText('Electric', { exact: true }).waitFor();
    await page.getByText('Shared: every user sees the position, status, alarms and trips.').waitFor();
    const primary = page.getByRole('region', { name: 'Primary user' });
    await primary.getByText('No primary user', { exact: true }).waitFor();
    // Shown once: nowhere on the vehicle's page.
    expect(await page.getByText(deviceToken).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Device token' }).count()).toBe(0);
    await expectAccessible(page);

    // Invite the owner named on the registration certificate.
    const ownerEmail = uniqueEmail('pia');
    await primary.getByLabel("The owner's email address").fill(ownerEmail);
    await primary.getByLabel("The owner's name (optional)").fill('Pia Primær');
    await primary.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${ownerEmail}.` })
      .waitFor();
    await primary.getByText(`Invitation sent to ${ownerEmail}`, { exact: true }).waitFor();
    await primary.getByText('Pending', { exact: true }).waitFor();
    await primary.getByText(/The activation link works until 2/).waitFor();
    await expectAccessible(page);

    // Resend: a new link is mailed, and the invitee uses the newest one.
    await primary.getByRole('button', { name: 'Resend invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `A new activation link was sent to ${ownerEmail}.` })
      .waitFor();
    await primary.getByRole('button', { name: 'Revoke invitation' }).waitFor();

    // The invitee accepts from the mail, in a browser of their own.
    const invitee = await t.newPage();
    await invitee.goto(`/activate/${await activationTokenFor(ownerEmail)}`);
    await invitee.getByRole('heading', { level: 1, name: 'Activate your invitation' }).waitFor();
    await invitee.getByText(/Volvo XC40 \(AB 12 345\) at Nørre Auto as its primary user/).waitFor();
    await expectAccessible(invitee);
    await invitee.getByLabel('Your name').fill('Pia Primær');
    await invitee.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Activate' }).click();
    await invitee.waitForURL('**/app');

    // The vehicle details page shows them as the Primary user.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'AB 12 345' }).waitFor();
    await primary.getByText('Pia Primær', { exact: true }).waitFor();
    await primary.getByText(ownerEmail, { exact: true }).waitFor();
    await primary.getByText('Primary user since').waitFor();
    await expectAccessible(page);

    // Two secondary users, as the primary would have invited them in the driver app.
    const sam = await buildUser(db, { name: 'Sam Sekundær' });
    const sif = await buildUser(db, { name: 'Sif Sekundær' });
    await db.insert(vehicleMemberships).values(
      [sam, sif].map((user) => ({
        vehicleId,
        userId: user.id,
        role: 'secondary' as const,
        createdAt: new Date(),
      })),
    );
    await page.reload();
    const secondaries = page.getByRole('region', { name: 'Secondary users' });
    await secondaries.getByText('Secondary users: 2 of 5').waitFor();
    await secondaries.getByRole('list', { name: 'Secondary users' }).getByText('Sif Sekundær').waitFor();
    // Workshops see secondary users' names, never their emails.
    expect(await page.getByText(sam.email).count()).toBe(0);
    await expectAccessible(page);

    // Removing the primary warns, naming everyone who will lose access, then removes them all.
    await primary.getByRole('button', { name: 'Remove primary user' }).click();
    const warning = page.getByRole('dialog', { name: 'Remove primary user' });
    await warning.getByText('Everyone loses access to AB 12 345').waitFor();
    const affected = warning.getByRole('list', { name: 'People who will lose access' }).getByRole('listitem');
    await affected.first().waitFor();
    expect(await affected.allInnerTexts()).toEqual([
      'Pia Primær (Primary user)',
      'Sam Sekundær (Secondary user)',
      'Sif Sekundær (Secondary user)',
    ]);
    await expectAccessible(page);
    await saveScreenshot(page, 'workshop-remove-primary-warning');
    await warning.getByRole('button', { name: 'Remove everyone' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: 'Removed from AB 12 345: Pia Primær, Sam Sekundær and Sif Sekundær.' })
      .waitFor();
    await primary.getByText('No primary user', { exact: true }).waitFor();
    await secondaries.getByText('Secondary users: 0 of 5').waitFor();
    await expectAccessible(page);

    // A lost device token is replaced: confirmed first, then the new one is shown once.
    await page.getByRole('button', { name: 'Rotate device token' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate device token' });
    await rotate.getByText('Make a new device token for AB 12 345?').waitFor();
    await rotate.getByRole('button', { name: 'Rotate token' }).click();
    const newToken = await rotate.getByRole('textbox', { name: 'Device token' }).inputValue();
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(newToken).not.toBe(deviceToken);
    await expectAccessible(page);
    await rotate.getByRole('button', { name: 'Close', exact: true }).last().click();
    await rotate.waitFor({ state: 'detached' });
    expect(await page.getByText(newToken).count()).toBe(0);

    // The list agrees, and the removed primary was told by email.
    await page.getByRole('link', { name: 'Back to vehicles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workshop portal' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'AB 12 345' });
    await row.getByText('No primary user').waitFor();
    await row.getByText(vin).waitFor();
    await expectAccessible(page);
    t.server.app.mailWorker.kick();
    await t.server.app.mailWorker.drain();
    const mail = await fetch(`${t.baseUrl}/dev/mail/messages?to=${encodeURIComponent(ownerEmail)}`);
    const { items } = (await mail.json()) as { items: unknown[] };
    expect(items.length).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('a technician sees vehicles and their users, but no buttons to add, invite or remove', async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: `Vestergade Værksted ${unique()}` });
    const technician = await buildStaff(db, workshop, ['technician'], { name: 'Tina Technician' });
    const owner = await buildUser(db, { name: 'Otto Ejer' });
    const { vehicle } = await buildVehicle(db, { workshop, primary: owner });
    const { vehicle: ownerless } = await buildVehicle(db, { workshop });
    // Another workshop's vehicle is not listed.
    const { vehicle: elsewhere } = await buildVehicle(db);

    const page = await t.newPage();
    await signInAs(page, technician.email);
    const row = page.getByRole('row').filter({ hasText: vehicle.registrationNumber });
    await row.getByText('Otto Ejer').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: ownerless.registrationNumber })
      .getByText('No primary user')
      .waitFor();
    expect(await page.getByRole('row').filter({ hasText: elsewhere.registrationNumber }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add vehicle' }).count()).toBe(0);
    await expectAccessible(page);

    await row.getByRole('link', { name: vehicle.registrationNumber }).click();
    await page.getByRole('heading', { level: 1, name: vehicle.registrationNumber }).waitFor();
    await page
      .getByRole('region', { name: 'Primary user' })
      .getByText('Otto Ejer', { exact: true })
      .waitFor();
    await page.getByText('No active alarms.').waitFor();
    expect(await page.getByRole('button', { name: 'Remove primary user' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rotate device token' }).count()).toBe(0);
    await expectAccessible(page);

    await page.goto(`/workshop/vehicles/${ownerless.id}`);
    await page.getByRole('heading', { level: 1, name: ownerless.registrationNumber }).waitFor();
    await page.getByText('No primary user', { exact: true }).waitFor();
    expect(await page.getByLabel("The owner's email address").count()).toBe(0);
    await expectAccessible(page);

    // Another workshop's vehicle is simply not found.
    await page.goto(`/workshop/vehicles/${elsewhere.id}`);
    await page.getByRole('heading', { level: 1, name: 'Vehicle not found' }).waitFor();
    await expectAccessible(page);
  }, 120_000);

  it('on a 375 px phone, in Danish: the list, its search and a vehicle fit without sideways scrolling', async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: `Søndergade Autoværksted ${unique()}` });
    const advisor = await buildStaff(db, workshop, ['service_advisor'], { name: 'Søren Service' });
    const owner = await buildUser(db, { name: 'Karoline Kristiansen-Østergaard' });
    const { vehicle } = await buildVehicle(db, { workshop, primary: owner });
    const { vehicle: other } = await buildVehicle(db, { workshop });

    const page = await t.newPage({ phone: true, locale: 'da-DK' });
    await signInAs(page, advisor.email, 'Værkstedsportal');
    const list = page.getByRole('list', { name: `Køretøjer hos ${workshop.name}` });
    await list.getByText('Karoline Kristiansen-Østergaard').waitFor();
    await list.getByText('Ingen primær bruger').waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await saveScreenshot(page, 'workshop-vehicles-phone-da');

    await page.getByRole('searchbox', { name: 'Søg efter køretøjer' }).fill('Karoline');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByText(other.registrationNumber).count()).toBe(0);
    await expectNoHorizontalScroll(page);

    await page.getByRole('button', { name: 'Tilføj køretøj' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tilføj køretøj' });
    await dialog.getByLabel('Stelnummer (VIN)').waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Annullér' }).click();

    await list.getByRole('link', { name: vehicle.registrationNumber }).click();
    await page.getByRole('heading', { level: 1, name: vehicle.registrationNumber }).waitFor();
    await page.getByRole('region', { name: 'Primær bruger' }).getByText(owner.email).waitFor();
    await page.getByRole('button', { name: 'Fjern primær bruger' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await saveScreenshot(page, 'workshop-vehicle-phone-da');
  }, 120_000);
});
