import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { notifications, vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { decodeTimeCursor, paginate } from '../../lib/search.ts';
import type { SharingLevel } from '../../policy/rules/vehicle.ts';

/** What each kind of notice says; stored with it, as it was when it was made. */
export interface NotificationData {
  sharing_level_changed: { level: SharingLevel; changedBy: { id: string; name: string } };
}
export type NotificationKind = keyof NotificationData;
export const NOTIFICATION_KINDS = ['sharing_level_changed'] as const satisfies readonly NotificationKind[];

/** Gives every current user of the vehicle the same notice, in the caller's transaction. */
export async function notifyVehicleUsers<Kind extends NotificationKind>(
  tx: Database,
  vehicleId: string,
  kind: Kind,
  data: NotificationData[Kind],
  now: Date,
): Promise<void> {
  await tx.insert(notifications).select(
    tx
      .select({
        id: sql`gen_random_uuid()`.as('id'),
        userId: vehicleMemberships.userId,
        kind: sql`${kind}`.as('kind'),
        vehicleId: vehicleMemberships.vehicleId,
        data: sql`${JSON.stringify(data)}::jsonb`.as('data'),
        createdAt: sql`${now.toISOString()}::timestamptz`.as('created_at'),
        readAt: sql`null::timestamptz`.as('read_at'),
      })
      .from(vehicleMemberships)
      .where(eq(vehicleMemberships.vehicleId, vehicleId)),
  );
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
