import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  bookingClosedDates,
  organizations,
  serviceTypes,
  workshopBookingSettings,
} from '../../db/schema/index.ts';
import { notFound, Problem, validationFailed } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { BookingSettingsBody, ServiceTypeBody, ServiceTypePatch } from './schemas.ts';
import type { BookingCalendar } from './slots.ts';

type SettingsRow = typeof workshopBookingSettings.$inferSelect;

/** What a workshop without saved settings has: no opening hours, so no slots. */
const DEFAULTS = { openingHours: [], slotMinutes: 60, capacity: 1, cancellationCutoffHours: 24 };

/** A workshop's name and time zone, or 404 when there is no such workshop. */
export async function loadWorkshop(db: Database, workshopId: string) {
  const [workshop] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      address: organizations.address,
      timeZone: organizations.timeZone,
    })
    .from(organizations)
    .where(and(eq(organizations.id, workshopId), eq(organizations.kind, 'workshop')));
  if (!workshop) throw notFound();
  return workshop;
}

async function closedDatesOf(db: Database, workshopId: string) {
  return db
    .select({ date: bookingClosedDates.date, note: bookingClosedDates.note })
    .from(bookingClosedDates)
    .where(eq(bookingClosedDates.workshopId, workshopId))
    .orderBy(asc(bookingClosedDates.date));
}

/**
 * The workshop's calendar for slot arithmetic, with its settings row. Inside a transaction with
 * `lock`, the settings row stays locked until commit: every booking change of one workshop takes
 * its turn there, so capacity is counted and taken in one step.
 */
export async function loadCalendar(
  db: Database,
  workshopId: string,
  options: { lock?: boolean } = {},
): Promise<{ calendar: BookingCalendar; settings: SettingsRow | undefined }> {
  const workshop = await loadWorkshop(db, workshopId);
  const query = db
    .select()
    .from(workshopBookingSettings)
    .where(eq(workshopBookingSettings.workshopId, workshopId));
  const [settings] = options.lock ? await query.for('update') : await query;
  const closed = await closedDatesOf(db, workshopId);
  return {
    settings,
    calendar: {
      timeZone: workshop.timeZone,
      openingHours: settings?.openingHours ?? [],
      closedDates: new Set(closed.map((row) => row.date)),
      slotMinutes: settings?.slotMinutes ?? DEFAULTS.slotMinutes,
      capacity: settings?.capacity ?? DEFAULTS.capacity,
    },
  };
}

export async function readBookingSettings(db: Database, workshopId: string) {
  const workshop = await loadWorkshop(db, workshopId);
  const [settings] = await db
    .select()
    .from(workshopBookingSettings)
    .where(eq(workshopBookingSettings.workshopId, workshopId));
  const closed = await closedDatesOf(db, workshopId);
  return {
    workshopId,
    timeZone: workshop.timeZone,
    openingHours: [...(settings?.openingHours ?? DEFAULTS.openingHours)].sort(
      (a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens),
    ),
    closedDates: closed.map((row) => ({ date: row.date, note: row.note })),
    slotMinutes: settings?.slotMinutes ?? DEFAULTS.slotMinutes,
    capacity: settings?.capacity ?? DEFAULTS.capacity,
    cancellationCutoffHours: settings?.cancellationCutoffHours ?? DEFAULTS.cancellationCutoffHours,
    updatedAt: settings?.updatedAt ?? null,
  };
}

/**
 * Replaces the workshop's booking settings and closed dates. Existing bookings keep their times:
 * new hours only change which slots are offered from now on.
 */
