import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Language } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { organizations, vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import { can } from '../../policy/authorize.ts';
import type { InvitationKindHandler } from '../invitations/kinds.ts';

const PrimaryGrant = z.object({ vehicleId: z.uuid(), workshopId: z.uuid() });
type PrimaryGrant = z.infer<typeof PrimaryGrant>;

/** "the Volvo XC40 (AB 12 345) at Nørre Auto", in the mail's language. */
export async function describeVehicle(db: Database, vehicleId: string, language: Language): Promise<string> {
  const [row] = await db
    .select({
      make: vehicles.make,
      model: vehicles.model,
      plate: vehicles.registrationNumber,
      workshop: organizations.name,
    })
    .from(vehicles)
    .innerJoin(organizations, eq(organizations.id, vehicles.workshopId))
    .where(eq(vehicles.id, vehicleId));
  if (!row) throw new Error(`invitation to missing vehicle ${vehicleId}`);
  const car = `${row.make} ${row.model} (${row.plate})`;
  return language === 'da' ? `${car} hos ${row.workshop}` : `the ${car} at ${row.workshop}`;
}

/** The primary user: invited by the vehicle's workshop only (SPEC §5). */
export const vehiclePrimaryKind: InvitationKindHandler<PrimaryGrant> = {
  grant: PrimaryGrant,
  mayManage: async (_db, actor, grant) =>
    can(actor, 'vehicle.primary.invite', { organizationId: grant.workshopId }),
  async describe(db, grant, language) {
    const vehicle = await describeVehicle(db, grant.vehicleId, language);
    return language === 'da' ? `${vehicle} som primær bruger` : `${vehicle} as its primary user`;
  },
  needsCompanyDetails: async () => false,
  async apply(db, { userId }, grant, now) {
    try {
      // A savepoint, so a refused insert leaves the acceptance transaction usable for the 409.
      await db.transaction((sp) =>
        sp
          .insert(vehicleMemberships)
          .values({ vehicleId: grant.vehicleId, userId, role: 'primary', createdAt: now }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new Problem(409, 'primary_user_exists');
      throw error;
    }
  },
};
