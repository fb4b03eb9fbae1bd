import { z } from 'zod';
import { LANGUAGES, STAFF_ROLES } from '../../../shared/roles.ts';

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an email address'))
  .transform((email) => email.toLowerCase());

export const PublicUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  language: z.enum(LANGUAGES),
});

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(1024) });
export const SessionAnswer = z.object({ user: PublicUser, token: z.string() });

export const Me = z.object({
  user: PublicUser,
  staff: z.array(
    z.object({
      organizationId: z.uuid(),
      organizationKind: z.enum(['operator', 'workshop']),
      organizationName: z.string(),
      roles: z.array(z.enum(STAFF_ROLES)),
    }),
  ),
  accounts: z.array(z.object({ accountId: z.uuid(), role: z.string() })),
  /** The vehicles I use, with what the driver app's vehicle switcher shows of each. */
  vehicles: z.array(
    z.object({
      vehicleId: z.uuid(),
      role: z.enum(['primary', 'secondary']),
      registrationNumber: z.string(),
      make: z.string(),
      model: z.string(),
    }),
  ),
  permissions: z.array(z.string()),
});

export const UpdateMeBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), language: z.enum(LANGUAGES).optional() })
  .refine((body) => body.name !== undefined || body.language !== undefined, 'name or language is required');

export const PasswordResetRequestBody = z.object({ email: Email });
export const PasswordResetBody = z.object({ password: z.string().max(1024) });
export const TokenParams = z.object({ token: z.string().max(200) });
export const PasswordResetView = z.object({ email: z.string(), expiresAt: z.date() });
