import { z } from 'zod';
import { INVITATION_KINDS, LANGUAGES } from '../../../shared/roles.ts';

export const TokenParams = z.object({ token: z.string().max(200) });
export const IdParams = z.object({ id: z.uuid() });

export const InvitationView = z.object({
  kind: z.enum(INVITATION_KINDS),
  email: z.string(),
  expiresAt: z.date(),
  existingUser: z.boolean(),
  needsCompanyDetails: z.boolean(),
  invitedBy: z.object({ name: z.string() }).nullable(),
  description: z.record(z.enum(LANGUAGES), z.string()),
});

export const AcceptBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024).optional(),
  language: z.enum(LANGUAGES).optional(),
  company: z
    .object({
      name: z.string().trim().min(1).max(200),
      registrationNumber: z.string().trim().min(1).max(50),
      address: z.string().trim().min(1).max(500),
      country: z.string().trim().length(2),
    })
    .optional(),
});

export const ResendAnswer = z.object({ expiresAt: z.date() });
