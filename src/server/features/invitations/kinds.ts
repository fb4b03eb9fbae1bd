import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLE_LABELS } from '../../../shared/role-labels.ts';
import { type InvitationKind, type Language, STAFF_ROLES } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { organizations, staffMemberships } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/authorize.ts';
import { accountOwnerKind, endUserKind } from '../accounts/invitation-kinds.ts';
import { vehicleSecondaryKind } from '../vehicle-users/invitation-kinds.ts';
import { vehiclePrimaryKind } from '../vehicles/invitation-kinds.ts';

/**
 * What each kind of invitation grants and who manages it. The engine (create, resend, revoke,
 * accept) is the same for all; a kind only says what its grant is, who may send it, how the mail
 * names it, and what accepting does.
 */
export interface InvitationKindHandler<Grant> {
  grant: z.ZodType<Grant>;
  /** Whether the actor may invite, resend and revoke invitations of this kind with this grant. */
  mayManage(db: Database, actor: Actor, grant: Grant): Promise<boolean>;
  /** What the invitation is to, in the mail's language: "join Nørre Auto as Technician". */
  describe(db: Database, grant: Grant, language: Language): Promise<string>;
  /** Whether accepting asks for company details (business accounts). */
  needsCompanyDetails(db: Database, grant: Grant): Promise<boolean>;
  /** Gives the accepting user what the invitation promised, inside the acceptance transaction. */
  apply(db: Database, accepted: AcceptedBy, grant: Grant, now: Date): Promise<void>;
}

/** Who accepted, and what they told us while accepting. */
export interface AcceptedBy {
  userId: string;
  userName: string;
  company?: CompanyDetails | undefined;
}

export interface CompanyDetails {
  name: string;
  registrationNumber: string;
  address: string;
  country: string;
}

export const SystemUserGrant = z.object({
  organizationId: z.uuid(),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
});
export type SystemUserGrant = z.infer<typeof SystemUserGrant>;

const systemUser: InvitationKindHandler<SystemUserGrant> = {
  grant: SystemUserGrant,
  mayManage: async (_db, actor, grant) =>
    can(actor, 'staff.invite', { organizationId: grant.organizationId }),
  async describe(db, grant, language) {
    const [organization] = await db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, grant.organizationId));
    const roles = grant.roles.map((role) => ROLE_LABELS[language][role]).join(', ');
    const name = organization?.name ?? '';
    return language === 'da' ? `${name} som ${roles}` : `join ${name} as ${roles}`;
  },
  needsCompanyDetails: async () => false,
  async apply(db, { userId }, grant, now) {
    // Already a member: the invitation adds its roles to those they have.
    await db
      .insert(staffMemberships)
      .values({ userId, organizationId: grant.organizationId, roles: grant.roles, createdAt: now })
      .onConflictDoUpdate({
        target: [staffMemberships.userId, staffMemberships.organizationId],
        set: {
          roles: sql`array(select distinct unnest(${staffMemberships.roles} || excluded.roles) order by 1)`,
        },
      });
  },
};

const HANDLERS: Partial<Record<InvitationKind, InvitationKindHandler<unknown>>> = {
  system_user: systemUser as InvitationKindHandler<unknown>,
  customer: accountOwnerKind as InvitationKindHandler<unknown>,
  sub_account: accountOwnerKind as InvitationKindHandler<unknown>,
  end_user: endUserKind as InvitationKindHandler<unknown>,
  vehicle_primary: vehiclePrimaryKind as InvitationKindHandler<unknown>,
  vehicle_secondary: vehicleSecondaryKind as InvitationKindHandler<unknown>,
};

/** The handler of a kind together with its parsed grant; throws for a kind this build lacks. */
export function kindOf(kind: InvitationKind, grant: unknown) {
  const handler = HANDLERS[kind];
  if (!handler) throw new Error(`no handler for invitation kind ${kind}`);
  return { handler, grant: handler.grant.parse(grant) };
}
