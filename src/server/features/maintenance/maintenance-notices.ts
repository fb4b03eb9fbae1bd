import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { maintenanceNotices, organizations } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { type NoticeContext, notifyVehicleUsers } from '../notifications/notifications.ts';
import type { VehicleRow } from '../vehicles/scoped-vehicle.ts';

export interface MaintenanceDue {
  dueDate?: string;
  dueMileageKm?: number;
  note?: string;
}

/**
 * The workshop tells every user of the vehicle that service is due (SPEC §7), in the app and by
 * mail, and keeps the notice with how many it reached. A car nobody uses yet has no one to tell.
 */
export async function sendMaintenanceNotice(
  db: Database,
  actor: Actor,
  vehicle: VehicleRow,
  due: MaintenanceDue,
  context: NoticeContext,
): Promise<{ id: string; recipients: number }> {
  return db.transaction(async (tx) => {
    const [workshop] = await tx
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, vehicle.workshopId));
    if (!workshop) throw new Error(`vehicle ${vehicle.id} has no workshop`);
    const recipients = await notifyVehicleUsers(
      tx,
      vehicle.id,
      {
        kind: 'maintenance_due',
        data: {
          dueDate: due.dueDate ?? null,
          dueMileageKm: due.dueMileageKm ?? null,
          note: due.note ?? null,
          workshop,
          sentBy: { id: actor.user.id, name: actor.user.name },
        },
      },
      context,
    );
    if (recipients === 0) {
      throw new Problem(409, 'no_vehicle_users', 'The car has no primary user yet: invite one first.');
    }
    const [notice] = await tx
      .insert(maintenanceNotices)
      .values({
        vehicleId: vehicle.id,
        workshopId: workshop.id,
        dueDate: due.dueDate ?? null,
        dueMileageKm: due.dueMileageKm ?? null,
        note: due.note ?? null,
        sentByUserId: actor.user.id,
        sentByName: actor.user.name,
        recipients,
        sentAt: context.now,
      })
      .returning({ id: maintenanceNotices.id });
    if (!notice) throw new Error('the notice was not stored');
    return { id: notice.id, recipients };
  });
}

/** The notices the workshop has sent about the vehicle, newest first (at most the last 50). */
export async function listMaintenanceNotices(db: Database, vehicleId: string) {
  const rows = await db
    .select()
    .from(maintenanceNotices)
    .where(eq(maintenanceNotices.vehicleId, vehicleId))
    .orderBy(desc(maintenanceNotices.sentAt), desc(maintenanceNotices.id))
    .limit(50);
  return {
    items: rows.map((row) => ({
      id: row.id,
      dueDate: row.dueDate,
      dueMileageKm: row.dueMileageKm,
      note: row.note,
      sentAt: row.sentAt,
      sentBy: { id: row.sentByUserId, name: row.sentByName },
      recipients: row.recipients,
    })),
    nextCursor: null,
  };
}
