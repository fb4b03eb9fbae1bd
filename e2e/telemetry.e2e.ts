import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { vehicles } from '../src/server/db/schema/index.ts';
import { buildStaff, buildUser, buildVehicle, signIn } from '../src/server/test/factories.ts';
import { expectAccessible, expectNoHorizontalScroll, saveScreenshot, useBrowserTest } from './harness.ts';

// Where the car drove: distinctive enough that any trace of it in a page's HTML is a leak.
const ROUTE = [
  { lat: 55.68123, lon: 12.57111 },
  { lat: 55.68456, lon: 12.57777 },
  { lat: 55.68789, lon: 12.58333 },
  { lat: 55.69012, lon: 12.58999 },
];
const COORDINATE_TRACES = ROUTE.flatMap((point) => [
  String(point.lat).slice(0, 6),
  String(point.lon).slice(0, 6),
]);

describe('telemetry in the driver app and the workshop portal (SPEC §6, §8), in Chromium', () => {
  const t = useBrowserTest();

  /** Posts events as the car's device does, with its device token. */
  async function ingest(deviceToken: string, events: object[]) {
    const response = await fetch(`${t.baseUrl}/api/v1/ingest/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { accepted: number; rejected: unknown[] };
    expect(answer.rejected).toEqual([]);
  }

  /** Minutes before the test server's clock (which stands still): a device never reports the future. */
  const minutesAgo = (minutes: number) =>
    new Date(t.server.clock.now().getTime() - minutes * 60_000).toISOString();

  /** A browser of the person's own, signed in by a session cookie made directly. */
  async function openAs(user: { id: string }, options: { phone?: boolean; locale?: string } = {}) {
    const page = await t.newPage(options);
    const token = await signIn(t.server.database.db, user, t.server.clock.now());
    await page.context().addCookies([{ name: 'keyfob_session', value: token, url: t.baseUrl }]);
    return page;
  }

  async function checkPage(page: Page, isPhone = false) {
    await expectAccessible(page);
    if (isPhone) await expectNoHorizontalScroll(page);
  }

  // One household in limited sharing, whose car made one trip and has its oil pressure light on.
  const car = {
    vehicleId: '',
    plate: '',
    deviceToken: '',
    workshop: { id: '' },
    primary: { id: '' },
    secondary: { id: '' },
  };

  beforeAll(async () => {
    const db = t.server.database.db;
    const primary = await buildUser(db, { name: 'Pia Primær' });
    const secondary = await buildUser(db, { name: 'Sam Sekundær' });
    const { vehicle, workshop, deviceToken } = await buildVehicle(db, { primary, secondaries: [secondary] });
    await db
      .update(vehicles)
      .set({ sharingLevel: 'limited', sharingChosenAt: t.server.clock.now() })
      .where(eq(vehicles.id, vehicle.id));
    Object.assign(car, {
      vehicleId: vehicle.id,
      plate: vehicle.registrationNumber,
      deviceToken,
      workshop,
      primary,
      secondary,
    });
    await ingest(deviceToken, [
      { id: 'ign-1', type: 'ignition', ts: minutesAgo(60), on: true },
      ...ROUTE.map((point, index) => ({
        id: `pos-${index}`,
        type: 'position',
        ts: minutesAgo(58 - index * 5),
        ...point,
        speedKmh: 40,
      })),
      { id: 'odo-1', type: 'odometer', ts: minutesAgo(40), km: 12345.6 },
      { id: 'bat-1', type: 'battery', ts: minutesAgo(40), percent: 62 },
      {
        id: 'oil-1',
        type: 'warning_light',
        ts: minutesAgo(38),
        code: 'oil_pressure',
        on: true,
        description: 'Low oil pressure',
      },
      { id: 'ign-2', type: 'ignition', ts: minutesAgo(35), on: false },
    ]);
  }, 60_000);

  it("limited sharing: the primary's status shows battery and alarms but no position, and follows the car live", async () => {
    const page = await openAs(car.primary, { phone: true });
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: car.plate }).waitFor();
    await page.getByText('Position hidden: limited sharing').waitFor();
    const battery = page.getByRole('meter', { name: 'Battery level' });
    expect(await battery.getAttribute('aria-valuenow')).toBe('62');
    await page.getByText('12,346 km').waitFor();
    await page.getByRole('definition').filter({ hasText: /^Off$/ }).waitFor();
    const lights = page.getByRole('list', { name: 'Active warning lights' });
    await lights.getByText('Oil pressure', { exact: true }).waitFor();
    await lights.getByText('Low oil pressure').waitFor();
    // Not hidden by the page: never sent at all.
    const html = await page.content();
    for (const trace of COORDINATE_TRACES) expect(html).not.toContain(trace);
    await checkPage(page, true);
    await saveScreenshot(page, 'telemetry-status-limited-phone');

    // The device reports while the screen is open: it changes without a reload.
    await page.evaluate(() => {
      (window as unknown as { keptAcrossUpdates: boolean }).keptAcrossUpdates = true;
    });
    await ingest(car.deviceToken, [
      { id: 'bat-2', type: 'battery', ts: minutesAgo(1), percent: 41 },
      { id: 'odo-2', type: 'odometer', ts: minutesAgo(1), km: 12350 },
    ]);
    await expect.poll(() => battery.getAttribute('aria-valuenow')).toBe('41');
    await page.getByText('12,350 km').waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { keptAcrossUpdates?: boolean }).keptAcrossUpdates),
    ).toBe(true);
    const after = await page.content();
    for (const trace of COORDINATE_TRACES) expect(after).not.toContain(trace);
    await saveScreenshot(page, 'telemetry-status-live-phone');
  }, 30_000);

  it('a secondary sees the trip without its route until they assign it to themselves', async () => {
    const page = await openAs(car.secondary);
    await page.goto('/app/more');
    await page.getByRole('link', { name: `Trips of ${car.plate}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Trips' }).waitFor();
    const trips = page.getByRole('list', { name: `Trips of ${car.plate}` });
    const trip = trips.getByRole('listitem');
    await trip.getByText('Not assigned').waitFor();
    await trip.getByText('Route hidden: limited sharing').waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'telemetry-trips-secondary');

    await trip.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Trip' }).waitFor();
    await page.getByText('Assign this trip to yourself to see where it went.').waitFor();
    expect(await page.locator('svg polyline').count()).toBe(0);
    await checkPage(page);
    await saveScreenshot(page, 'telemetry-trip-hidden');

    await page.getByRole('button', { name: 'Assign to me' }).click();
    const drawing = page.getByRole('img', { name: /^The route of the trip, drawn north up from 4 reported/ });
    await drawing.waitFor();
    expect(await drawing.locator('polyline').count()).toBe(1);
    await page.getByRole('status').filter({ hasText: 'The trip is assigned to you.' }).waitFor();
    const assignees = page.getByRole('list', { name: 'Assigned to' });
    await assignees.getByText('Sam Sekundær (you)').waitFor();
    await assignees.getByText(/^Assigned by Sam Sekundær, /).waitFor();
    await page.getByText(`Start: latitude ${ROUTE[0]?.lat}`, { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    // The drawn route is checked for accessibility on the primary's page below.
    await saveScreenshot(page, 'telemetry-trip-route');
  }, 30_000);

  it('the primary, who does not see the route either, assigns the trip to themselves too (Danish, phone)', async () => {
    const page = await openAs(car.primary, { phone: true, locale: 'da-DK' });
    await page.goto(`/app/vehicles/${car.vehicleId}/trips`);
    const trip = page.getByRole('list', { name: `Ture med ${car.plate}` }).getByRole('listitem');
    await trip.getByText('Tildelt Sam Sekundær (tildelt af Sam Sekundær)').waitFor();
    await trip.getByRole('link').click();
    await page.getByText('Tildel turen til dig selv nedenfor for at se, hvor den gik hen.').waitFor();
    expect(await page.locator('svg polyline').count()).toBe(0);
    const form = page.getByRole('group', { name: 'Hvem kørte turen' });
    expect(await form.getByRole('checkbox', { name: 'Sam Sekundær' }).isChecked()).toBe(true);
    await form.getByRole('checkbox', { name: 'Pia Primær (dig)' }).check();
    await page.getByRole('button', { name: 'Gem tildeling' }).click();
    await page
      .getByRole('img', { name: /^Turens rute/ })
      .locator('polyline')
      .waitFor();
    await page.getByRole('list', { name: 'Tildelt' }).getByText('Pia Primær (dig)').waitFor();
    await checkPage(page, true);
    await saveScreenshot(page, 'telemetry-trip-primary-phone-da');
  }, 30_000);

  it("the workshop's alarms page lists the warning light; its vehicle page shows health, no position", async () => {
    const technician = await buildStaff(t.server.database.db, car.workshop, ['technician']);
    const page = await openAs(technician);
    await page.goto('/workshop');
    await page
      .getByRole('navigation', { name: 'Workshop portal' })
      .getByRole('link', { name: 'Alarms' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Alarms' }).waitFor();
    const table = page.getByRole('table', { name: /^Warning lights on now at / });
    const row = table.getByRole('row').filter({ hasText: car.plate });
    await row.getByText('Oil pressure', { exact: true }).waitFor();
    await row.getByText('Low oil pressure').waitFor();
    await checkPage(page);
    await saveScreenshot(page, 'telemetry-workshop-alarms');

    await row.getByRole('link', { name: car.plate }).click();
    await page.getByRole('heading', { level: 1, name: car.plate }).waitFor();
    const battery = page.getByRole('meter', { name: 'Battery level' });
    expect(await battery.getAttribute('aria-valuenow')).toBe('41');
    await page
      .getByRole('list', { name: `Active alarms of ${car.plate}` })
      .getByText('Oil pressure', { exact: true })
      .waitFor();
    const html = await page.content();
    for (const trace of COORDINATE_TRACES) expect(html).not.toContain(trace);
    await checkPage(page);
    await saveScreenshot(page, 'telemetry-workshop-vehicle');
  }, 30_000);
});
