import { z } from 'zod';
import { BOOKING_ACTIONS, BOOKING_SIDES, BOOKING_STATUSES } from '../../../shared/booking.ts';
import { minutesOf } from './zoned-time.ts';

/** An instant as RFC 3339 text with `Z` or an offset, e.g. `2026-03-30T08:00:00+02:00`. */
export const Instant = z.iso
  .datetime({ offset: true })
  .transform((text) => new Date(text))
  .refine((at) => !Number.isNaN(at.getTime()), 'must be a real date and time');

/** A plain date (the start of that day at the workshop) or an instant. */
export const RangeBound = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  // Calendars of this century: far-off years are typing mistakes, not bookings.
  .refine((text) => text >= '2000' && text < '2100', 'must be in the years 2000 to 2099');

/** Free text people type: trimmed, and without NUL, which PostgreSQL text cannot hold. */
const Text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters');

/** Slot and appointment times: RFC 3339 with the workshop's offset at that moment. */
const ZonedTime = z
  .string()
  .describe("RFC 3339 with the workshop's UTC offset, e.g. 2026-03-30T08:00:00+02:00");

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM, 00:00 to 24:00');

export const OpeningIntervalSchema = z
  .object({
    /** ISO weekday: 1 is Monday, 7 is Sunday. */
    weekday: z.number().int().min(1).max(7),
    opens: Time,
    closes: Time,
  })
  .refine((interval) => minutesOf(interval.closes) > minutesOf(interval.opens), {
    message: 'closes must be after opens',
    path: ['closes'],
  });

const Note = Text(0, 200);

export const BookingSettingsBody = z
  .object({
    openingHours: z.array(OpeningIntervalSchema).max(50),
    closedDates: z
      .array(z.object({ date: z.iso.date(), note: Note.nullable().optional() }))
      .max(400)
      .default([]),
    slotMinutes: z.number().int().min(5).max(480),
    capacity: z.number().int().min(1).max(100),
    cancellationCutoffHours: z.number().int().min(0).max(336).default(24),
  })
  .superRefine((settings, context) => {
    const byDay = new Map<number, { opens: number; closes: number; index: number }[]>();
    settings.openingHours.forEach((interval, index) => {
      const list = byDay.get(interval.weekday) ?? [];
      list.push({ opens: minutesOf(interval.opens), closes: minutesOf(interval.closes), index });
      byDay.set(interval.weekday, list);
    });
    for (const list of byDay.values()) {
      list.sort((a, b) => a.opens - b.opens);
      for (let i = 1; i < list.length; i++) {
        const previous = list[i - 1];
        const current = list[i];
        if (previous && current && current.opens < previous.closes) {
          context.addIssue({
            code: 'custom',
            message: 'overlaps another interval of the same weekday',
            path: ['openingHours', current.index],
          });
        }
      }
    }
    const dates = settings.closedDates.map((closed) => closed.date);
    const repeated = dates.findIndex((date, index) => dates.indexOf(date) !== index);
    if (repeated >= 0) {
      context.addIssue({ code: 'custom', message: 'the same date twice', path: ['closedDates', repeated] });
    }
  });
export type BookingSettingsBody = z.infer<typeof BookingSettingsBody>;

export const BookingSettingsView = z.object({
  workshopId: z.uuid(),
  /** The workshop's own time zone (set with the workshop's details); hours are wall-clock there. */
  timeZone: z.string(),
  openingHours: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() })),
  closedDates: z.array(z.object({ date: z.string(), note: z.string().nullable() })),
  slotMinutes: z.number().int(),
  capacity: z.number().int(),
  cancellationCutoffHours: z.number().int(),
  /** Null until the workshop first saves its settings: it takes no bookings until then. */
  updatedAt: z.date().nullable(),
});

export const ServiceTypeBody = z.object({
  name: Text(1, 100),
  durationMinutes: z.number().int().min(5).max(1440),
  isActive: z.boolean().default(true),
});
export type ServiceTypeBody = z.infer<typeof ServiceTypeBody>;
export const ServiceTypePatch = z
  .object({
    name: Text(1, 100),
    durationMinutes: z.number().int().min(5).max(1440),
    isActive: z.boolean(),
  })
  .partial();
export type ServiceTypePatch = z.infer<typeof ServiceTypePatch>;

