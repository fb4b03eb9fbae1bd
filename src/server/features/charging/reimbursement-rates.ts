import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { accountMemberships, accounts, reimbursementRates, users } from '../../db/schema/index.ts';
import { invalidField, notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { closedUntil, lockClosing } from './close-month.ts';

/** Whose rate: a sub-account's own (`userId` null), or the one agreed with an end-user in an account. */
export interface RateSubject {
  accountId: string;
  userId: string | null;
}

const subjectIs = (subject: RateSubject) =>
  and(
    eq(reimbursementRates.accountId, subject.accountId),
    subject.userId === null
      ? isNull(reimbursementRates.userId)
      : eq(reimbursementRates.userId, subject.userId),
  );

/**
 * Adds a rate to the subject's history, in the caller's transaction. Used where a rate is first
 * set (a sub-account created, an end-user joining) and by `changeRate`.
 */
export async function recordRate(
  tx: Database,
  subject: RateSubject,
  rateEur: string | null,
  context: { effectiveFrom: Date; setByUserId: string | null; now: Date },
): Promise<void> {
  await tx.insert(reimbursementRates).values({
    accountId: subject.accountId,
    userId: subject.userId,
    rateEur,
    effectiveFrom: context.effectiveFrom,
    setByUserId: context.setByUserId,
    createdAt: context.now,
  });
}

/** The rate in force at an instant: the latest to take effect at or before it. */
async function rateAt(tx: Database, subject: RateSubject, at: Date): Promise<string | null> {
  const [row] = await tx
    .select({ rateEur: reimbursementRates.rateEur })
    .from(reimbursementRates)
    .where(and(subjectIs(subject), lte(reimbursementRates.effectiveFrom, at)))
    .orderBy(desc(reimbursementRates.effectiveFrom), desc(reimbursementRates.seq))
    .limit(1);
  return row?.rateEur ?? null;
}

/** Checks the subject exists: a sub-account, or a member of the account. */
async function requireSubject(db: Database, subject: RateSubject): Promise<void> {
  if (subject.userId === null) {
    const [account] = await db
      .select({ parentAccountId: accounts.parentAccountId })
      .from(accounts)
      .where(eq(accounts.id, subject.accountId));
    // Only sub-accounts have a rate of their own; an account's end-users have theirs.
    if (!account?.parentAccountId) throw notFound('No such sub-account');
    return;
  }
  const [member] = await db
    .select({ id: accountMemberships.id })
    .from(accountMemberships)
    .where(
      and(eq(accountMemberships.accountId, subject.accountId), eq(accountMemberships.userId, subject.userId)),
    );
  if (!member) throw notFound('No such member of the account');
}

/** The subject's rate now and every rate it has had, newest first by when it took effect. */
export async function rateHistory(db: Database, subject: RateSubject, now: Date) {
  await requireSubject(db, subject);
  const history = await db
    .select({
      rateEur: reimbursementRates.rateEur,
      effectiveFrom: reimbursementRates.effectiveFrom,
      setById: users.id,
      setByName: users.name,
      createdAt: reimbursementRates.createdAt,
    })
    .from(reimbursementRates)
    .leftJoin(users, eq(users.id, reimbursementRates.setByUserId))
    .where(subjectIs(subject))
    .orderBy(desc(reimbursementRates.effectiveFrom), desc(reimbursementRates.seq));
  return {
    accountId: subject.accountId,
    userId: subject.userId,
    reimbursementRateEur: await rateAt(db, subject, now),
    history: history.map((row) => ({
      rateEur: row.rateEur,
      effectiveFrom: row.effectiveFrom,
      setBy: row.setById ? { id: row.setById, name: row.setByName ?? '' } : null,
      createdAt: row.createdAt,
    })),
  };
}

/**
 * Changes a rate from `effectiveFrom` (now when not given): a new row in its history, never an
 * edit. It may reach back into the open month, never into a closed one (a closed month's
 * statements were made with the rates of the time), and never ahead of now (the rate shown as
 * current is the one in force). The account's or membership's current rate follows.
 */
export async function changeRate(
  db: Database,
  actor: Actor,
  subject: RateSubject,
  input: { reimbursementRateEur: string | null; effectiveFrom?: Date | undefined },
  now: Date,
) {
  authorize(actor, 'account.rates.manage');
  const effectiveFrom = input.effectiveFrom ?? now;
  if (effectiveFrom > now) throw invalidField('effectiveFrom', 'too_big', 'may not be in the future');
  await requireSubject(db, subject);
  await db.transaction(async (tx) => {
    await lockClosing(tx);
    const frozenUntil = await closedUntil(tx);
    if (frozenUntil && effectiveFrom < frozenUntil) {
      throw new Problem(
        409,
        'month_closed',
        `Rates before ${frozenUntil.toISOString()} belong to closed months`,
        {
          closedUntil: frozenUntil.toISOString(),
        },
      );
    }
    const previous = await rateAt(tx, subject, effectiveFrom);
    await recordRate(tx, subject, input.reimbursementRateEur, {
      effectiveFrom,
      setByUserId: actor.user.id,
      now,
    });
    const current = await rateAt(tx, subject, now);
    if (subject.userId === null) {
      await tx
        .update(accounts)
        .set({ reimbursementRateEur: current })
        .where(eq(accounts.id, subject.accountId));
    } else {
      await tx
        .update(accountMemberships)
        .set({ reimbursementRateEur: current })
        .where(
          and(
            eq(accountMemberships.accountId, subject.accountId),
            eq(accountMemberships.userId, subject.userId),
          ),
        );
    }
    await recordAudit(
      tx,
      {
        action: 'account.rate_changed',
        actorUserId: actor.user.id,
        actorEmail: actor.user.email,
        subjectType: 'account',
        subjectId: subject.accountId,
        details: {
          userId: subject.userId,
          from: previous,
          to: input.reimbursementRateEur,
          effectiveFrom: effectiveFrom.toISOString(),
        },
      },
      now,
    );
  });
  return rateHistory(db, subject, now);
}
