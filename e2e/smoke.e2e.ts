import { describe, expect, it } from 'vitest';
import { staffMemberships } from '../src/server/db/schema/index.ts';
import { buildOperator, buildOrganization, buildStaff, signIn } from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

describe('the web app shell in Chromium', () => {
  const t = useBrowserTest();

  it('serves the landing page, and every area asks a signed-out visitor to sign in', async () => {
    const page = await t.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Welcome to keyfob' }).waitFor();
    await expectAccessible(page);

    for (const [link, path] of [
      ['Open the admin portal', '/admin'],
      ['Open the workshop portal', '/workshop'],
      ['Open the driver app', '/app'],
    ] as const) {
      await page.goto('/');
      await page.getByRole('main').getByRole('link', { name: link }).click();
      await page.waitForURL(`**/login?next=${encodeURIComponent(path)}`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectAccessible(page);
    }
    const path = await saveScreenshot(page, 'smoke-desktop');
    expect(path).toMatch(/smoke-desktop\.png$/);
  });

  it('switches to Danish and keeps the choice across a reload', async () => {
    const page = await t.newPage();
    await page.goto('/');
    await page.getByRole('radio', { name: 'Dansk' }).check();
    await page.getByRole('heading', { level: 1, name: 'Velkommen til keyfob' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Velkommen til keyfob' }).waitFor();
    await expectAccessible(page);
  });

  it('works on a phone-sized screen, menu included', async () => {
    // Someone in both portals, signed in by a session cookie made directly.
    const db = t.server.database.db;
    const user = await buildStaff(db, await buildOperator(db), ['support'], { name: 'Pia Phone' });
    const workshop = await buildOrganization(db, { name: 'Nørre Auto' });
    await db.insert(staffMemberships).values({
      userId: user.id,
      organizationId: workshop.id,
      roles: ['technician'],
      createdAt: new Date(),
    });
    const page = await t.newPage({ phone: true });
    await page
      .context()
      .addCookies([{ name: 'keyfob_session', value: await signIn(db, user), url: t.baseUrl }]);

    await page.goto('/workshop');
    await page.getByRole('heading', { level: 1, name: 'Workshop portal' }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Open menu' }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await menu.getByText('Signed in as Pia Phone').waitFor();
    await menu.getByRole('link', { name: 'Admin portal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin portal' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await saveScreenshot(page, 'smoke-phone');
  });

  it('shows a not-found page for an unknown page path, and the API reference renders', async () => {
    const page = await t.newPage();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectAccessible(page);

    await page.goto('/api/docs');
    await page.getByRole('heading', { name: /keyfob API/ }).waitFor();
    await page.getByText('/readyz').first().waitFor();
  });
});
