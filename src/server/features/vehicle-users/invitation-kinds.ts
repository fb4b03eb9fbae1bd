import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Language } from '../../../shared/roles.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { vehicleMemberships, vehicles } from '../../db/schema/index.ts';
import { Problem } from '../../lib/errors.ts';
import { canOnVehicle, type SharingLevel } from '../../policy/rules/vehicle.ts';
import type { InvitationKindHandler } from '../invitations/kinds.ts';
import { describeVehicle } from '../vehicles/invitation-kinds.ts';
import { vehicleRoleOf } from './member-vehicle.ts';

const SecondaryGrant = z.object({ vehicleId: z.uuid() });
type SecondaryGrant = z.infer<typeof SecondaryGrant>;

/** What the primary shares, in plain words: shown in the mail and on the acceptance page. */
export const SHARING_IN_WORDS: Record<Language, Record<SharingLevel, string>> = {
  en: {
    shared: 'shared access: live position, status, alarms and trips',
    limited: 'limited location: status, alarms and trip times, but no live position and only your own routes',
  },
  da: {
    shared: 'delt adgang: position, status, alarmer og ture',
    limited: 'begrænset position: status, alarmer og turtider, men ingen position og kun dine egne ruter',
  },
};

/** A secondary user: invited by the vehicle's primary only (SPEC §5). */
export const vehicleSecondaryKind: InvitationKindHandler<SecondaryGrant> = {
  grant: SecondaryGrant,
  async mayManage(db, actor, grant) {
    const [vehicle] = await db
      .select({ level: vehicles.sharingLevel })
      .from(vehicles)
      .where(eq(vehicles.id, grant.vehicleId));
    if (!vehicle) return false;
    const role = await vehicleRoleOf(db, actor.user.id, grant.vehicleId);
    return canOnVehicle('vehicle.users.invite', { role, sharingLevel: vehicle.level });
  },
  async describe(db, grant, language) {
    const [vehicle] = await db
      .select({ level: vehicles.sharingLevel })
      .from(vehicles)
      .where(eq(vehicles.id, grant.vehicleId));
    const car = await describeVehicle(db, grant.vehicleId, language);
    const sharing = SHARING_IN_WORDS[language][vehicle?.level ?? 'shared'];
    return language === 'da'
      ? `${car} som sekundær bruger, med ${sharing}`
      : `${car} as a secondary user, with ${sharing}`;
  },
  needsCompanyDetails: async () => false,
  async apply(db, { userId }, grant, now) {
    try {
      await db.transaction((sp) =>
        sp
          .insert(vehicleMemberships)
          .values({ vehicleId: grant.vehicleId, userId, role: 'secondary', createdAt: now }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new Problem(409, 'already_a_user');
      throw error;
    }
  },
};
