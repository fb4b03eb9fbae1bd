import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { users } from '../src/server/db/schema/index.ts';
import {
  buildOperator,
  buildOrganization,
  buildStaff,
  signIn,
  TEST_PASSWORD,
} from '../src/server/test/factories.ts';
import type { StaffRole } from '../src/shared/roles.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

// The test server's clock starts here; tests that move it put it back.
const START = new Date('2026-03-01T09:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const uniqueEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.test`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('signing in, invitations and password reset in Chromium', () => {
  const t = useBrowserTest();

  afterEach(() => {
    t.server.clock.set(START);
  });

  /** An operator admin called Ada Admin, and a bearer token to invite people as her. */
  async function makeInviter() {
    const db = t.server.database.db;
    const operator = await buildOperator(db);
    const admin = await buildStaff(db, operator, ['admin'], { name: 'Ada Admin' });
    return { operator, token: await signIn(db, admin) };
  }

  /** Invites a system user through the API, as an admin would from the admin portal. */
  async function invite(
    inviter: { token: string },
    body: { email: string; organizationId: string; roles: StaffRole[] },
  ): Promise<string> {
    const response = await fetch(`${t.baseUrl}/api/v1/admin/system-users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inviter.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const { invitationId } = (await response.json()) as { invitationId: string };
    return invitationId;
  }

  /** Lets the mail worker finish, so the dev mailbox holds every mail queued so far. */
  async function deliverMail() {
    t.server.app.mailWorker.kick();
    await t.server.app.mailWorker.drain();
  }

  /**
   * Reads the newest mail to `email` in the dev mailbox page, as a person would, and returns the
   * token of the link it holds. The link points at PUBLIC_URL (keyfob.test), so tests open the
   * token on the test server themselves.
   */
  async function readLinkInMailbox(page: Page, email: string, path: 'activate' | 'reset-password') {
    await deliverMail();
    await page.goto('/dev/mail');
    await page.getByRole('heading', { level: 1, name: 'Dev mailbox' }).waitFor();
    const mail = page.getByRole('article', { name: new RegExp(` to ${escapeRegExp(email)}$`) }).first();
    const link = mail.getByRole('link', { name: new RegExp(`/${path}/`) });
    const href = await link.getAttribute('href');
    const token = new URL(href ?? '').pathname.split('/').pop();
    expect(token, `a /${path}/ link in the mail to ${email}`).toBeTruthy();
    return token ?? '';
  }

  /** The token of the newest mailed link to `email`, read through the dev mailbox's JSON. */
  async function linkTokenFor(email: string, path: 'activate' | 'reset-password') {
    await deliverMail();
    const response = await fetch(`${t.baseUrl}/dev/mail/messages?to=${encodeURIComponent(email)}`);
    const { items } = (await response.json()) as { items: { text: string }[] };
    const token = items[0]?.text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1];
    expect(token, `a /${path}/ link in the mail to ${email}`).toBeTruthy();
    return token ?? '';
  }

  async function signInThroughForm(page: Page, email: string, password: string) {
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('a new system user activates the mailed link, signs out and signs in again', async () => {
    const inviter = await makeInviter();
    const email = uniqueEmail('sam');
    await invite(inviter, { email, organizationId: inviter.operator.id, roles: ['support'] });

    const page = await t.newPage();
    const token = await readLinkInMailbox(page, email, 'activate');
    await expectAccessible(page);

    await page.goto(`/activate/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Activate your invitation' }).waitFor();
    await page.getByText('Ada Admin invited you to join keyfob operator as Support.').waitFor();
    await page.getByText(/This link works until 2 March 2026/).waitFor();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await expectAccessible(page);

    // Too short is caught at once; too common only the server knows, and says so at the field.
    await page.getByLabel('Your name').fill('Sam Support');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('alert').filter({ hasText: 'Use at least 12 characters.' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('sonyericsson');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('alert').filter({ hasText: 'This password is too common' }).waitFor();
    await expectAccessible(page);

    const password = 'a-long-and-unusual-password';
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: 'Admin portal' }).waitFor();
    await page.getByText('Signed in as Sam Support', { exact: true }).waitFor();
    await page.getByText('keyfob operator: Support').waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'auth-activated-admin');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectAccessible(page);

    await signInThroughForm(page, email, password);
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: 'Admin portal' }).waitFor();
    await page.getByText('Signed in as Sam Support', { exact: true }).waitFor();
  }, 120_000);

  it('a Danish invitee activates on a phone, and a later language switch is saved on the account', async () => {
    const inviter = await makeInviter();
    const email = uniqueEmail('dorte');
    await invite(inviter, { email, organizationId: inviter.operator.id, roles: ['support'] });
    const token = await linkTokenFor(email, 'activate');
    const languageOf = async () => {
      const [user] = await t.server.database.db
        .select({ language: users.language })
        .from(users)
        .where(eq(users.email, email));
      return user?.language;
    };

    const page = await t.newPage({ phone: true, locale: 'da-DK' });
    await page.goto(`/activate/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Aktivér din invitation' }).waitFor();
    await page.getByText('Ada Admin har inviteret dig til keyfob operator som Support.').waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await saveScreenshot(page, 'auth-activate-phone-da');

    await page.getByLabel('Dit navn').fill('Dorte Dansk');
    await page.getByLabel('Adgangskode', { exact: true }).fill('en-lang-og-usædvanlig-adgangskode');
    await page.getByRole('button', { name: 'Aktivér', exact: true }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { level: 1, name: 'Administrationsportal' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    expect(await languageOf()).toBe('da');

    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: 'Admin portal' }).waitFor();
    await expect.poll(languageOf).toBe('en');
  }, 120_000);

  it('explains an expired link and names who to ask for a new one', async () => {
    const inviter = await makeInviter();
    const email = uniqueEmail('late');
    await invite(inviter, { email, organizationId: inviter.operator.id, roles: ['finance'] });
    const token = await linkTokenFor(email, 'activate');

    t.server.clock.advance(DAY_MS + 1000);
    const page = await t.newPage();
    await page.goto(`/activate/${token}`);
    await page.getByRole('heading', { level: 1, name: 'This invitation link has expired' }).waitFor();
    await page.getByText('Ask Ada Admin to send you a new invitation.').waitFor();
    await expectAccessible(page);
  });

  it('explains used, replaced and unknown invitation links', async () => {
    const inviter = await makeInviter();
    const page = await t.newPage();

    const usedEmail = uniqueEmail('used');
    await invite(inviter, { email: usedEmail, organizationId: inviter.operator.id, roles: ['support'] });
    const usedToken = await linkTokenFor(usedEmail, 'activate');
    const accepted = await fetch(`${t.baseUrl}/api/v1/invitations/${usedToken}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Uma Used', password: 'a-long-and-unusual-password' }),
    });
    expect(accepted.status).toBe(200);
    await page.goto(`/activate/${usedToken}`);
    await page.getByRole('heading', { level: 1, name: 'This invitation has already been used' }).waitFor();
    await page.getByText('Sign in instead.').waitFor();
    await expectAccessible(page);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    const resentEmail = uniqueEmail('resent');
    const invitationId = await invite(inviter, {
      email: resentEmail,
      organizationId: inviter.operator.id,
      roles: ['support'],
    });
    const oldToken = await linkTokenFor(resentEmail, 'activate');
    const resent = await fetch(`${t.baseUrl}/api/v1/admin/invitations/${invitationId}/resend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inviter.token}` },
    });
    expect(resent.status).toBe(200);
    await page.goto(`/activate/${oldToken}`);
    await page.getByRole('heading', { level: 1, name: 'This invitation link no longer works' }).waitFor();
    await page.getByText('Use the link in the newest mail, or ask Ada Admin.').waitFor();
    await expectAccessible(page);

    await page.goto(`/activate/${'x'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'We could not find this invitation' }).waitFor();
    await expectAccessible(page);
  });

  it('an invitee who already has an account signs in to accept, after signing out of another', async () => {
    const inviter = await makeInviter();
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: 'Nørre Auto' });
    const email = uniqueEmail('wes');
    await buildStaff(db, workshop, ['technician'], { email, name: 'Wes Workshop' });
    const other = await buildStaff(db, workshop, ['service_advisor'], { email: uniqueEmail('otto') });
    await invite(inviter, { email, organizationId: inviter.operator.id, roles: ['customer_manager'] });
    const token = await linkTokenFor(email, 'activate');

    // Signed in as someone else first: the page says so and offers to sign out.
    const page = await t.newPage();
    await page.goto('/login');
    await signInThroughForm(page, other.email, TEST_PASSWORD);
    await page.waitForURL('**/workshop');
    await page.goto(`/activate/${token}`);
    await page.getByText('You are signed in as someone else').waitFor();
    await page
      .getByText(`This invitation is for ${email}, but you are signed in as ${other.email}.`)
      .waitFor();
    await expectAccessible(page);
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();

    await page.getByText(`You already have a keyfob account with ${email}.`).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Sign in to accept' }).click();
    await page.waitForURL(/\/login\?next=/);
    await signInThroughForm(page, email, TEST_PASSWORD);

    await page.waitForURL(`**/activate/${token}`);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL('**/admin');
    await page.getByText('keyfob operator: Customer manager').waitFor();
    await expectAccessible(page);

    // Now in two areas: the header offers both, and only those.
    await page.getByRole('button', { name: 'Area: Admin portal' }).click();
    const items = page.getByRole('menuitem');
    expect(await items.allTextContents()).toEqual(['Admin portal', 'Workshop portal']);
    await page.getByRole('menuitem', { name: 'Workshop portal' }).click();
    await page.waitForURL('**/workshop');
    await page.getByText('Nørre Auto: Technician').waitFor();
    await expectAccessible(page);
  }, 120_000);

  it('resets a forgotten password through the mailed link and lands signed in', async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db, { name: 'Vestergade Værksted' });
    const email = uniqueEmail('rita');
    await buildStaff(db, workshop, ['workshop_admin'], { email, name: 'Rita Reset' });

    const page = await t.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for that email, we have sent a link').waitFor();
    await expectAccessible(page);

    const token = await readLinkInMailbox(page, email, 'reset-password');
    await page.goto(`/reset-password/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByText(`Choose a new password for ${email}.`).waitFor();
    await expectAccessible(page);
    const password = 'my-new-and-unusual-password';
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.waitForURL('**/workshop');
    await page.getByRole('heading', { level: 1, name: 'Workshop portal' }).waitFor();
    await page.getByText('Vestergade Værksted: Workshop admin').waitFor();
    await expectAccessible(page);

    // The link works once.
    await page.goto(`/reset-password/${token}`);
    await page.getByRole('heading', { level: 1, name: 'This reset link has already been used' }).waitFor();
    await expectAccessible(page);
  }, 120_000);

  it('says when the password is wrong, and the sign-in page fits a phone', async () => {
    const db = t.server.database.db;
    const workshop = await buildOrganization(db);
    const user = await buildStaff(db, workshop, ['technician']);

    const page = await t.newPage({ phone: true });
    // A signed-out visit to an area goes to sign-in, and back to that area afterwards.
    await page.goto('/workshop');
    await page.waitForURL(/\/login\?next=%2Fworkshop$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    await signInThroughForm(page, user.email, 'not-the-right-password');
    await page.getByRole('alert').filter({ hasText: 'The email or the password is not right.' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await saveScreenshot(page, 'auth-login-phone-error');

    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/workshop');
    await page.getByRole('heading', { level: 1, name: 'Workshop portal' }).waitFor();
    await expectNoHorizontalScroll(page);
  });

  it('ignores a next address that leads to another site', async () => {
    const db = t.server.database.db;
    const user = await buildStaff(db, await buildOperator(db), ['finance']);
    const page = await t.newPage();
    await page.goto('/login?next=%2F%2Fevil.example%2Fphish');
    await signInThroughForm(page, user.email, TEST_PASSWORD);
    await page.waitForURL('**/admin');
    expect(new URL(page.url()).host).toBe(new URL(t.baseUrl).host);
  });
});
