import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../src/server/test/server.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = join(repoRoot, 'test-results', 'e2e');

export interface BrowserTest {
  server: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh page (its own cookies and storage) at a phone or desktop size. */
  newPage(options?: { phone?: boolean; locale?: string }): Promise<Page>;
}

/**
 * Starts the real server (on this file's own embedded database, serving the built web app) on a
 * random loopback port, and Debian's Chromium headless, for one test file.
 */
export function useBrowserTest(): BrowserTest {
  const holder = {} as BrowserTest;
  beforeAll(async () => {
    const server = await startTestApp({ webRoot: join(repoRoot, 'dist', 'web') });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the server has no address');
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-component-update',
      ],
    });
    Object.assign(holder, {
      server,
      browser,
      baseUrl: `http://127.0.0.1:${address.port}`,
      async newPage({ phone = false, locale = 'en-GB' } = {}) {
        const context = await browser.newContext({
          baseURL: `http://127.0.0.1:${address.port}`,
          locale,
          viewport: phone ? { width: 375, height: 740 } : { width: 1280, height: 800 },
          isMobile: phone,
          hasTouch: phone,
          // Dialogs then appear without a fade, so axe never measures colours half transparent.
          reducedMotion: 'reduce',
        });
        return context.newPage();
      },
    } satisfies BrowserTest);
  }, 120_000);
  afterAll(async () => {
    await holder.browser?.close();
    await holder.server?.app.close();
    await holder.server?.database.close();
  });
  return holder;
}

/** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  expect(severe, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Saves a full-page screenshot under test-results/e2e and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page scrolls sideways when content is wider than the viewport: never on a phone. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}
