import type { AddressInfo } from 'node:net';
import { and, eq, inArray, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { bookings, mailOutbox, notificationPreferences } from '../../db/schema/index.ts';
import {
  bearer,
  buildOrganization,
  buildStaff,
  buildUser,
  buildVehicle,
  signIn,
} from '../../test/factories.ts';
import { startTestApp, type TestApp, useTestApp } from '../../test/server.ts';
import { onlyProperty, readIcs, readUtcDateTime, unescapeText } from './ics-reader.ts';

type Headers = Record<string, string>;

/** Weekdays 08:00–12:00 and 13:00–16:00 in hour slots, two bays. */
const SETTINGS = {
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '13:00', closes: '16:00' },
    { weekday, opens: '08:00', closes: '12:00' },
  ]),
  closedDates: [],
  slotMinutes: 60,
  capacity: 2,
  cancellationCutoffHours: 24,
};

interface Staff {
  workshop: { id: string; name: string };
  as: { admin: Headers; advisor: Headers; technician: Headers; otherAdmin: Headers };
}

/** A workshop with an admin, an advisor and a technician, and another workshop's admin. */
async function buildWorkshop(t: TestApp, settings: object | null = SETTINGS): Promise<Staff> {
  const db = t.database.db;
  const workshop = await buildOrganization(db, { address: 'Nørrebrogade 1, København' });
  const other = await buildOrganization(db);
  const headersOf = async (user: { id: string }) => bearer(await signIn(db, user, t.clock.now()));
  const staff: Staff = {
    workshop,
    as: {
      admin: await headersOf(await buildStaff(db, workshop, ['workshop_admin'], { name: 'Wilma Admin' })),
      advisor: await headersOf(await buildStaff(db, workshop, ['service_advisor'], { name: 'Sam Advisor' })),
      technician: await headersOf(await buildStaff(db, workshop, ['technician'])),
      otherAdmin: await headersOf(await buildStaff(db, other, ['workshop_admin'])),
    },
  };
  if (settings) {
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workshops/${workshop.id}/booking-settings`,
      headers: staff.as.admin,
      payload: settings,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  return staff;
}

/** A car at the workshop with a primary and two secondary users, Anna (who books) and Bo. */
async function buildHousehold(t: TestApp, workshop: { id: string }) {
  const db = t.database.db;
  const primary = await buildUser(db, { name: 'Pia Primary' });
  const anna = await buildUser(db, { name: 'Anna Second', language: 'da' });
  const bo = await buildUser(db, { name: 'Bo Third' });
  const { vehicle, deviceToken } = await buildVehicle(db, { workshop, primary, secondaries: [anna, bo] });
  const headersOf = async (user: { id: string }) => bearer(await signIn(db, user, t.clock.now()));
  return {
    vehicle,
    deviceToken,
    primary,
    anna,
    bo,
    as: { primary: await headersOf(primary), anna: await headersOf(anna), bo: await headersOf(bo) },
  };
}

const slotStarts = (body: { items: { start: string }[] }) => body.items.map((slot) => slot.start);

describe('service booking', () => {
  const t = useTestApp();
  const get = (url: string, headers: Headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const post = (url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const patch = (url: string, headers: Headers, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers, payload });
  const book = (vid: string, headers: Headers, payload: object) =>
    post(`/vehicles/${vid}/bookings`, headers, payload);
  const slots = async (vid: string, headers: Headers, query: string) => {
    const answer = await get(`/vehicles/${vid}/booking-slots?${query}`, headers);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json();
  };

  it('lets the workshop admin set hours, closed dates and service types; the others read or are refused', async () => {
    const { workshop, as } = await buildWorkshop(t, null);
    const url = `/workshops/${workshop.id}/booking-settings`;
    const before = await get(url, as.advisor);
    expect(before.json()).toMatchObject({ openingHours: [], updatedAt: null, timeZone: 'Europe/Copenhagen' });

    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1${url}`,
      headers: as.admin,
      payload: { ...SETTINGS, closedDates: [{ date: '2026-04-03', note: 'Good Friday' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      slotMinutes: 60,
      capacity: 2,
      cancellationCutoffHours: 24,
      closedDates: [{ date: '2026-04-03', note: 'Good Friday' }],
    });
    // Sorted by weekday, then opening time.
    expect(saved.json().openingHours.slice(0, 2)).toEqual([
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '16:00' },
    ]);
    for (const headers of [as.advisor, as.technician]) {
      expect((await get(url, headers)).json()).toEqual(saved.json());
    }
    const put = (headers: Headers, payload: object = SETTINGS) =>
      t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers, payload });
    expect((await put(as.advisor)).statusCode).toBe(403);
    expect((await put(as.otherAdmin)).statusCode).toBe(404);
    expect((await get(url, as.otherAdmin)).statusCode).toBe(404);

    const overlapping = await put(as.admin, {
      ...SETTINGS,
      openingHours: [
        { weekday: 2, opens: '08:00', closes: '12:00' },
        { weekday: 2, opens: '11:00', closes: '14:00' },
      ],
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().errors).toEqual([expect.objectContaining({ field: 'openingHours.1' })]);

    const types = `/workshops/${workshop.id}/service-types`;
    const oil = await post(types, as.admin, { name: 'Oil change', durationMinutes: 30 });
    expect(oil.statusCode, oil.body).toBe(201);
    expect(oil.json()).toMatchObject({ name: 'Oil change', durationMinutes: 30, isActive: true });
    const again = await post(types, as.admin, { name: 'OIL CHANGE', durationMinutes: 45 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('service_type_exists');
    expect((await post(types, as.advisor, { name: 'Tyres', durationMinutes: 60 })).statusCode).toBe(403);
    expect((await post(types, as.otherAdmin, { name: 'Tyres', durationMinutes: 60 })).statusCode).toBe(404);
    const tyres = (await post(types, as.admin, { name: 'Tyres', durationMinutes: 60 })).json();
    const off = await patch(`${types}/${tyres.id}`, as.admin, { isActive: false });
    expect(off.json()).toMatchObject({ name: 'Tyres', isActive: false });
    expect((await get(types, as.technician)).json().items.map((type: { name: string }) => type.name)).toEqual(
      ['Oil change', 'Tyres'],
    );
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1${types}/${tyres.id}`,
      headers: as.admin,
    });
    expect(removed.statusCode).toBe(204);
    expect((await patch(`${types}/${tyres.id}`, as.admin, { isActive: true })).statusCode).toBe(404);
  });

  it('offers slots in the workshop time zone, correct across the spring and autumn changes of clocks', async () => {
    t.clock.set(new Date('2026-03-20T00:00:00Z'));
    const { workshop } = await buildWorkshop(t, {
      ...SETTINGS,
      capacity: 1,
      openingHours: [
        ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '10:00' })),
        // Across 02:00 on the last Sundays of March and October.
        { weekday: 7, opens: '01:00', closes: '04:00' },
      ],
    });
    const { vehicle, as } = await buildHousehold(t, workshop);
    const spring = await slots(vehicle.id, as.anna, 'from=2026-03-27&to=2026-03-30');
    expect(spring).toMatchObject({
      timeZone: 'Europe/Copenhagen',
      from: '2026-03-27T00:00:00+01:00',
      to: '2026-03-31T00:00:00+02:00',
      slotMinutes: 60,
      durationMinutes: 60,
    });
    expect(slotStarts(spring)).toEqual([
      '2026-03-27T08:00:00+01:00',
      '2026-03-27T09:00:00+01:00',
      // 01:00 CET to 04:00 CEST is two hours of real time.
      '2026-03-29T01:00:00+01:00',
      '2026-03-29T03:00:00+02:00',
      '2026-03-30T08:00:00+02:00',
      '2026-03-30T09:00:00+02:00',
    ]);
    const booked = await book(vehicle.id, as.anna, { start: '2026-03-29T01:00:00Z' });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({
      status: 'requested',
      start: '2026-03-29T03:00:00+02:00',
      end: '2026-03-29T04:00:00+02:00',
    });
    expect(slotStarts(await slots(vehicle.id, as.anna, 'from=2026-03-29&to=2026-03-29'))).toEqual([
      '2026-03-29T01:00:00+01:00',
    ]);

    t.clock.set(new Date('2026-10-20T00:00:00Z'));
    // Half a year on, with fresh sessions.
    const later = await buildHousehold(t, workshop);
    const autumn = await slots(later.vehicle.id, later.as.bo, 'from=2026-10-23&to=2026-10-26');
    expect(slotStarts(autumn)).toEqual([
      '2026-10-23T08:00:00+02:00',
      '2026-10-23T09:00:00+02:00',
      // 01:00 CEST to 04:00 CET is four hours: 02:00 comes twice.
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T03:00:00+01:00',
      '2026-10-26T08:00:00+01:00',
      '2026-10-26T09:00:00+01:00',
    ]);
    // The second 02:00 is its own slot: booking it leaves the first free.
    const second = await book(later.vehicle.id, later.as.bo, { start: '2026-10-25T02:00:00+01:00' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      start: '2026-10-25T02:00:00+01:00',
      end: '2026-10-25T03:00:00+01:00',
    });
    expect(slotStarts(await slots(later.vehicle.id, later.as.bo, 'from=2026-10-25&to=2026-10-25'))).toEqual([
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T03:00:00+01:00',
    ]);
  });

  it('offers no slot on a closed date or in the past, and refuses to book one', async () => {
    t.clock.set(new Date('2026-05-04T08:30:00Z'));
    const { workshop } = await buildWorkshop(t, { ...SETTINGS, closedDates: [{ date: '2026-05-05' }] });
    const { vehicle, as } = await buildHousehold(t, workshop);
    const week = await slots(vehicle.id, as.primary, 'from=2026-05-04&to=2026-05-06');
    expect(slotStarts(week)).toEqual([
      // Monday from 10:30 local (now): the 11:00 slot, then the afternoon.
      '2026-05-04T11:00:00+02:00',
      '2026-05-04T13:00:00+02:00',
      '2026-05-04T14:00:00+02:00',
      '2026-05-04T15:00:00+02:00',
      ...['08', '09', '10', '11', '13', '14', '15'].map((hour) => `2026-05-06T${hour}:00:00+02:00`),
    ]);
    for (const [start, reason] of [
      ['2026-05-05T08:00:00+02:00', 'not_a_slot'],
      ['2026-05-04T08:00:00+02:00', 'past'],
      ['2026-05-06T08:30:00+02:00', 'not_a_slot'],
      ['2026-05-06T12:00:00+02:00', 'not_a_slot'],
      ['2026-05-09T08:00:00+02:00', 'not_a_slot'],
    ] as const) {
      const refused = await book(vehicle.id, as.primary, { start });
      expect(refused.statusCode, start).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'slot_unavailable', reason });
    }
  });

  it('fills a slot to its bays, and longer services hold every slot they cover', async () => {
    t.clock.set(new Date('2026-06-01T06:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t);
    const service = await post(`/workshops/${workshop.id}/service-types`, staff.admin, {
      name: 'Big service',
      durationMinutes: 90,
    });
    const first = await buildHousehold(t, workshop);
    const second = await buildHousehold(t, workshop);
    const day = 'from=2026-06-02&to=2026-06-02';
    const long = await slots(first.vehicle.id, first.as.anna, `${day}&serviceTypes=${service.json().id}`);
    expect(long).toMatchObject({ durationMinutes: 120 });
    expect(long.serviceTypes).toEqual([{ id: service.json().id, name: 'Big service', durationMinutes: 90 }]);
    // Two-hour bookings fit 08–10, 09–11, 10–12, 13–15, 14–16.
    expect(slotStarts(long).map((start: string) => start.slice(11, 16))).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '13:00',
      '14:00',
    ]);
    const big = await book(first.vehicle.id, first.as.anna, {
      start: '2026-06-02T09:00:00+02:00',
      serviceTypes: [service.json().id],
      note: 'Squeaky brakes',
      mileageKm: 42_000,
    });
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json()).toMatchObject({
      start: '2026-06-02T09:00:00+02:00',
      end: '2026-06-02T11:00:00+02:00',
      serviceTypes: [{ name: 'Big service', durationMinutes: 90 }],
      note: 'Squeaky brakes',
      mileageKm: 42_000,
    });
    expect(
      (await book(second.vehicle.id, second.as.bo, { start: '2026-06-02T10:00:00+02:00' })).statusCode,
    ).toBe(201);
    const full = await book(second.vehicle.id, second.as.primary, { start: '2026-06-02T10:00:00+02:00' });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'slot_unavailable', reason: 'full' });
    expect(
      slotStarts(await slots(second.vehicle.id, second.as.primary, day)).map((start: string) =>
        start.slice(11, 16),
      ),
    ).toEqual(['08:00', '09:00', '11:00', '13:00', '14:00', '15:00']);
  });

  it('gives the last free bay to exactly one of 20 bookings made at the same moment', async () => {
    t.clock.set(new Date('2026-06-08T06:00:00Z'));
    const { workshop } = await buildWorkshop(t);
    const start = '2026-06-09T08:00:00+02:00';
    const households = await Promise.all(Array.from({ length: 21 }, () => buildHousehold(t, workshop)));
    const [first, ...racers] = households;
    if (!first) throw new Error('no household');
    expect((await book(first.vehicle.id, first.as.primary, { start })).statusCode).toBe(201);

    const answers = await Promise.all(
      racers.map((household) => book(household.vehicle.id, household.as.anna, { start })),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    for (const answer of answers.filter((a) => a.statusCode === 409)) {
      expect(answer.json().code).toBe('slot_unavailable');
    }
    const held = await t.database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.workshopId, workshop.id), eq(bookings.startAt, new Date(start))));
    expect(held).toHaveLength(2);
  });

  it('moves a booking through its states, each change made only by whom it belongs to', async () => {
    t.clock.set(new Date('2026-06-15T06:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t, { ...SETTINGS, capacity: 1 });
    const { vehicle, as, anna } = await buildHousehold(t, workshop);
    const stranger = bearer(await signIn(t.database.db, await buildUser(t.database.db), t.clock.now()));
    const created = await book(vehicle.id, as.anna, { start: '2026-06-17T08:00:00+02:00' });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({
      id,
      status: 'requested',
      booker: { id: anna.id, name: 'Anna Second' },
    });
    const at = {
      workshop: `/workshops/${workshop.id}/bookings/${id}`,
      vehicle: `/vehicles/${vehicle.id}/bookings/${id}`,
    };

    // Every user of the car sees it; only the booker and the primary may act on it.
    const seenBy = async (headers: Headers) => (await get(at.vehicle, headers)).json();
    expect(await seenBy(as.bo)).toMatchObject({ status: 'requested', canCancel: false, canAnswer: false });
    expect(await seenBy(as.primary)).toMatchObject({ canCancel: true });
    expect(await seenBy(as.anna)).toMatchObject({
      canCancel: true,
      cancellableUntil: '2026-06-17T08:00:00+02:00',
    });
    expect((await get(at.vehicle, stranger)).statusCode).toBe(404);
    expect((await get(at.vehicle, staff.admin)).statusCode).toBe(404);
    expect((await get(`/vehicles/${vehicle.id}/bookings`, as.bo)).json().items).toHaveLength(1);

    // The workshop: its technician reads but does not answer; another workshop sees nothing.
    expect((await get(at.workshop, staff.technician)).statusCode).toBe(200);
    expect((await patch(at.workshop, staff.technician, { action: 'confirm' })).statusCode).toBe(403);
    expect((await patch(at.workshop, staff.otherAdmin, { action: 'confirm' })).statusCode).toBe(404);
    expect((await get(at.workshop, staff.otherAdmin)).statusCode).toBe(404);
    expect((await patch(at.workshop, as.anna, { action: 'confirm' })).statusCode).toBe(403);
    const confirmed = await patch(at.workshop, staff.advisor, { action: 'confirm' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ id, status: 'confirmed' });
    const twice = await patch(at.workshop, staff.admin, { action: 'confirm' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'booking_status_conflict', status: 'confirmed' });
    expect((await post(`${at.vehicle}/accept`, as.anna)).json().code).toBe('booking_status_conflict');

    // Another time: the proposal holds its bay; the time asked for is free again.
    const proposed = await patch(at.workshop, staff.advisor, {
      action: 'propose',
      start: '2026-06-18T13:00:00+02:00',
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      start: '2026-06-17T08:00:00+02:00',
      proposedStart: '2026-06-18T13:00:00+02:00',
      proposedEnd: '2026-06-18T14:00:00+02:00',
    });
    const around = slotStarts(await slots(vehicle.id, as.bo, 'from=2026-06-17&to=2026-06-18'));
    expect(around).toContain('2026-06-17T08:00:00+02:00');
    expect(around).not.toContain('2026-06-18T13:00:00+02:00');
    expect((await post(`${at.vehicle}/accept`, as.bo)).statusCode).toBe(403);
    expect((await post(`${at.vehicle}/accept`, stranger)).statusCode).toBe(404);
    const accepted = await post(`${at.vehicle}/accept`, as.anna);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'confirmed',
      start: '2026-06-18T13:00:00+02:00',
      end: '2026-06-18T14:00:00+02:00',
      proposedStart: null,
      cancellableUntil: '2026-06-17T13:00:00+02:00',
    });

    // A confirmed booking is cancelled in the app only until the cut-off.
    t.clock.set(new Date('2026-06-17T11:30:00Z'));
    const late = await post(`${at.vehicle}/cancel`, as.anna);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('cancellation_too_late');
    expect((await get(at.vehicle, as.anna)).json().canCancel).toBe(false);
    t.clock.set(new Date('2026-06-17T10:30:00Z'));
    expect((await post(`${at.vehicle}/cancel`, as.bo)).statusCode).toBe(403);
    const cancelled = await post(`${at.vehicle}/cancel`, as.anna);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expect((await post(`${at.vehicle}/cancel`, as.anna)).json().code).toBe('booking_status_conflict');

    const history = (await get(at.workshop, staff.advisor)).json().history;
    expect(
      history.map((entry: { action: string; side: string; by: { name: string }; start: string }) => [
        entry.action,
        entry.side,
        entry.by.name,
        entry.start,
      ]),
    ).toEqual([
      ['requested', 'vehicle_user', 'Anna Second', '2026-06-17T08:00:00+02:00'],
      ['confirmed', 'workshop', 'Sam Advisor', '2026-06-17T08:00:00+02:00'],
      ['proposed', 'workshop', 'Sam Advisor', '2026-06-18T13:00:00+02:00'],
      ['accepted', 'vehicle_user', 'Anna Second', '2026-06-18T13:00:00+02:00'],
      ['cancelled', 'vehicle_user', 'Anna Second', '2026-06-18T13:00:00+02:00'],
    ]);
  });

  it('declines with a reason, and the primary rejects a proposal for a booking someone else made', async () => {
    t.clock.set(new Date('2026-06-22T06:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t);
    const { vehicle, as } = await buildHousehold(t, workshop);
    const first = (await book(vehicle.id, as.bo, { start: '2026-06-23T08:00:00+02:00' })).json();
    const noReason = await patch(`/workshops/${workshop.id}/bookings/${first.id}`, staff.admin, {
      action: 'decline',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'validation_failed' });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    const declined = await patch(`/workshops/${workshop.id}/bookings/${first.id}`, staff.admin, {
      action: 'decline',
      reason: 'The lift is broken that day',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'The lift is broken that day',
    });
    expect((await get(`/vehicles/${vehicle.id}/bookings/${first.id}`, as.anna)).json()).toMatchObject({
      status: 'declined',
      declineReason: 'The lift is broken that day',
      canCancel: false,
    });

    const second = (await book(vehicle.id, as.bo, { start: '2026-06-23T09:00:00+02:00' })).json();
    const noStart = await patch(`/workshops/${workshop.id}/bookings/${second.id}`, staff.admin, {
      action: 'propose',
    });
    expect(noStart.statusCode).toBe(400);
    const inPast = await patch(`/workshops/${workshop.id}/bookings/${second.id}`, staff.admin, {
      action: 'propose',
      start: '2026-06-21T09:00:00+02:00',
    });
    expect(inPast.json()).toMatchObject({ code: 'slot_unavailable', reason: 'past' });
    await patch(`/workshops/${workshop.id}/bookings/${second.id}`, staff.admin, {
      action: 'propose',
      start: '2026-06-24T14:00:00+02:00',
    });
    expect((await get(`/vehicles/${vehicle.id}/bookings/${second.id}`, as.primary)).json()).toMatchObject({
      canAnswer: true,
    });
    expect((await get(`/vehicles/${vehicle.id}/bookings/${second.id}`, as.anna)).json()).toMatchObject({
      canAnswer: false,
    });
    const rejected = await post(`/vehicles/${vehicle.id}/bookings/${second.id}/reject`, as.primary);
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'cancelled', proposedStart: null });

    const calendar = await get(
      `/workshops/${workshop.id}/bookings?from=2026-06-23&to=2026-06-24&status=declined,cancelled`,
      staff.technician,
    );
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json().items.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      [first.id, 'declined'],
      [second.id, 'cancelled'],
    ]);
    const requestedOnly = await get(
      `/workshops/${workshop.id}/bookings?from=2026-06-23&to=2026-06-24&status=requested`,
      staff.technician,
    );
    expect(requestedOnly.json().items).toEqual([]);
  });

  it('lists the workshop calendar by day or week, with proposals at their proposed time', async () => {
    t.clock.set(new Date('2026-07-06T05:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t);
    const a = await buildHousehold(t, workshop);
    const b = await buildHousehold(t, workshop);
    const monday = (await book(a.vehicle.id, a.as.anna, { start: '2026-07-06T13:00:00+02:00' })).json();
    const wednesday = (await book(b.vehicle.id, b.as.bo, { start: '2026-07-08T08:00:00+02:00' })).json();
    await patch(`/workshops/${workshop.id}/bookings/${wednesday.id}`, staff.advisor, {
      action: 'propose',
      start: '2026-07-13T09:00:00+02:00',
    });
    const ids = async (query: string) =>
      (await get(`/workshops/${workshop.id}/bookings?${query}`, staff.advisor))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await ids('from=2026-07-06&to=2026-07-06')).toEqual([monday.id]);
    // Today, then 7 days: the request (still at its first time) is found.
    expect(await ids('')).toEqual([monday.id, wednesday.id]);
    expect(await ids('from=2026-07-13&to=2026-07-19')).toEqual([wednesday.id]);
    expect(await ids('from=2026-07-14T00:00:00Z&to=2026-07-20T00:00:00Z')).toEqual([]);
    const tooLong = await get(
      `/workshops/${workshop.id}/bookings?from=2026-01-01&to=2026-06-30`,
      staff.advisor,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ field: 'to', code: 'too_big' })]);
  });

  it('tells the booker and the primary in the app and by mail with a calendar entry; the staff in the app', async () => {
    t.clock.set(new Date('2026-08-03T06:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t);
    const { vehicle, as, anna, primary, bo } = await buildHousehold(t, workshop);
    const { id } = (await book(vehicle.id, as.anna, { start: '2026-08-04T10:00:00+02:00' })).json();
    // A minute between changes, so notices list in the order they were made.
    t.clock.advance(60_000);
    await patch(`/workshops/${workshop.id}/bookings/${id}`, staff.advisor, {
      action: 'propose',
      start: '2026-08-05T14:00:00+02:00',
    });
    t.clock.advance(60_000);
    await post(`/vehicles/${vehicle.id}/bookings/${id}/accept`, as.anna);
    t.clock.advance(60_000);
    await post(`/vehicles/${vehicle.id}/bookings/${id}/cancel`, as.anna);

    const noticesOf = async (headers: Headers) =>
      (await get('/notifications', headers))
        .json()
        .items.filter((notice: { kind: string }) => notice.kind === 'booking_changed')
        .map((notice: { data: { action: string } }) => notice.data.action)
        .reverse();
    const everything = ['requested', 'proposed', 'accepted', 'cancelled'];
    expect(await noticesOf(as.anna)).toEqual(everything);
    expect(await noticesOf(as.primary)).toEqual(everything);
    expect(await noticesOf(as.bo)).toEqual([]);
    // The workshop hears of what the car's side did, in the app.
    expect(await noticesOf(staff.advisor)).toEqual(['requested', 'accepted', 'cancelled']);
    expect(await noticesOf(staff.admin)).toEqual(['requested', 'accepted', 'cancelled']);
    expect(await noticesOf(staff.technician)).toEqual([]);
    const [proposal] = (await get('/notifications', as.primary))
      .json()
      .items.filter((notice: { data: { action?: string } }) => notice.data.action === 'proposed');
    expect(proposal).toMatchObject({
      vehicle: { id: vehicle.id },
      data: {
        bookingId: id,
        status: 'proposed',
        start: '2026-08-05T14:00:00+02:00',
        end: '2026-08-05T15:00:00+02:00',
        workshop: { id: workshop.id, name: workshop.name },
        changedBy: { name: 'Sam Advisor', side: 'workshop' },
      },
    });

    const mails = await t.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          inArray(mailOutbox.to, [anna.email, primary.email, bo.email]),
          like(mailOutbox.topic, 'booking:%'),
        ),
      )
      .orderBy(mailOutbox.seq);
    expect(mails.map((mail) => [mail.to, mail.topic])).toEqual(
      expect.arrayContaining(
        everything.flatMap((action) => [
          [primary.email, `booking:${action}`],
          [anna.email, `booking:${action}`],
        ]),
      ),
    );
    expect(mails).toHaveLength(8);
    // Anna reads Danish.
    const annasProposal = mails.find((mail) => mail.to === anna.email && mail.topic === 'booking:proposed');
    expect(annasProposal?.subject).toContain('foreslår et andet tidspunkt');
    expect(annasProposal?.text).toContain(`/app/vehicles/${vehicle.id}/bookings/${id}`);

    const sequences: number[] = [];
    let uid: string | undefined;
    for (const mail of mails.filter((m) => m.to === primary.email)) {
      const [attachment, ...more] = mail.attachments ?? [];
      expect(more).toEqual([]);
      if (!attachment) throw new Error(`no calendar entry in ${mail.topic}`);
      expect(attachment.filename).toBe('booking.ics');
      const isCancel = mail.topic === 'booking:cancelled';
      expect(attachment.contentType).toBe(
        `text/calendar; charset=utf-8; method=${isCancel ? 'CANCEL' : 'REQUEST'}`,
      );
      const [calendar] = readIcs(attachment.content);
      if (!calendar) throw new Error('no VCALENDAR');
      expect(onlyProperty(calendar, 'METHOD').value).toBe(isCancel ? 'CANCEL' : 'REQUEST');
      const [event] = calendar.components;
      if (!event) throw new Error('no VEVENT');
      uid ??= onlyProperty(event, 'UID').value;
      expect(onlyProperty(event, 'UID').value).toBe(uid);
      sequences.push(Number(onlyProperty(event, 'SEQUENCE').value));
      expect(onlyProperty(event, 'ATTENDEE').value).toBe(`mailto:${primary.email}`);
      expect(unescapeText(onlyProperty(event, 'LOCATION').value)).toContain('Nørrebrogade 1');
      const status = onlyProperty(event, 'STATUS').value;
      const start = readUtcDateTime(onlyProperty(event, 'DTSTART').value);
      // A standard iCalendar parser reads the same event.
      const standard = new ICAL.Component(ICAL.parse(attachment.content)).getFirstSubcomponent('vevent');
      if (!standard) throw new Error('ical.js found no VEVENT');
      expect(standard.getFirstPropertyValue('uid')).toBe(uid);
      expect(String(standard.getFirstPropertyValue('status'))).toBe(status);
      expect((standard.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate()).toEqual(start);
      if (mail.topic === 'booking:requested') {
        expect([status, start]).toEqual(['TENTATIVE', new Date('2026-08-04T08:00:00Z')]);
      } else if (mail.topic === 'booking:accepted') {
        expect([status, start]).toEqual(['CONFIRMED', new Date('2026-08-05T12:00:00Z')]);
      } else if (mail.topic === 'booking:cancelled') {
        expect([status, start]).toEqual(['CANCELLED', new Date('2026-08-05T12:00:00Z')]);
      }
    }
    expect(sequences).toEqual([0, 1, 2, 3]);
  });

  it('keeps the notice but sends no mail to someone who turned booking mail off', async () => {
    t.clock.set(new Date('2026-08-10T06:00:00Z'));
    const { workshop } = await buildWorkshop(t);
    const { vehicle, as, primary } = await buildHousehold(t, workshop);
    await t.database.db
      .insert(notificationPreferences)
      .values({ userId: primary.id, kind: 'booking_changed', email: false });
    const { id } = (await book(vehicle.id, as.bo, { start: '2026-08-11T08:00:00+02:00' })).json();
    const notices = (await get('/notifications', as.primary)).json().items;
    expect(notices.some((notice: { data: { bookingId?: string } }) => notice.data.bookingId === id)).toBe(
      true,
    );
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, primary.email));
    expect(mails).toEqual([]);
  });

  it('prefills the mileage from the odometer and offers only active service types', async () => {
    t.clock.set(new Date('2026-08-17T06:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t);
    const { vehicle, deviceToken, as } = await buildHousehold(t, workshop);
    await post(`/workshops/${workshop.id}/service-types`, staff.admin, {
      name: 'Tyres',
      durationMinutes: 30,
    });
    const old = (
      await post(`/workshops/${workshop.id}/service-types`, staff.admin, { name: 'Old', durationMinutes: 30 })
    ).json();
    await patch(`/workshops/${workshop.id}/service-types/${old.id}`, staff.admin, { isActive: false });
    expect((await slots(vehicle.id, as.bo, '')).currentMileageKm).toBeNull();
    const ingested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/telemetry',
      headers: bearer(deviceToken),
      payload: {
        events: [{ id: 'odo-1', type: 'odometer', ts: '2026-08-17T05:59:00Z', km: 48_211.7 }],
      },
    });
    expect(ingested.statusCode, ingested.body).toBe(202);
    const answer = await slots(vehicle.id, as.bo, '');
    expect(answer).toMatchObject({
      currentMileageKm: 48_212,
      serviceTypes: [{ name: 'Tyres', durationMinutes: 30 }],
      from: '2026-08-17T08:00:00+02:00',
      to: '2026-08-31T08:00:00+02:00',
    });
    const inactive = await book(vehicle.id, as.bo, {
      start: answer.items[0].start,
      serviceTypes: [old.id],
    });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors).toEqual([
      expect.objectContaining({ field: 'serviceTypes', code: 'not_found' }),
    ]);
  });

  it('answers bad input with 400 validation_failed naming the field, never a server error', async () => {
    t.clock.set(new Date('2026-08-24T06:00:00Z'));
    const { workshop, as: staff } = await buildWorkshop(t);
    const { vehicle, as } = await buildHousehold(t, workshop);
    const { id } = (await book(vehicle.id, as.anna, { start: '2026-08-25T08:00:00+02:00' })).json();
    const cases: [string, () => ReturnType<typeof get>, string][] = [
      ['start', () => book(vehicle.id, as.anna, { start: 'tomorrow' }), 'start'],
      ['impossible date', () => book(vehicle.id, as.anna, { start: '2026-02-30T08:00:00Z' }), 'start'],
      ['no offset', () => book(vehicle.id, as.anna, { start: '2026-08-25T08:00:00' }), 'start'],
      [
        'ids',
        () => book(vehicle.id, as.anna, { start: '2026-08-25T09:00:00Z', serviceTypes: ['x'] }),
        'serviceTypes.0',
      ],
      [
        'mileage',
        () => book(vehicle.id, as.anna, { start: '2026-08-25T09:00:00Z', mileageKm: -4 }),
        'mileageKm',
      ],
      [
        'note',
        () => book(vehicle.id, as.anna, { start: '2026-08-25T09:00:00Z', note: 'x'.repeat(2001) }),
        'note',
      ],
      [
        'slot range',
        () => get(`/vehicles/${vehicle.id}/booking-slots?from=2026-09-01&to=2026-08-01`, as.anna),
        'to',
      ],
      [
        'slot days',
        () => get(`/vehicles/${vehicle.id}/booking-slots?from=2026-09-01&to=2026-12-01`, as.anna),
        'to',
      ],
      ['slot from', () => get(`/vehicles/${vehicle.id}/booking-slots?from=soon`, as.anna), 'from'],
      ['slot year', () => get(`/vehicles/${vehicle.id}/booking-slots?from=0001-01-01`, as.anna), 'from'],
      ['nul', () => book(vehicle.id, as.anna, { start: '2026-08-25T09:00:00Z', note: 'a\u0000b' }), 'note'],
      [
        'slot types',
        () =>
          get(
            `/vehicles/${vehicle.id}/booking-slots?serviceTypes=00000000-0000-4000-8000-000000000000`,
            as.anna,
          ),
        'serviceTypes',
      ],
      [
        'slot type ids',
        () => get(`/vehicles/${vehicle.id}/booking-slots?serviceTypes=a,b`, as.anna),
        'serviceTypes.0',
      ],
      [
        'action',
        () => patch(`/workshops/${workshop.id}/bookings/${id}`, staff.admin, { action: 'approve' }),
        'action',
      ],
      [
        'proposal',
        () => patch(`/workshops/${workshop.id}/bookings/${id}`, staff.admin, { action: 'propose', start: 5 }),
        'start',
      ],
      ['status', () => get(`/workshops/${workshop.id}/bookings?status=open`, staff.admin), 'status.0'],
      ['booking id', () => get(`/vehicles/${vehicle.id}/bookings/not-a-uuid`, as.anna), 'bid'],
      [
        'weekday',
        () =>
          t.app.inject({
            method: 'PUT',
            url: `/api/v1/workshops/${workshop.id}/booking-settings`,
            headers: staff.admin,
            payload: { ...SETTINGS, openingHours: [{ weekday: 8, opens: '08:00', closes: '12:00' }] },
          }),
        'openingHours.0.weekday',
      ],
      [
        'closes',
        () =>
          t.app.inject({
            method: 'PUT',
            url: `/api/v1/workshops/${workshop.id}/booking-settings`,
            headers: staff.admin,
            payload: { ...SETTINGS, openingHours: [{ weekday: 1, opens: '08:00', closes: '24:30' }] },
          }),
        'openingHours.0.closes',
      ],
      [
        'backwards',
        () =>
          t.app.inject({
            method: 'PUT',
            url: `/api/v1/workshops/${workshop.id}/booking-settings`,
            headers: staff.admin,
            payload: { ...SETTINGS, openingHours: [{ weekday: 1, opens: '12:00', closes: '08:00' }] },
          }),
        'openingHours.0.closes',
      ],
      [
        'closed date',
        () =>
          t.app.inject({
            method: 'PUT',
            url: `/api/v1/workshops/${workshop.id}/booking-settings`,
            headers: staff.admin,
            payload: { ...SETTINGS, closedDates: [{ date: '2026-02-30' }] },
          }),
        'closedDates.0.date',
      ],
      [
        'slot length',
        () =>
          t.app.inject({
            method: 'PUT',
            url: `/api/v1/workshops/${workshop.id}/booking-settings`,
            headers: staff.admin,
            payload: { ...SETTINGS, slotMinutes: 0 },
          }),
        'slotMinutes',
      ],
      [
        'duration',
        () =>
          post(`/workshops/${workshop.id}/service-types`, staff.admin, { name: 'X', durationMinutes: 1.5 }),
        'durationMinutes',
      ],
    ];
    for (const [what, send, field] of cases) {
      const answer = await send();
      expect(answer.statusCode, `${what}: ${answer.body}`).toBe(400);
      expect(answer.json().code, what).toBe('validation_failed');
      expect(
        answer.json().errors.map((error: { field: string }) => error.field),
        what,
      ).toContain(field);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/${vehicle.id}/bookings`,
      headers: { ...as.anna, 'content-type': 'application/json' },
      payload: '{"start":',
    });
    expect(notJson.statusCode).toBe(400);
  });
});

