import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Language } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import {
  notificationPreferences,
  notifications,
  users,
  vehicleMemberships,
  vehicles,
} from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { decodeTimeCursor, paginate } from '../../lib/search.ts';
import type { SharingLevel } from '../../policy/rules/vehicle.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { noticeMail } from '../mail/templates.tsx';

/** What each kind of notice says; stored with it, as it was when it was made. */
export interface NotificationData {
  sharing_level_changed: { level: SharingLevel; changedBy: { id: string; name: string } };
  /** A warning light came on (SPEC §7): every user hears of it, whatever the sharing level. */
  warning_light_on: { code: string; since: string; description: string | null };
  /** The workshop says service is due by a date and/or a mileage. */
  maintenance_due: {
    dueDate: string | null;
    dueMileageKm: number | null;
    note: string | null;
    workshop: { id: string; name: string };
    sentBy: { id: string; name: string };
  };
  /**
   * A booking changed (SPEC §7): told to the booker and the primary, and to the workshop's staff
   * when the vehicle's side made the change. `start`/`end` carry the workshop's UTC offset.
   */
  booking_changed: {
    bookingId: string;
    action: 'requested' | 'confirmed' | 'declined' | 'proposed' | 'accepted' | 'rejected' | 'cancelled';
    status: 'requested' | 'confirmed' | 'declined' | 'proposed' | 'cancelled';
    start: string;
    end: string;
    reason: string | null;
    workshop: { id: string; name: string };
    changedBy: { id: string; name: string; side: 'vehicle_user' | 'workshop' };
  };
}
export type NotificationKind = keyof NotificationData;
export const NOTIFICATION_KINDS = [
  'sharing_level_changed',
  'warning_light_on',
  'maintenance_due',
  'booking_changed',
] as const satisfies readonly NotificationKind[];

/** One notice: its kind with what it says. */
export type Notice = {
  [Kind in NotificationKind]: { kind: Kind; data: NotificationData[Kind] };
}[NotificationKind];

/**
 * The kinds that also go out by mail, unless the person turned that mail off; `chat_messages` is
 * the batched mail about unread chat. A sharing change is told in the app only.
 */
export const EMAIL_KINDS = [
  'warning_light_on',
  'maintenance_due',
  'booking_changed',
  'chat_messages',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

const isEmailKind = (kind: string): kind is EmailKind => (EMAIL_KINDS as readonly string[]).includes(kind);

/** Where notice mails link to, and the time they are made at. */
export interface NoticeContext {
  now: Date;
  publicUrl: string;
}

/**
 * Gives every current user of the vehicle the same notice, in the caller's transaction, and
 * queues its mail to each who has not turned that mail off. Returns how many were told.
 */
export async function notifyVehicleUsers(
  tx: Database,
  vehicleId: string,
  notice: Notice,
  context: NoticeContext,
): Promise<number> {
  const recipients = await tx
    .select({
      userId: users.id,
      email: users.email,
      language: users.language,
      wantsEmail: notificationPreferences.email,
      registrationNumber: vehicles.registrationNumber,
      make: vehicles.make,
      model: vehicles.model,
    })
    .from(vehicleMemberships)
    .innerJoin(users, eq(users.id, vehicleMemberships.userId))
    .innerJoin(vehicles, eq(vehicles.id, vehicleMemberships.vehicleId))
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, notice.kind)),
    )
    .where(and(eq(vehicleMemberships.vehicleId, vehicleId), eq(users.status, 'active')));
  if (recipients.length === 0) return 0;
  await tx.insert(notifications).values(
    recipients.map((recipient) => ({
      userId: recipient.userId,
      kind: notice.kind,
      vehicleId,
      data: notice.data,
      createdAt: context.now,
    })),
  );
  if (isEmailKind(notice.kind)) {
    for (const recipient of recipients) {
      if (recipient.wantsEmail === false) continue;
      await enqueueMail(
        tx,
        noticeMail({
          to: recipient.email,
          language: recipient.language as Language,
          car: `${recipient.registrationNumber} (${recipient.make} ${recipient.model})`,
          notice,
          link: `${context.publicUrl}/app/notifications?vehicle=${vehicleId}`,
        }),
        context.now,
      );
    }
  }
  return recipients.length;
}

/** Which mails the person gets, per kind: on unless they turned it off. */
export async function readEmailPreferences(
  db: Database,
  userId: string,
): Promise<Record<EmailKind, boolean>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, chosen.get(kind) ?? true])) as Record<
    EmailKind,
    boolean
  >;
}

/** Records the kinds given; the others stay as they were. */
export async function updateEmailPreferences(
  db: Database,
  userId: string,
  choices: Partial<Record<EmailKind, boolean>>,
): Promise<Record<EmailKind, boolean>> {
  const rows = EMAIL_KINDS.flatMap((kind) => {
    const email = choices[kind];
    return email === undefined ? [] : [{ userId, kind, email }];
  });
  if (rows.length > 0) {
    await db
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: sql`excluded.email` },
      });
  }
  return readEmailPreferences(db, userId);
}

const PAGE_SIZE = 30;

/** A person's notices, newest first, with how many are unread. */
export async function listNotifications(db: Database, userId: string, cursor: string | undefined) {
  const after = decodeTimeCursor(cursor);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      data: notifications.data,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      vehicleId: vehicles.id,
      registrationNumber: vehicles.registrationNumber,
    })
    .from(notifications)
    .leftJoin(vehicles, eq(vehicles.id, notifications.vehicleId))
    .where(
      and(
        eq(notifications.userId, userId),
        after
          ? or(
              lt(notifications.createdAt, after.at),
              and(eq(notifications.createdAt, after.at), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE + 1);
  const [unread] = await db
    .select({ count: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const page = paginate(rows, PAGE_SIZE, (row) => row.createdAt.toISOString());
  return {
    items: page.items.map(({ vehicleId, registrationNumber, ...row }) => ({
      ...row,
      kind: row.kind as NotificationKind,
      vehicle: vehicleId && registrationNumber ? { id: vehicleId, registrationNumber } : null,
    })),
    nextCursor: page.nextCursor,
    unreadCount: unread?.count ?? 0,
  };
}

/** Marks one of the person's notices read; another person's notice does not exist for them. */
export async function markNotificationRead(db: Database, userId: string, id: string, now: Date) {
  const [found] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!found) throw notFound();
}

export async function markAllNotificationsRead(db: Database, userId: string, now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
