import { z } from 'zod';
import { RateEur } from '../../lib/money.ts';
import { MonthText } from './months.ts';

export const CreateChargingKeyBody = z.object({
  /** Which back end the key is for, as operators will recognise it ("Clever", "Spirii"). */
  name: z.string().trim().min(1).max(200),
});

export const ChargingKeyItem = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  rotatedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const ChargingKeyCreated = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The key itself: shown once, in this answer only. */
  key: z.string(),
});

/**
 * A session as a back end sends it. Shape is checked here (400 for the batch); whether it can be
 * true, and whether its account and user exist, per session with a reason. `accountId` and
 * `userId` are any text so that a wrong one is refused alone, not with the whole batch.
 */
export const ChargingSessionInput = z.object({
  /** Unique per back end: a re-sent session is recognised by it and ignored. */
  id: z.string().trim().min(1).max(100),
  accountId: z.string().max(100),
  userId: z.string().max(100).nullable().optional(),
  chargerId: z.string().trim().min(1).max(200),
  private: z.boolean(),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
  energyWh: z.number(),
});
export type ChargingSessionInput = z.infer<typeof ChargingSessionInput>;

export const MAX_SESSIONS_PER_BATCH = 1000;

export const ChargingSessionBatch = z.object({
  sessions: z.array(ChargingSessionInput).min(1).max(MAX_SESSIONS_PER_BATCH),
});

export const SESSION_REFUSALS = [
  'ended_before_started',
  'ended_in_future',
  'energy_negative',
  'energy_not_whole_wh',
  'energy_absurd',
  'unknown_account',
  'user_not_member',
] as const;
export type SessionRefusal = (typeof SESSION_REFUSALS)[number];

export const IngestAnswer = z.object({
  /** Sessions stored now. */
  accepted: z.number().int(),
  /** Sessions stored before (re-sent, or twice in the batch), ignored. */
  duplicates: z.number().int(),
  /** Sessions refused, each with why; the rest of the batch is kept. */
  rejected: z.array(z.object({ id: z.string(), reason: z.enum(SESSION_REFUSALS) })),
});

export const CloseMonthBody = z.object({ month: MonthText });

export const CloseMonthAnswer = z.object({
  month: z.string(),
  timeZone: z.string(),
  periodStart: z.date(),
  periodEnd: z.date(),
  closedAt: z.date(),
  /** False when the month was already closed: nothing was made this time. */
  closedNow: z.boolean(),
  statementCount: z.number().int(),
});

export const STATEMENT_STATUSES = ['approved', 'awaiting_approval', 'rejected'] as const;
export const StatementStatus = z.enum(STATEMENT_STATUSES);

export const StatementItem = z.object({
  id: z.uuid(),
  month: z.string(),
  /** The reimbursed account: the sub-account, or the account the end-user belongs to. */
  accountId: z.uuid(),
  accountName: z.string(),
  parentAccountId: z.uuid().nullable(),
  /** The reimbursed end-user; null for a sub-account's statement. */
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  /** `manual` statements (subsidiaries) wait for approval; `automatic` ones are approved at close. */
  reimbursementMode: z.enum(['automatic', 'manual']),
  energyKwh: z.string(),
  /** EUR, rounded to cents once for the statement: a decimal string ("12.35"). */
  amountEur: z.string(),
  status: StatementStatus,
  sessionCount: z.number().int(),
  correctionCount: z.number().int(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  rejectionReason: z.string().nullable(),
});

export const StatementLine = z.object({
  sessionId: z.uuid(),
  /** The back end's id of the session. */
  externalId: z.string(),
  chargerId: z.string(),
  userId: z.uuid().nullable(),
  startedAt: z.date(),
  endedAt: z.date(),
  /** `correction`: a session of an earlier, closed month that arrived late. */
  kind: z.enum(['session', 'correction']),
  sessionMonth: z.string(),
  energyWh: z.number().int(),
  energyKwh: z.string(),
  /** EUR per kWh in force when the session ended; absent for those who may not see rates. */
  rateEur: z.string().optional(),
  /** The session's exact amount in EUR (seven decimals, not rounded). */
  amountEur: z.string(),
});

export const StatementDetail = StatementItem.extend({
  /** The exact sum of the lines before the one rounding. */
  amountExactEur: z.string(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lines: z.array(StatementLine),
});

export const ChargingSessionItem = z.object({
  id: z.uuid(),
  externalId: z.string(),
  accountId: z.uuid(),
  accountName: z.string(),
  userId: z.uuid().nullable(),
  chargerId: z.string(),
  private: z.boolean(),
  startedAt: z.date(),
  endedAt: z.date(),
  /** The month it counts in (by its end, in the statement time zone). */
  month: z.string(),
  energyWh: z.number().int(),
  energyKwh: z.string(),
  /** The statement it was reimbursed on, once its month is closed; null before or if not reimbursed. */
  statementId: z.uuid().nullable(),
  /** The session's exact amount on that statement; null until then. */
  amountEur: z.string().nullable(),
});

export const StatementListQuery = z.object({
  month: MonthText.optional(),
  status: StatementStatus.optional(),
  cursor: z.string().max(500).optional(),
});

export const AdminStatementListQuery = StatementListQuery.extend({
  accountId: z.uuid().optional(),
});

export const SessionListQuery = z.object({
  month: MonthText.optional(),
  cursor: z.string().max(500).optional(),
});

export const RejectStatementBody = z.object({ reason: z.string().trim().min(1).max(1000) });

const EffectiveFrom = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .optional()
  .describe('When the rate takes effect; now when absent. Never in the future, never in a closed month.');

export const SubAccountRateBody = z.object({ reimbursementRateEur: RateEur, effectiveFrom: EffectiveFrom });
export const MemberRateBody = z.object({
  /** Null: the end-user is not reimbursed from then on. */
  reimbursementRateEur: RateEur.nullable(),
  effectiveFrom: EffectiveFrom,
});

export const RateHistory = z.object({
  accountId: z.uuid(),
  /** The end-user the rate is agreed with; null for the sub-account's own rate. */
  userId: z.uuid().nullable(),
  /** The rate in force now. */
  reimbursementRateEur: z.string().nullable(),
  /** Newest first by when each took effect. */
  history: z.array(
    z.object({
      rateEur: z.string().nullable(),
      effectiveFrom: z.date(),
      setBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      createdAt: z.date(),
    }),
  ),
});