describe('booking mail over real SMTP', () => {
  const received: {
    to: string[];
    attachments: { contentType: string; filename?: string; content: Buffer }[];
  }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            attachments: mail.attachments.map((attachment) => ({
              contentType: attachment.contentType,
              filename: attachment.filename,
              content: attachment.content,
            })),
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = new Promise<number>((resolve) =>
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)),
  );

  it('arrives with a text/calendar attachment that parses', async () => {
    const t = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${await port}` } });
    try {
      t.clock.set(new Date('2026-09-07T06:00:00Z'));
      const { workshop } = await buildWorkshop(t);
      const { vehicle, as, anna } = await buildHousehold(t, workshop);
      const answer = await t.app.inject({
        method: 'POST',
        url: `/api/v1/vehicles/${vehicle.id}/bookings`,
        headers: as.anna,
        payload: { start: '2026-09-08T08:00:00+02:00' },
      });
      expect(answer.statusCode, answer.body).toBe(201);
      await t.app.mailWorker.drain();
      const mail = received.find((m) => m.to.includes(anna.email));
      if (!mail) throw new Error('no booking mail arrived');
      const [attachment] = mail.attachments;
      expect(attachment?.contentType).toBe('text/calendar');
      expect(attachment?.filename).toBe('booking.ics');
      const [calendar] = readIcs(attachment?.content.toString('utf8') ?? '');
      if (!calendar) throw new Error('no VCALENDAR');
      const [event] = calendar.components;
      if (!event) throw new Error('no VEVENT');
      expect(readUtcDateTime(onlyProperty(event, 'DTSTART').value)).toEqual(new Date('2026-09-08T06:00:00Z'));
      expect(readUtcDateTime(onlyProperty(event, 'DTEND').value)).toEqual(new Date('2026-09-08T07:00:00Z'));
      expect(onlyProperty(event, 'UID').value).toBe(`booking-${answer.json().id}@keyfob.test`);
    } finally {
      await t.app.close();
      await t.database.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
