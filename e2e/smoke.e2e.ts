import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

describe('the web app shell in Chromium', () => {
  const t = useBrowserTest();

  it('serves the landing page and reaches every area', async () => {
    const page = await t.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Welcome to keyfob' }).waitFor();
    await expectAccessible(page);

    for (const [link, heading] of [
      ['Open the admin portal', 'Admin portal'],
      ['Open the workshop portal', 'Workshop portal'],
      ['Open the driver app', 'Driver app'],
    ] as const) {
      await page.goto('/');
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(page);
    }
    const path = await saveScreenshot(page, 'smoke-desktop');
    expect(path).toMatch(/smoke-desktop\.png$/);
  });

  it('switches to Danish and keeps the choice across a reload', async () => {
    const page = await t.newPage();
    await page.goto('/app');
    await page.getByRole('radio', { name: 'Dansk' }).check();
    await page.getByRole('heading', { level: 1, name: 'Førerapp' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Førerapp' }).waitFor();
    await expectAccessible(page);
  });

  it('works on a phone-sized screen, menu included', async () => {
    const page = await t.newPage({ phone: true });
    await page.goto('/workshop');
    await page.getByRole('heading', { level: 1, name: 'Workshop portal' }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('dialog', { name: 'Menu' }).getByRole('link', { name: 'Driver app' }).click();
    await page.getByRole('heading', { level: 1, name: 'Driver app' }).waitFor();
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
