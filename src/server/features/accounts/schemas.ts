import { z } from 'zod';
import { RateEur } from '../../lib/money.ts';
import { Email } from '../identity/schemas.ts';

export const InvitationStatus = z.enum(['pending', 'expired', 'active', 'deactivated']);

export const InviteCustomerBody = z.object({
  email: Email,
  accountName: z.string().trim().min(1).max(200).optional(),
  type: z.enum(['consumer', 'business']).default('consumer'),
});

export const AddEndUserBody = z.object({
  email: Email,
  role: z.enum(['driver', 'account_owner']),
  accountId: z.uuid(),
  reimbursementRateEur: RateEur.optional(),
});

export const AddSubAccountBody = z.object({
  usage: z.enum(['employee', 'subsidiary']),
  name: z.string().trim().min(1).max(200),
  email: Email,
  type: z.enum(['business', 'consumer']),
  reimbursementRateEur: RateEur,
});

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
});

export const CustomerItem = z.object({
  id: z.string(),
  userId: z.uuid().nullable(),
  invitationId: z.uuid().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  role: z.enum(['account_owner', 'driver']),
  invitationStatus: InvitationStatus,
  /** Absent for those who may not see rates. */
  reimbursementRateEur: z.string().nullable().optional(),
});

export const AccountSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(['business', 'consumer']),
  usage: z.enum(['employee', 'subsidiary']).nullable(),
  parentAccountId: z.uuid().nullable(),
});

export const AccountDetails = AccountSummary.extend({
  reimbursementRateEur: z.string().nullable().optional(),
  reimbursementMode: z.enum(['automatic', 'manual']).nullable(),
  company: z
    .object({ name: z.string(), registrationNumber: z.string(), address: z.string(), country: z.string() })
    .nullable(),
  members: z.array(CustomerItem),
  subAccounts: z.array(
    AccountSummary.extend({
      reimbursementRateEur: z.string().nullable().optional(),
      reimbursementMode: z.enum(['automatic', 'manual']).nullable(),
    }),
  ),
});