export const ServiceTypeView = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMinutes: z.number().int(),
  isActive: z.boolean(),
});

export const BookedServiceTypeView = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMinutes: z.number().int(),
});

const ServiceTypeIds = z.array(z.uuid()).max(10);

/** `serviceTypes` in a query string: ids separated by commas. */
const ServiceTypeIdList = z
  .string()
  .max(400)
  .transform((text) => text.split(',').filter(Boolean))
  .pipe(ServiceTypeIds);

export const SlotsQuery = z.object({
  from: RangeBound.optional(),
  to: RangeBound.optional(),
  serviceTypes: ServiceTypeIdList.optional(),
});

export const SlotsView = z.object({
  items: z.array(z.object({ start: ZonedTime, end: ZonedTime })),
  nextCursor: z.null(),
  workshop: z.object({ id: z.uuid(), name: z.string() }),
  timeZone: z.string(),
  slotMinutes: z.number().int(),
  /** How long the asked-for service types hold a bay, rounded up to whole slots. */
  durationMinutes: z.number().int(),
  /** What can be booked, for the booking form. */
  serviceTypes: z.array(BookedServiceTypeView),
  /** The odometer's latest reading, to prefill the mileage; null without telemetry. */
  currentMileageKm: z.number().int().nullable(),
  /** Where the asked-for range was cut to (at most 31 days from `from`). */
  from: ZonedTime,
  to: ZonedTime,
});

export const CreateBookingBody = z.object({
  start: Instant,
  serviceTypes: ServiceTypeIds.optional(),
  note: Text(0, 2000).optional(),
  mileageKm: z.number().int().min(0).max(5_000_000).optional(),
});
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

export const WorkshopBookingChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm') }),
  z.object({ action: z.literal('decline'), reason: Text(1, 1000) }),
  z.object({ action: z.literal('propose'), start: Instant }),
]);
export type WorkshopBookingChange = z.infer<typeof WorkshopBookingChange>;

export const BookingHistoryEntry = z.object({
  action: z.enum(BOOKING_ACTIONS),
  status: z.enum(BOOKING_STATUSES),
  side: z.enum(BOOKING_SIDES),
  /** `id` is null once that person's account is gone; the name stays as it was. */
  by: z.object({ id: z.uuid().nullable(), name: z.string() }),
  /** The time this change concerned: the one asked for, agreed or proposed. */
  start: ZonedTime,
  end: ZonedTime,
  reason: z.string().nullable(),
  at: z.date(),
});

export const BookingView = z.object({
  id: z.uuid(),
  status: z.enum(BOOKING_STATUSES),
  /** The time asked for or agreed. */
  start: ZonedTime,
  end: ZonedTime,
  /** The workshop's other time, while `status` is `proposed`. */
  proposedStart: ZonedTime.nullable(),
  proposedEnd: ZonedTime.nullable(),
  serviceTypes: z.array(BookedServiceTypeView),
  note: z.string().nullable(),
  mileageKm: z.number().int().nullable(),
  declineReason: z.string().nullable(),
  booker: z.object({ id: z.uuid().nullable(), name: z.string() }),
  vehicle: z.object({ id: z.uuid(), registrationNumber: z.string(), make: z.string(), model: z.string() }),
  workshop: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** For vehicle users: whether they may accept or reject the proposal now. */
  canAnswer: z.boolean().optional(),
  /** For vehicle users: whether they may cancel now. */
  canCancel: z.boolean().optional(),
  /** For vehicle users: until when a confirmed booking can be cancelled in the app. */
  cancellableUntil: ZonedTime.nullable().optional(),
  history: z.array(BookingHistoryEntry).optional(),
});

export const VehicleBookingParams = z.object({ vid: z.uuid(), bid: z.uuid() });
export const WorkshopBookingParams = z.object({ wid: z.uuid(), bid: z.uuid() });
export const ServiceTypeParams = z.object({ wid: z.uuid(), sid: z.uuid() });

export const WorkshopBookingsQuery = z.object({
  from: RangeBound.optional(),
  to: RangeBound.optional(),
  /** Statuses separated by commas; all when absent. */
  status: z
    .string()
    .max(200)
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(z.enum(BOOKING_STATUSES)))
    .optional(),
});
