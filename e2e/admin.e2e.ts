import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '../src/server/db/schema/index.ts';
import {
  buildOperator,
  buildOrganization,
  buildStaff,
  signIn,
  TEST_PASSWORD,
} from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

// The test server's clock starts here; the test that moves it puts it back.
const START = new Date('2026-03-01T09:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const PASSWORD = 'a-long-and-unusual-password';

const unique = () => randomBytes(4).toString('hex');
const uniqueEmail = (who: string) => `${who}-${unique()}@example.test`;

describe('the admin portal flows of "Inviting system users", in Chromium', () => {
  const t = useBrowserTest();

  afterEach(() => {
    t.server.clock.set(START);
  });

  /** An operator admin, Ada; her email and a bearer token for setting up data through the API. */
  async function makeAdmin() {
    const db = t.server.database.db;
    const operator = await buildOperator(db);
    const email = uniqueEmail('ada');
    const admin = await buildStaff(db, operator, ['admin'], { name: 'Ada Admin', email });
    return { operator, email, userId: admin.id, token: await signIn(db, admin, t.server.clock.now()) };
  }

  async function api(token: string, path: string, body: unknown) {
    const response = await fetch(`${t.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Record<string, string>;
  }

  /** Signs in through the sign-in page, as a person would. */
  async function signInAs(page: Page, email: string, password = TEST_PASSWORD) {
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: 'Admin portal' }).waitFor();
  }

  /** Goes to a section through the admin portal's own navigation. */
  async function openSection(page: Page, name: string, heading = name) {
    await page
      .getByRole('navigation', { name: 'Admin portal' })
      .getByRole('link', { name, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  async function deliverMail() {
    t.server.app.mailWorker.kick();
    await t.server.app.mailWorker.drain();
  }

  /** The token of the newest activation link mailed to `email`, read from the dev mailbox's JSON. */
  async function activationTokenFor(email: string) {
    await deliverMail();
    const response = await fetch(`${t.baseUrl}/dev/mail/messages?to=${encodeURIComponent(email)}`);
    const { items } = (await response.json()) as { items: { text: string }[] };
    const token = items[0]?.text.match(/\/activate\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token, `an /activate/ link in the mail to ${email}`).toBeTruthy();
    return token ?? '';
  }

  /** Reads the newest mail to `email` on the dev mailbox page, as the invitee would. */
  async function activationTokenFromMailbox(page: Page, email: string) {
    await deliverMail();
    await page.goto('/dev/mail');
    const mail = page
      .getByRole('article', { name: new RegExp(` to ${email.replace(/[.+]/g, '\\$&')}$`) })
      .first();
    const href = await mail.getByRole('link', { name: /\/activate\// }).getAttribute('href');
    // The link points at PUBLIC_URL (keyfob.test); the test opens its token on the test server.
    expect(href).toMatch(/^http:\/\/keyfob\.test\/activate\//);
    return new URL(href ?? '').pathname.split('/').pop() ?? '';
  }

  /** The invitee opens the link in their own browser and chooses a name and a password. */
  async function activate(token: string, name: string, fillMore?: (page: Page) => Promise<void>) {
    const page = await t.newPage();
    await page.goto(`/activate/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Activate your invitation' }).waitFor();
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await fillMore?.(page);
    await page.getByRole('button', { name: 'Activate' }).click();
    return page;
  }

  /** Narrows a list with its search box and returns the one row (or card) for `text`. */
  async function findInList(page: Page, text: string, searchLabel = 'Search'): Promise<Locator> {
    await page.getByRole('searchbox', { name: searchLabel }).fill(text);
    const row = page.getByRole('row').filter({ hasText: text });
    await row.first().waitFor();
    await expect.poll(() => row.count()).toBe(1);
    return row;
  }

  it('a. Add system user with roles from checkboxes; the invitee activates and shows as Active', async () => {
    const admin = await makeAdmin();
    // With a workshop, the dialog asks which organisation (the operator first).
    await buildOrganization(t.server.database.db, { name: `Workshop ${unique()}` });
    const page = await t.newPage();
    await signInAs(page, admin.email);
    await expectAccessible(page);

    // 1. Users → System users.
    await openSection(page, 'System users');
    await page.getByRole('row').first().waitFor();
    await expectAccessible(page);

    // 2–3. The + at the bottom right, then Add system user.
    const plus = page.getByRole('button', { name: 'Add people' });
    const box = await plus.boundingBox();
    expect(box?.x).toBeGreaterThan(1280 / 2);
    expect(box?.y).toBeGreaterThan(800 / 2);
    // By keyboard: the + is a named button, and its menu opens and chooses with Enter.
    await plus.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Add system user' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add system user' });
    await dialog.waitFor();
    expect(
      await dialog.getByLabel("The user's email address").evaluate((node) => node === document.activeElement),
    ).toBe(true);
    await expectAccessible(page);

    // Nothing filled in: each missing field says what it needs.
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByRole('alert').filter({ hasText: "Enter the person's email address." }).waitFor();
    await dialog.getByRole('alert').filter({ hasText: 'Choose at least one role.' }).waitFor();

    // 4–6. Email, roles by checkbox (only the operator's roles are offered), Send invitation.
    const email = uniqueEmail('sam');
    await dialog.getByLabel("The user's email address").fill(email);
    expect(await dialog.getByLabel('Organisation').inputValue()).toBe(admin.operator.id);
    expect(await dialog.getByRole('checkbox').count()).toBe(4);
    await dialog.getByRole('checkbox', { name: 'Support' }).check();
    await dialog.getByRole('checkbox', { name: 'Finance' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${email}.` })
      .waitFor();
    const pending = await findInList(page, email);
    await pending.getByText('Pending', { exact: true }).waitFor();
    await pending.getByText('Finance and Support').waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-system-users');

    // Inviting the same address again is refused at the email field.
    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('menuitem', { name: 'Add system user' }).click();
    await dialog.getByLabel("The user's email address").fill(email);
    await dialog.getByRole('checkbox', { name: 'Support' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'already has a pending invitation' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The invitee reads the mail and activates.
    const invitee = await t.newPage();
    const token = await activationTokenFromMailbox(invitee, email);
    const activated = await activate(token, 'Sam Support');
    await activated.waitForURL('**/admin');
    await activated.getByText('keyfob operator: Finance and Support').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'System users' }).waitFor();
    const active = await findInList(page, email);
    await active.getByText('Active', { exact: true }).waitFor();
    await active.getByRole('button', { name: 'Sam Support' }).waitFor();

    // Opening the person: change roles, then deactivate after a confirmation.
    await active.getByRole('button', { name: 'Sam Support' }).click();
    const person = page.getByRole('dialog', { name: 'Sam Support' });
    await person.getByRole('checkbox', { name: 'Finance' }).uncheck();
    await person.getByRole('button', { name: 'Save roles' }).click();
    await person.getByRole('status').filter({ hasText: 'Roles saved' }).waitFor();
    await expectAccessible(page);
    await person.getByRole('button', { name: 'Deactivate' }).click();
    await person.getByText('Deactivate Sam Support? They are signed out everywhere').waitFor();
    await expectAccessible(page);
    await person.getByRole('button', { name: 'Deactivate' }).click();
    await person.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Sam Support was deactivated.' }).waitFor();
    const deactivated = await findInList(page, email);
    await deactivated.getByText('Deactivated', { exact: true }).waitFor();
    await deactivated.getByText('Support', { exact: true }).waitFor();

    // Their session ended with the deactivation.
    await activated.reload();
    await activated.waitForURL(/\/login/);
  }, 180_000);

  it('b. Invite client: a consumer owner activates and shows as Active; a business owner gives company details', async () => {
    const admin = await makeAdmin();
    const page = await t.newPage();
    await signInAs(page, admin.email);

    // 1–5 for a consumer.
    await openSection(page, 'Customers');
    const nav = page.getByRole('navigation', { name: 'Admin portal' });
    expect(await nav.getByRole('link', { name: 'Customers' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBeNull();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('menuitem', { name: 'Invite client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite client' });
    const consumerEmail = uniqueEmail('carla');
    await dialog.getByLabel("Your customer's email address").fill(consumerEmail);
    const owner = dialog.getByRole('checkbox', { name: 'Account owner' });
    expect(await owner.isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Consumer' }).isChecked()).toBe(true);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${consumerEmail}.` })
      .waitFor();
    const pending = await findInList(page, consumerEmail);
    await pending.getByText('Pending', { exact: true }).waitFor();
    await pending.getByText('Account owner', { exact: true }).waitFor();

    const consumer = await activate(await activationTokenFor(consumerEmail), 'Carla Consumer');
    await consumer.waitForURL('**/app');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    const active = await findInList(page, consumerEmail);
    await active.getByText('Active', { exact: true }).waitFor();
    // The account took the owner's name at activation.
    await active.getByRole('link', { name: 'Carla Consumer' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-customers');

    // A business: the activation page also asks for the company.
    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('menuitem', { name: 'Invite client' }).click();
    const businessEmail = uniqueEmail('bo');
    await dialog.getByLabel("Your customer's email address").fill(businessEmail);
    await dialog.getByRole('radio', { name: 'Business' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${businessEmail}.` })
      .waitFor();

    const business = await t.newPage();
    await business.goto(`/activate/${await activationTokenFor(businessEmail)}`);
    await business.getByText('This is a business account, so we also need your company details.').waitFor();
    await business.getByLabel('Your name').fill('Bo Business');
    await business.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await business.getByRole('button', { name: 'Activate' }).click();
    await business.getByRole('alert').filter({ hasText: "Enter the company's legal name." }).waitFor();
    await business.getByRole('alert').filter({ hasText: 'Choose a country.' }).waitFor();
    await expectAccessible(business);
    const companyName = `Fjord Byg ${unique()} ApS`;
    await business.getByLabel('Legal name of the company').fill(companyName);
    await business.getByLabel('Company registration or VAT number').fill('DK12345678');
    await business.getByLabel('Company address').fill('Havnegade 1, 1058 København K');
    await business.getByLabel('Country').selectOption('DK');
    await expectAccessible(business);
    await saveScreenshot(business, 'admin-activate-business');
    await business.getByRole('button', { name: 'Activate' }).click();
    await business.waitForURL('**/app');

    // The account is named after the company, and shows its details.
    await openSection(page, 'Accounts');
    const account = await findInList(page, companyName, 'Search accounts');
    await account.getByRole('link', { name: companyName }).click();
    await page.getByRole('heading', { level: 1, name: companyName }).waitFor();
    await page.getByText('DK12345678').waitFor();
    await page.getByText('Denmark').waitFor();
    const members = page.getByRole('table', { name: `Members of ${companyName}` });
    await members
      .getByRole('row')
      .filter({ hasText: businessEmail })
      .getByText('Active', { exact: true })
      .waitFor();
    await expectAccessible(page);
  }, 180_000);

  it('c. Add end-user through Users → Customers: the account is found by typing, with a rate', async () => {
    const admin = await makeAdmin();
    const accountName = `Havn Logistik ${unique()}`;
    await api(admin.token, '/admin/customers', { email: uniqueEmail('owner'), accountName });
    const page = await t.newPage();
    await signInAs(page, admin.email);
    await openSection(page, 'Customers');

    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('menuitem', { name: 'Add end-user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add end-user' });
    const email = uniqueEmail('dan');
    await dialog.getByLabel("The user's email address").fill(email);
    await dialog.getByRole('radio', { name: 'Driver' }).check();
    // 6. Typing the start of the account's name finds it.
    await dialog.getByLabel('Account', { exact: true }).pressSequentially(accountName.slice(0, 9));
    await page.getByRole('option', { name: new RegExp(accountName) }).click();
    expect(await dialog.getByLabel('Account', { exact: true }).inputValue()).toBe(accountName);
    // 7. A rate, typed the Danish way; more than four decimals is refused first.
    const rate = dialog.getByLabel('Reimbursement rate in EUR per kWh (optional)');
    await rate.fill('0,123456');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'at most 4 decimals' }).waitFor();
    await rate.fill('0,25');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${email}.` })
      .waitFor();
    const row = await findInList(page, email);
    await row.getByText('Driver', { exact: true }).waitFor();
    await row.getByText('0.25 EUR per kWh').waitFor();
    await row.getByRole('link', { name: accountName }).waitFor();

    const driver = await activate(await activationTokenFor(email), 'Dan Driver');
    await driver.waitForURL('**/app');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await (await findInList(page, email)).getByText('Active', { exact: true }).waitFor();
  }, 180_000);

  it('d. Add sub-account through an account page; its user activates', async () => {
    const admin = await makeAdmin();
    const parentName = `Nordlys Flåde ${unique()}`;
    await api(admin.token, '/admin/customers', { email: uniqueEmail('nora'), accountName: parentName });
    const page = await t.newPage();
    await signInAs(page, admin.email);

    // 1. Accounts, search the account, open it.
    await openSection(page, 'Accounts');
    const row = await findInList(page, parentName, 'Search accounts');
    await row.getByRole('link', { name: parentName }).click();
    await page.getByRole('heading', { level: 1, name: parentName }).waitFor();
    await page.getByText('This account has no sub-accounts.').waitFor();
    await expectAccessible(page);

    // 2–8. + Add sub-account in the top-right corner.
    await page.getByRole('button', { name: 'Add sub-account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add sub-account' });
    await dialog.getByRole('radiogroup', { name: 'Who will use this account?' }).waitFor();
    await dialog.getByRole('radio', { name: 'Employee' }).check();
    await dialog.getByText('Enables automatic reimbursement').waitFor();
    const subName = `Mette Medarbejder ${unique()}`;
    await dialog.getByLabel('Account name').fill(subName);
    const email = uniqueEmail('mette');
    await dialog.getByLabel('Email address of the sub-account user').fill(email);
    await dialog.getByRole('radio', { name: 'Consumer' }).check();
    await dialog.getByLabel('Rate in EUR per kWh for private charging sessions').fill('0.3');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${email}.` })
      .waitFor();

    const subAccounts = page.getByRole('table', { name: `Sub-accounts of ${parentName}` });
    const sub = subAccounts.getByRole('row').filter({ hasText: subName });
    await sub.getByText('Employee', { exact: true }).waitFor();
    await sub.getByText('Consumer', { exact: true }).waitFor();
    await sub.getByText('0.30 EUR per kWh').waitFor();
    await sub.getByText('Automatic', { exact: true }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-account');

    const user = await activate(await activationTokenFor(email), 'Mette Medarbejder');
    await user.waitForURL('**/app');

    await sub.getByRole('link', { name: subName }).click();
    await page.getByRole('heading', { level: 1, name: subName }).waitFor();
    await page.getByText('Sub-account of').waitFor();
    const members = page.getByRole('table', { name: `Members of ${subName}` });
    await members.getByRole('row').filter({ hasText: email }).getByText('Active', { exact: true }).waitFor();
    await expectAccessible(page);
  }, 180_000);

  it('e. Resend invitation: the expired person gets a new link; the old one no longer works', async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail('late');
    await api(admin.token, '/admin/system-users', {
      email,
      organizationId: admin.operator.id,
      roles: ['customer_manager'],
    });
    const oldToken = await activationTokenFor(email);
    const page = await t.newPage();
    await signInAs(page, admin.email);
    t.server.clock.advance(DAY_MS + 1000);

    // 1–3. Users → System users, search the user, open them, Resend invitation.
    await openSection(page, 'System users');
    const row = await findInList(page, email);
    await row.getByText('Expired', { exact: true }).waitFor();
    await row.getByRole('button', { name: email }).click();
    const dialog = page.getByRole('dialog', { name: email });
    await dialog.getByText('The activation link has expired.').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Resend invitation' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: `A new activation link was sent to ${email}. It works until 3 March 2026` })
      .waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await row.getByText('Pending', { exact: true }).waitFor();

    const invitee = await t.newPage();
    await invitee.goto(`/activate/${oldToken}`);
    await invitee.getByRole('heading', { level: 1, name: 'This invitation link no longer works' }).waitFor();
    await invitee.getByText('Use the link in the newest mail, or ask Ada Admin.').waitFor();
    await expectAccessible(invitee);

    const newToken = await activationTokenFor(email);
    expect(newToken).not.toBe(oldToken);
    const activated = await activate(newToken, 'Lene Late');
    await activated.waitForURL('**/admin');
    await activated.getByText('keyfob operator: Customer manager').waitFor();
  }, 180_000);

  it('revokes a pending customer invitation after asking, from Users → Customers', async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail('rita');
    await api(admin.token, '/admin/customers', { email, accountName: `Revoke ${unique()}` });
    const token = await activationTokenFor(email);
    const page = await t.newPage();
    await signInAs(page, admin.email);
    await openSection(page, 'Customers');
    const row = await findInList(page, email);
    await row.getByRole('button', { name: email }).click();
    const dialog = page.getByRole('dialog', { name: email });
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await dialog.getByText(`Revoke the invitation to ${email}?`).waitFor();
    // Cancel is the safe choice and has the focus.
    expect(
      await dialog
        .getByRole('button', { name: 'Cancel' })
        .evaluate((node) => node === document.activeElement),
    ).toBe(true);
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `The invitation to ${email} was revoked.` })
      .waitFor();
    await page.getByRole('heading', { name: 'No matches' }).waitFor();

    const invitee = await t.newPage();
    await invitee.goto(`/activate/${token}`);
    await invitee.getByRole('heading', { level: 1, name: 'This invitation link no longer works' }).waitFor();
  }, 120_000);

  it('creates and edits a workshop, then invites its first workshop admin', async () => {
    const admin = await makeAdmin();
    const page = await t.newPage();
    await signInAs(page, admin.email);
    await openSection(page, 'Workshops');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add workshop' }).click();
    const create = page.getByRole('dialog', { name: 'Add workshop' });
    const name = `Nørre Auto ${unique()}`;
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('Address').fill('Nørregade 7, 8000 Aarhus C');
    await create.getByLabel('Phone').fill('+45 86 12 34 56');
    expect(await create.getByLabel('Time zone').inputValue()).toBe('Europe/Copenhagen');
    await expectAccessible(page);
    await create.getByRole('button', { name: 'Create workshop' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} was created.` })
      .waitFor();
    const row = await findInList(page, name, 'Search workshops');
    await row.getByText('+45 86 12 34 56').waitFor();

    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    expect(await edit.getByLabel('Address').inputValue()).toBe('Nørregade 7, 8000 Aarhus C');
    await edit.getByLabel('Phone').fill('+45 86 00 00 00');
    await edit.getByLabel('Time zone').selectOption('Europe/Oslo');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The changes to ${name} were saved.` })
      .waitFor();
    await row.getByText('Europe/Oslo').waitFor();
    await row.getByText('+45 86 00 00 00').waitFor();
    await expectAccessible(page);

    // The new workshop is offered when adding a system user, with the workshop's roles only.
    await openSection(page, 'System users');
    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('menuitem', { name: 'Add system user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add system user' });
    const email = uniqueEmail('wanda');
    await dialog.getByLabel("The user's email address").fill(email);
    await dialog.getByLabel('Organisation').selectOption({ label: `${name} (workshop)` });
    expect(await dialog.getByRole('checkbox').count()).toBe(3);
    await dialog.getByRole('checkbox', { name: 'Workshop admin' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${email}.` })
      .waitFor();
    const invited = await findInList(page, email);
    await invited.getByText(name).waitFor();
    await invited.getByText('Workshop admin').waitFor();
  }, 180_000);

  it('a workshop admin manages only their own staff from the workshop portal', async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: `Vestergade Værksted ${unique()}` });
    const other = await buildOrganization(db, { name: `Andet Værksted ${unique()}` });
    const email = uniqueEmail('wes');
    await buildStaff(db, workshop, ['workshop_admin'], { name: 'Wes Workshop', email });
    const colleague = await buildStaff(db, workshop, ['technician'], { name: 'Tina Technician' });
    const stranger = await buildStaff(db, other, ['technician'], { name: 'Otto Other' });

    const page = await t.newPage();
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/workshop');
    await page
      .getByRole('navigation', { name: 'Workshop portal' })
      .getByRole('link', { name: 'Staff' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page.getByText(`The staff of ${workshop.name} and their invitations.`).waitFor();
    await page.getByRole('row').filter({ hasText: colleague.email }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: stranger.email }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('menuitem', { name: 'Add system user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add system user' });
    await dialog.getByText(`The person will join ${workshop.name}.`).waitFor();
    const invitee = uniqueEmail('tom');
    await dialog.getByLabel("The user's email address").fill(invitee);
    await dialog.getByRole('checkbox', { name: 'Technician' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${invitee}.` })
      .waitFor();
    await (await findInList(page, invitee)).getByText('Pending', { exact: true }).waitFor();
    await expectAccessible(page);

    const activated = await activate(await activationTokenFor(invitee), 'Tom Technician');
    await activated.waitForURL('**/workshop');
    await activated.getByText(`${workshop.name}: Technician`).waitFor();
  }, 180_000);

  it('shows failed and waiting mail with the error on the Outgoing mail page', async () => {
    const admin = await makeAdmin();
    const now = t.server.clock.now();
    const mail = {
      text: 'secret link',
      html: '<p>secret link</p>',
      topic: 'invitation:system_user',
      createdAt: now,
    };
    const failedTo = uniqueEmail('bounce');
    await t.server.database.db.insert(mailOutbox).values([
      {
        ...mail,
        to: failedTo,
        subject: 'Activate your keyfob account',
        status: 'failed',
        attempts: 8,
        lastError: '550 5.1.1 mailbox unavailable',
        nextAttemptAt: now,
      },
      {
        ...mail,
        to: uniqueEmail('slow'),
        subject: 'Reset your keyfob password',
        status: 'pending',
        attempts: 2,
        lastError: 'connect ETIMEDOUT',
        // Not due yet, so the mail worker leaves it waiting.
        nextAttemptAt: new Date(now.getTime() + DAY_MS),
      },
    ]);
    const page = await t.newPage();
    await signInAs(page, admin.email);
    await openSection(page, 'Outgoing mail');
    const failed = page
      .getByRole('table', { name: 'Failed mail' })
      .getByRole('row')
      .filter({ hasText: failedTo });
    await failed.getByText('550 5.1.1 mailbox unavailable').waitFor();
    await failed.getByText('Activate your keyfob account').waitFor();
    await expectAccessible(page);
    // The mail's body, with its link, never reaches the page.
    expect(await page.getByText('secret link').count()).toBe(0);

    await page.getByText('Waiting', { exact: true }).click();
    const waiting = page.getByRole('table', { name: 'Mail waiting to be sent' });
    await waiting.getByText('connect ETIMEDOUT').waitFor();
    await waiting.getByText('2 March 2026 at').waitFor();
    await expectAccessible(page);
  });

  it('on a phone, in Danish, the lists are cards and nothing scrolls sideways', async () => {
    const admin = await makeAdmin();
    for (const who of ['en-meget-lang-adresse-til-test-af-ombrydning', 'kort']) {
      await api(admin.token, '/admin/customers', {
        email: uniqueEmail(who),
        accountName: `Telefonkunde ${unique()} med et langt navn`,
      });
    }
    const page = await t.newPage({ phone: true, locale: 'da-DK' });
    const session = await signIn(t.server.database.db, { id: admin.userId }, t.server.clock.now());
    await page.context().addCookies([{ name: 'keyfob_session', value: session, url: t.baseUrl }]);

    await page.goto('/admin/customers');
    await page.getByRole('heading', { level: 1, name: 'Kunder' }).waitFor();
    const cards = page.getByRole('list', { name: 'Kunder' });
    await cards.getByRole('listitem').first().waitFor();
    await cards.getByText('Afventer', { exact: true }).first().waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-customers-phone-da');

    await page.getByRole('button', { name: 'Tilføj personer' }).click();
    await page.getByRole('menuitem', { name: 'Tilføj slutbruger' }).click();
    await page
      .getByRole('dialog', { name: 'Tilføj slutbruger' })
      .getByLabel('Konto', { exact: true })
      .waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.keyboard.press('Escape');

    await page
      .getByRole('navigation', { name: 'Administrationsportal' })
      .getByRole('link', { name: 'Systembrugere' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Systembrugere' }).waitFor();
    await page.getByRole('list', { name: 'Systembrugere' }).getByRole('listitem').first().waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }, 120_000);
});
