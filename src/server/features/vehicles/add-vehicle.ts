import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { organizations, vehicles } from '../../db/schema/index.ts';
import { notFound, Problem } from '../../lib/errors.ts';
import { newToken } from '../../lib/tokens.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/authorize.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AddVehicleBody } from './schemas.ts';
import type { VehicleRow } from './scoped-vehicle.ts';

/**
 * Adds a vehicle to a workshop and issues its device token, returned once: only its hash is kept.
 * A VIN is in keyfob once; a second workshop adding it gets 409 `vin_taken`.
 */
export async function addVehicle(
  db: Database,
  actor: Actor,
  workshopId: string,
  input: z.infer<typeof AddVehicleBody>,
  now: Date,
): Promise<{ id: string; deviceToken: string }> {
  if (!can(actor, 'vehicle.read', { organizationId: workshopId })) throw notFound();
  authorize(actor, 'vehicle.create', { organizationId: workshopId });
  const [workshop] = await db
    .select({ kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, workshopId));
  if (workshop?.kind !== 'workshop') throw notFound();
  const { token, hash } = newToken();
  try {
    return await db.transaction(async (tx) => {
      const [vehicle] = await tx
        .insert(vehicles)
        .values({ ...input, workshopId, deviceTokenHash: hash, createdAt: now })
        .returning({ id: vehicles.id });
      if (!vehicle) throw new Error('insert returned no vehicle');
      await recordAudit(
        tx,
        {
          action: 'vehicle.added',
          actorUserId: actor.user.id,
          subjectType: 'vehicle',
          subjectId: vehicle.id,
          organizationId: workshopId,
          details: { vin: input.vin, registrationNumber: input.registrationNumber },
        },
        now,
      );
      return { id: vehicle.id, deviceToken: token };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'vehicles_vin'))
      throw new Problem(409, 'vin_taken', `${input.vin} is already in keyfob`);
    throw error;
  }
}

/** A new device token; the old one stops working at once. */
export async function rotateDeviceToken(db: Database, actor: Actor, vehicle: VehicleRow, now: Date) {
  const { token, hash } = newToken();
  await db.transaction(async (tx) => {
    await tx.update(vehicles).set({ deviceTokenHash: hash }).where(eq(vehicles.id, vehicle.id));
    await recordAudit(
      tx,
      {
        action: 'vehicle.device_token_rotated',
        actorUserId: actor.user.id,
        subjectType: 'vehicle',
        subjectId: vehicle.id,
        organizationId: vehicle.workshopId,
      },
      now,
    );
  });
  return { deviceToken: token };
}