export async function saveBookingSettings(
  db: Database,
  actor: Actor,
  workshopId: string,
  body: BookingSettingsBody,
  now: Date,
) {
  await loadWorkshop(db, workshopId);
  await db.transaction(async (tx) => {
    const values = {
      openingHours: body.openingHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
      slotMinutes: body.slotMinutes,
      capacity: body.capacity,
      cancellationCutoffHours: body.cancellationCutoffHours,
      updatedAt: now,
      updatedByUserId: actor.user.id,
    };
    await tx
      .insert(workshopBookingSettings)
      .values({ workshopId, ...values })
      .onConflictDoUpdate({ target: workshopBookingSettings.workshopId, set: values });
    await tx.delete(bookingClosedDates).where(eq(bookingClosedDates.workshopId, workshopId));
    if (body.closedDates.length > 0) {
      await tx
        .insert(bookingClosedDates)
        .values(
          body.closedDates.map((closed) => ({ workshopId, date: closed.date, note: closed.note ?? null })),
        );
    }
  });
  return readBookingSettings(db, workshopId);
}

const serviceTypeColumns = {
  id: serviceTypes.id,
  name: serviceTypes.name,
  durationMinutes: serviceTypes.durationMinutes,
  isActive: serviceTypes.isActive,
};

/** The catalogue: active types only for vehicle users, all for the workshop. */
export function listServiceTypes(db: Database, workshopId: string, options: { activeOnly: boolean }) {
  return db
    .select(serviceTypeColumns)
    .from(serviceTypes)
    .where(
      and(
        eq(serviceTypes.workshopId, workshopId),
        options.activeOnly ? eq(serviceTypes.isActive, true) : undefined,
      ),
    )
    .orderBy(asc(serviceTypes.name));
}

/** The active service types of these ids; any unknown, inactive or another workshop's id is refused. */
export async function bookableServiceTypes(
  db: Database,
  workshopId: string,
  ids: readonly string[],
  sentIn: 'body' | 'querystring' = 'body',
) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await db
    .select({ id: serviceTypes.id, name: serviceTypes.name, durationMinutes: serviceTypes.durationMinutes })
    .from(serviceTypes)
    .where(
      and(
        eq(serviceTypes.workshopId, workshopId),
        eq(serviceTypes.isActive, true),
        inArray(serviceTypes.id, unique),
      ),
    );
  if (found.length !== unique.length) {
    throw validationFailed([
      {
        field: 'serviceTypes',
        in: sentIn,
        code: 'not_found',
        message: 'Not a service type this workshop offers',
      },
    ]);
  }
  return unique.flatMap((id) => found.filter((type) => type.id === id));
}

const nameTaken = () =>
  new Problem(409, 'service_type_exists', 'The workshop has a service type of this name');

export async function createServiceType(db: Database, workshopId: string, body: ServiceTypeBody, now: Date) {
  await loadWorkshop(db, workshopId);
  try {
    const [created] = await db
      .insert(serviceTypes)
      .values({ workshopId, ...body, createdAt: now, updatedAt: now })
      .returning(serviceTypeColumns);
    if (!created) throw new Error('insert returned no service type');
    return created;
  } catch (error) {
    if (isUniqueViolation(error, 'service_types_workshop_name')) throw nameTaken();
    throw error;
  }
}

export async function updateServiceType(
  db: Database,
  workshopId: string,
  id: string,
  patch: ServiceTypePatch,
  now: Date,
) {
  try {
    const [updated] = await db
      .update(serviceTypes)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(serviceTypes.id, id), eq(serviceTypes.workshopId, workshopId)))
      .returning(serviceTypeColumns);
    if (!updated) throw notFound();
    return updated;
  } catch (error) {
    if (isUniqueViolation(error, 'service_types_workshop_name')) throw nameTaken();
    throw error;
  }
}

/** Deleting a type leaves bookings as they were: each keeps the types it was booked with. */
export async function deleteServiceType(db: Database, workshopId: string, id: string) {
  const [deleted] = await db
    .delete(serviceTypes)
    .where(and(eq(serviceTypes.id, id), eq(serviceTypes.workshopId, workshopId)))
    .returning({ id: serviceTypes.id });
  if (!deleted) throw notFound();
}
