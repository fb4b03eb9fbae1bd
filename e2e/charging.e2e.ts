import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildChargingKey,
  buildOperator,
  buildStaff,
  buildSubAccount,
  buildUser,
  signIn,
} from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

const unique = () => randomBytes(4).toString('hex');
const uniqueEmail = (who: string) => `${who}-${unique()}@example.test`;
const HOUR_MS = 60 * 60 * 1000;

describe('charging reimbursement on the web (SPEC §9), in Chromium', () => {
  const t = useBrowserTest();

  // One fleet, set up once: the test server's clock stands at 2026-03-01 09:00 UTC, so January
  // and February 2026 are over in Copenhagen and are closed by finance through the API.
  const fleet = {
    ownerId: '',
    driverId: '',
    financeId: '',
    adminId: '',
    parentId: '',
    subsidiaryId: '',
    employeeId: '',
  };

  /** A browser of the person's own, signed in by a session cookie, whose clock reads the server's. */
  async function openAs(userId: string, options: { phone?: boolean; locale?: string } = {}) {
    const page = await t.newPage(options);
    await page.clock.setFixedTime(t.server.clock.now());
    const token = await signIn(t.server.database.db, { id: userId }, t.server.clock.now());
    await page.context().addCookies([{ name: 'keyfob_session', value: token, url: t.baseUrl }]);
    return page;
  }

  async function checkPage(page: Page, isPhone = false) {
    await expectAccessible(page);
    if (isPhone) await expectNoHorizontalScroll(page);
  }

  /** A private session of one hour, ending at `endedAt`, as a charging back end sends it. */
  function session(
    accountId: string,
    endedAt: string,
    energyWh: number,
    extra: Record<string, unknown> = {},
  ) {
    const end = new Date(endedAt).getTime();
    return {
      id: `e2e-${unique()}`,
      accountId,
      chargerId: 'CPH-HOME-1',
      private: true,
      startedAt: new Date(end - HOUR_MS).toISOString(),
      endedAt: new Date(end).toISOString(),
      energyWh,
      ...extra,
    };
  }

  beforeAll(async () => {
    const db = t.server.database.db;
    const operator = await buildOperator(db);
    const finance = await buildStaff(db, operator, ['finance'], {
      name: 'Fie Finance',
      email: uniqueEmail('fie'),
    });
    const admin = await buildStaff(db, operator, ['admin'], { name: 'Ada Admin', email: uniqueEmail('ada') });
    const owner = await buildUser(db, { name: 'Olga Owner', email: uniqueEmail('olga') });
    const driver = await buildUser(db, { name: 'Frede Fører', email: uniqueEmail('frede') });
    const parent = await buildAccount(db, {
      name: 'Fleet Holding',
      owners: [owner],
      drivers: [{ user: driver, rateEur: '0.2500' }],
    });
    const subsidiary = await buildSubAccount(db, parent, {
      usage: 'subsidiary',
      rateEur: '0.3500',
      name: 'Fleet Nord ApS',
    });
    const employee = await buildSubAccount(db, parent, {
      usage: 'employee',
      rateEur: '0.3000',
      name: 'Fleet Sales',
    });
    Object.assign(fleet, {
      ownerId: owner.id,
      driverId: driver.id,
      financeId: finance.id,
      adminId: admin.id,
      parentId: parent.id,
      subsidiaryId: subsidiary.id,
      employeeId: employee.id,
    });

    const { key } = await buildChargingKey(db);
    const ingested = await fetch(`${t.baseUrl}/api/v1/ingest/charging-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        sessions: [
          // January: 20.809 kWh × 0.35 = 7.28315, so €7.28.
          session(subsidiary.id, '2026-01-20T18:00:00Z', 20_809),
          // February: 14.4375 + 10.77195 = 25.20945, so €25.21 (rounded once, on the statement).
          session(subsidiary.id, '2026-02-10T18:00:00Z', 41_250),
          session(subsidiary.id, '2026-02-25T06:00:00Z', 30_777),
          // 27.333 kWh × 0.30 = 8.1999, so €8.20; approved at close.
          session(employee.id, '2026-02-05T19:00:00Z', 27_333),
          // Frede's: 18.42 kWh × 0.25 = 4.605, so €4.61; the work session is not reimbursed.
          session(parent.id, '2026-02-03T21:00:00Z', 18_420, { userId: driver.id }),
          session(parent.id, '2026-02-14T12:00:00Z', 35_900, {
            userId: driver.id,
            private: false,
            chargerId: 'CPH-OFFICE',
          }),
        ],
      }),
    });
    expect(ingested.status, await ingested.clone().text()).toBe(202);
    expect(((await ingested.json()) as { accepted: number }).accepted).toBe(6);

    const financeToken = await signIn(db, finance, t.server.clock.now());
    for (const month of ['2026-01', '2026-02']) {
      const closed = await fetch(`${t.baseUrl}/api/v1/admin/statements/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${financeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ month }),
      });
      expect(closed.status, await closed.clone().text()).toBe(200);
    }
  }, 120_000);

  it("a. the owner approves a subsidiary's statement and sees it approved; rejects another with a reason", async () => {
    const page = await openAs(fleet.ownerId);
    await page.goto('/app/more');
    await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    await page.getByRole('link', { name: 'Open Charging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charging' }).waitFor();

    // Both of the subsidiary's months wait for the owner of its parent account.
    const awaiting = page.getByRole('list', { name: 'Statements awaiting your approval' });
    await awaiting.getByText('February 2026 · €25.21').waitFor();
    await awaiting.getByText('January 2026 · €7.28').waitFor();
    // The chart is one image with a title, its numbers a table for screen readers.
    await page.getByRole('img', { name: 'Reimbursed energy by month, in kWh' }).waitFor();
    const figures = page.getByRole('table', { name: 'Energy and amounts per month and party' });
    const february = figures.getByRole('row').filter({ hasText: 'February 2026' });
    await february.getByRole('cell', { name: '72.027 kWh, €25.21' }).waitFor();
    await february.getByRole('cell', { name: '18.42 kWh, €4.61' }).waitFor();
    // The month's total, added exactly: 4.61 + 8.20 + 25.21.
    await february.getByRole('cell', { name: '117.78 kWh, €38.02' }).waitFor();
    const statements = page.getByRole('table', { name: 'Statements of Fleet Holding' });
    const nordFebruary = statements
      .getByRole('row')
      .filter({ hasText: 'Fleet Nord ApS' })
      .filter({ hasText: 'February 2026' });
    await nordFebruary.getByText('Awaiting approval').waitFor();
    await statements
      .getByRole('row')
      .filter({ hasText: 'Fleet Sales' })
      .getByText('Approved', { exact: true })
      .waitFor();
    await statements.getByRole('row').filter({ hasText: 'Frede Fører (Fleet Holding)' }).waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'charging-owner');

    // The numbers can be shown to everyone too.
    await page.getByRole('button', { name: 'Show the numbers' }).click();
    await page.getByRole('button', { name: 'Hide the numbers' }).waitFor();
    await checkPage(page);

    // Review February: the sessions behind it, then Approve.
    await page
      .getByRole('link', { name: 'Review the statement of Fleet Nord ApS for February 2026' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Statement for February 2026' }).waitFor();
    const facts = page.getByRole('region', { name: 'About the statement' });
    await facts.getByText('Awaiting approval').waitFor();
    await facts.getByText('€25.21').waitFor();
    await facts.getByText('25.20945 EUR').waitFor();
    const lines = page.getByRole('table', { name: 'Sessions behind the statement for February 2026' });
    await expect.poll(() => lines.getByRole('row').count()).toBe(3);
    await lines.getByRole('row').filter({ hasText: '41.25 kWh' }).getByText('14.4375 EUR').waitFor();
    await checkPage(page);
    await page.getByRole('button', { name: 'Approve statement' }).click();
    await page.getByRole('status').filter({ hasText: 'The statement is approved.' }).waitFor();
    await facts.getByText('Approved', { exact: true }).waitFor();
    await facts.getByText(/by Olga Owner$/).waitFor();
    expect(await page.getByRole('button', { name: 'Approve statement' }).count()).toBe(0);
    await checkPage(page);
    await saveScreenshot(page, 'charging-statement-approved');

    // Back on Charging, the list says so and only January still waits.
    await page.getByRole('link', { name: 'Back to Charging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charging' }).waitFor();
    await nordFebruary.getByText('Approved', { exact: true }).waitFor();
    await expect.poll(() => awaiting.getByRole('listitem').count()).toBe(1);

    // January is rejected, with a reason that is asked for first.
    await page.getByRole('link', { name: 'Review the statement of Fleet Nord ApS for January 2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statement for January 2026' }).waitFor();
    await page.getByRole('button', { name: 'Reject…' }).click();
    await page.getByRole('button', { name: 'Reject statement' }).click();
    await page.getByRole('alert').filter({ hasText: 'Write why you reject the statement.' }).waitFor();
    await checkPage(page);
    await page.getByLabel('Why do you reject the statement?').fill('Charged at a friend’s house, not ours.');
    await page.getByRole('button', { name: 'Reject statement' }).click();
    await page.getByRole('status').filter({ hasText: 'The statement is rejected.' }).waitFor();
    await facts.getByText('Rejected', { exact: true }).waitFor();
    await facts.getByText('Charged at a friend’s house, not ours.').waitFor();
    await checkPage(page);

    // Nothing waits any more; the sessions of the account and its sub-accounts are one click away.
    await page.getByRole('link', { name: 'Back to Charging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charging' }).waitFor();
    await statements.getByRole('row').filter({ hasText: 'January 2026' }).getByText('Rejected').waitFor();
    expect(await page.getByRole('heading', { name: 'Awaiting your approval' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Charging sessions of Fleet Holding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charging sessions' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Charging sessions of Fleet Holding' });
    await expect.poll(() => sessions.getByRole('row').count()).toBe(7);
    await sessions.getByRole('row').filter({ hasText: 'CPH-OFFICE' }).getByText('Not reimbursed').waitFor();
    await page.getByLabel('Month', { exact: true }).selectOption('2026-01');
    await page.waitForURL('**/sessions?month=2026-01');
    await expect.poll(() => sessions.getByRole('row').count()).toBe(2);
    await checkPage(page);
  }, 120_000);

  it('b. finance filters the statements by month and the export link answers that month as CSV', async () => {
    expect(fleet.financeId, 'set up').not.toBe('');
    const page = await openAs(fleet.financeId);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Admin portal' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Admin portal' })
      .getByRole('link', { name: 'Statements', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Statements' }).waitFor();
    const list = page.getByRole('table', { name: 'Statements', exact: true });
    await list.getByRole('row').filter({ hasText: 'Fleet Sales' }).waitFor();
    // Closed months, newest first, with their statements.
    const months = page.getByRole('table', { name: 'Closed months' });
    await months.getByRole('row').filter({ hasText: 'February 2026' }).waitFor();
    await checkPage(page);

    await page.getByLabel('Month', { exact: true }).selectOption('2026-01');
    await page.waitForURL('**/admin/statements?month=2026-01');
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    await list.getByRole('row').filter({ hasText: 'Fleet Nord ApS' }).getByText('Rejected').waitFor();

    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    const href = await exportLink.getAttribute('href');
    expect(href).toBe('/api/v1/admin/statements/export.csv?month=2026-01');
    // The link downloads with the browser's own session.
    const answer = await page.request.get(href ?? '');
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^text\/csv/);
    expect(answer.headers()['content-disposition']).toContain('statements-2026-01.csv');
    const rows = (await answer.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^statement_id,month,/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(',2026-01,');
    expect(rows[1]).toContain('Fleet Nord ApS');
    expect(rows[1]).toContain(',rejected,');

    // Month and status together; the export follows both.
    await page.getByLabel('Month', { exact: true }).selectOption('2026-02');
    await page.getByLabel('Status', { exact: true }).selectOption('approved');
    await page.waitForURL('**/admin/statements?month=2026-02&status=approved');
    await expect.poll(() => list.getByRole('row').count()).toBe(4);
    expect(await exportLink.getAttribute('href')).toBe(
      '/api/v1/admin/statements/export.csv?month=2026-02&status=approved',
    );
    await checkPage(page);
    await saveScreenshot(page, 'charging-finance-statements');

    // Finance opens a statement from the list; it is already decided.
    await list.getByRole('link', { name: 'Fleet Nord ApS' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statement for February 2026' }).waitFor();
    await page
      .getByRole('region', { name: 'About the statement' })
      .getByText('Approved', { exact: true })
      .waitFor();
    await checkPage(page);
  }, 120_000);

  it("c. the admin makes a back end's key, sees it once, and changes a sub-account's rate", async () => {
    const page = await openAs(fleet.adminId);
    await page.goto('/admin/charging-keys');
    await page.getByRole('heading', { level: 1, name: 'Charging keys' }).waitFor();
    await checkPage(page);
    await page.getByRole('button', { name: 'Add back end' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a charging back end' });
    await dialog.getByRole('button', { name: 'Make key' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Enter a name for the back end.' }).waitFor();
    await dialog.getByLabel('Name of the back end').fill('Clever');
    await dialog.getByRole('button', { name: 'Make key' }).click();
    const keyField = dialog.getByLabel('Key for Clever');
    await keyField.waitFor();
    expect(await keyField.inputValue()).toMatch(/^kfc_/);
    await dialog.getByRole('button', { name: 'Copy key' }).waitFor();
    await checkPage(page);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    const row = page.getByRole('row').filter({ hasText: 'Clever' });
    await row.getByText('Active').waitFor();
    // The key is not shown again.
    expect(await page.getByText(/kfc_/).count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke the key of Clever' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke the key of Clever' })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await page.getByRole('status').filter({ hasText: 'The key of Clever was revoked.' }).waitFor();
    await row.getByText(/^Revoked /).waitFor();
    await checkPage(page);

    // The subsidiary's rate: its history, then a new rate from now.
    await page.goto(`/admin/accounts/${fleet.subsidiaryId}`);
    await page.getByRole('heading', { level: 1, name: 'Fleet Nord ApS' }).waitFor();
    const rates = page.getByRole('region', { name: 'Reimbursement rate' });
    await rates.getByText('0.35 EUR per kWh').first().waitFor();
    await checkPage(page);
    await rates.getByRole('button', { name: 'Change the rate of Fleet Nord ApS' }).click();
    await rates.getByLabel('New rate in EUR per kWh').fill('0,4');
    await rates.getByRole('button', { name: 'Save rate' }).click();
    await rates.getByRole('status').filter({ hasText: 'The new rate of Fleet Nord ApS is saved.' }).waitFor();
    // Newest first: the new rate, set by Ada, above the one the sub-account was made with.
    const history = rates.getByRole('list', { name: 'Rate history of Fleet Nord ApS' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(2);
    await history
      .getByRole('listitem')
      .first()
      .getByText(/, set by Ada Admin$/)
      .waitFor();
    await history.getByRole('listitem').first().getByText('0.40 EUR per kWh').waitFor();
    await rates.getByText('0.40 EUR per kWh').first().waitFor();
    await checkPage(page);

    // On the parent account, the rate agreed with Frede, with its history in a dialog.
    await page.goto(`/admin/accounts/${fleet.parentId}`);
    await page.getByRole('heading', { level: 1, name: 'Fleet Holding' }).waitFor();
    const members = page.getByRole('table', { name: "End-users' rates in Fleet Holding" });
    await members.getByRole('row').filter({ hasText: 'Frede Fører' }).getByText('0.25 EUR per kWh').waitFor();
    await members.getByRole('button', { name: 'Rate history of Frede Fører' }).click();
    const dialog2 = page.getByRole('dialog', { name: 'Rate of Frede Fører' });
    await dialog2.getByRole('list', { name: 'Rate history of Frede Fører' }).waitFor();
    await dialog2.getByRole('button', { name: 'Change the rate of Frede Fører' }).click();
    await dialog2.getByRole('checkbox', { name: 'Stop reimbursing from then on' }).check();
    await checkPage(page);
    await dialog2.getByRole('button', { name: 'Save rate' }).click();
    await dialog2.getByRole('status').filter({ hasText: 'The new rate of Frede Fører is saved.' }).waitFor();
    await dialog2.getByText('Not reimbursed').first().waitFor();
    await checkPage(page);
  }, 120_000);

  it('d. on a phone in Danish: the owner and the driver read their charging', async () => {
    const ownerPage = await openAs(fleet.ownerId, { phone: true, locale: 'da-DK' });
    await ownerPage.goto('/app/charging');
    await ownerPage.getByRole('heading', { level: 1, name: 'Opladning' }).waitFor();
    await ownerPage.getByRole('img', { name: 'Refunderet energi pr. måned, i kWh' }).waitFor();
    const statements = ownerPage.getByRole('list', { name: 'Opgørelser for Fleet Holding' });
    const nord = statements
      .getByRole('listitem')
      .filter({ hasText: 'februar 2026' })
      .filter({ hasText: 'Fleet Nord ApS' });
    await nord.getByText('Godkendt', { exact: true }).waitFor();
    await nord.getByText('25,21 €').waitFor();
    await ownerPage.getByText('Beløb (EUR)', { exact: true }).click();
    await ownerPage.getByRole('img', { name: 'Refunderede beløb pr. måned, i EUR' }).waitFor();
    await checkPage(ownerPage, true);
    await saveScreenshot(ownerPage, 'charging-owner-phone-da');
    await nord.getByRole('link', { name: 'Fleet Nord ApS' }).click();
    await ownerPage.getByRole('heading', { level: 1, name: 'Opgørelse for februar 2026' }).waitFor();
    await ownerPage
      .getByRole('region', { name: 'Om opgørelsen' })
      .getByText('Godkendt', { exact: true })
      .waitFor();
    await ownerPage.getByRole('list', { name: 'Opladningerne bag opgørelsen for februar 2026' }).waitFor();
    await checkPage(ownerPage, true);

    // Frede, an end-user with an agreed rate, finds his own statement and sessions under Mere.
    const driverPage = await openAs(fleet.driverId, { phone: true, locale: 'da-DK' });
    await driverPage.goto('/app/more');
    await driverPage.getByRole('heading', { level: 1, name: 'Mere' }).waitFor();
    await driverPage.getByRole('link', { name: 'Åbn Opladning' }).click();
    await driverPage.getByRole('heading', { level: 1, name: 'Opladning' }).waitFor();
    const mine = driverPage.getByRole('list', { name: 'Dine opgørelser' });
    await mine.getByRole('listitem').filter({ hasText: '4,61 €' }).waitFor();
    await checkPage(driverPage, true);
    await mine.getByRole('link', { name: 'Frede Fører (Fleet Holding)' }).click();
    await driverPage.getByRole('heading', { level: 1, name: 'Opgørelse for februar 2026' }).waitFor();
    await checkPage(driverPage, true);
    await driverPage.getByRole('link', { name: 'Tilbage til Opladning' }).click();
    await driverPage.getByRole('link', { name: 'Dine opladninger' }).click();
    await driverPage.getByRole('heading', { level: 1, name: 'Dine opladninger' }).waitFor();
    const sessions = driverPage.getByRole('list', { name: 'Dine opladninger' });
    await sessions
      .getByRole('listitem')
      .filter({ hasText: 'CPH-OFFICE' })
      .getByText('Refunderes ikke')
      .waitFor();
    await sessions.getByRole('listitem').filter({ hasText: 'CPH-HOME-1' }).getByText('4,605 EUR').waitFor();
    await checkPage(driverPage, true);
    await saveScreenshot(driverPage, 'charging-driver-sessions-phone-da');
  }, 120_000);
});
