import { count, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, rowsOf } from '../../db/client.ts';
import { statementLines, statementMonths, statements } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { draftStatements, type ReimbursableSession } from './draft-statements.ts';
import { type Month, monthOf, monthSpan, previousMonth, STATEMENT_TIME_ZONE } from './months.ts';

// Any fixed 64-bit number: closing a month and changing a rate take turns, on every instance.
const CLOSING_LOCK_KEY = 7_203_511_010;

/**
 * Takes the closing lock until the transaction ends: two closes (of any months) never sweep the
 * same late session at once, and a rate cannot be backdated while a month is being closed.
 */
export async function lockClosing(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CLOSING_LOCK_KEY}::bigint)`);
}

/** Where rates are frozen: the end of the latest closed month, or null before any close. */
export async function closedUntil(tx: Database): Promise<Date | null> {
  const [row] = await tx
    .select({ end: sql<string | null>`max(${statementMonths.periodEnd})` })
    .from(statementMonths);
  return row?.end ? new Date(row.end) : null;
}

export interface CloseResult {
  month: Month;
  timeZone: string;
  periodStart: Date;
  periodEnd: Date;
  closedAt: Date;
  closedNow: boolean;
  statementCount: number;
}

interface CandidateRow {
  session_id: string;
  account_id: string;
  user_id: string | null;
  ended_at: Date | string;
  energy_wh: number;
  rate_eur: string;
  is_sub_account: boolean;
  usage: 'employee' | 'subsidiary' | null;
}

/**
 * Private sessions that ended before `end` and are on no statement yet, with the rate in force
 * when each ended for the party it reimburses; sessions with no rate then are not reimbursed.
 */
async function reimbursableSessions(tx: Database, end: Date): Promise<ReimbursableSession[]> {
  const rows = rowsOf<CandidateRow>(
    await tx.execute(sql`
      select s.id as session_id, s.account_id, s.user_id, s.ended_at, s.energy_wh,
             rate.rate_eur::text as rate_eur, a.parent_account_id is not null as is_sub_account, a.usage
      from charging_sessions s
      join accounts a on a.id = s.account_id
      cross join lateral (
        select r.rate_eur from reimbursement_rates r
        where r.account_id = s.account_id
          and r.user_id is not distinct from (case when a.parent_account_id is null then s.user_id end)
          and r.effective_from <= s.ended_at
        order by r.effective_from desc, r.seq desc
        limit 1
      ) rate
      where s.is_private
        and s.ended_at < ${end.toISOString()}::timestamptz
        and (a.parent_account_id is not null or s.user_id is not null)
        and rate.rate_eur is not null
        and not exists (select 1 from statement_lines l where l.session_id = s.id)`),
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    accountId: row.account_id,
    userId: row.user_id,
    endedAt: row.ended_at instanceof Date ? row.ended_at : new Date(row.ended_at),
    energyWh: Number(row.energy_wh),
    rateEur: row.rate_eur,
    isSubAccount: row.is_sub_account,
    usage: row.usage,
  }));
}

const INSERT_CHUNK = 1000;

/**
 * Closes a month (SPEC §9): one statement per reimbursed party, employee and end-user statements
 * approved at once, subsidiaries' awaiting approval. Safe to run twice and at once on several
 * instances: the closing lock makes closes take turns, the month's row makes the second a no-op,
 * and unique indexes (one statement per party and month, one line per session) back both up.
 * `actor` is null for the monthly job.
 */
export async function closeMonth(
  db: Database,
  actor: Actor | null,
  month: Month,
  now: Date,
): Promise<CloseResult> {
  if (actor) authorize(actor, 'statement.close');
  const span = monthSpan(month, STATEMENT_TIME_ZONE);
  if (now < span.end) throw new Problem(409, 'month_not_over', `${month} has not ended yet`);
  return db.transaction(async (tx) => {
    await lockClosing(tx);
    const [opened] = await tx
      .insert(statementMonths)
      .values({
        month,
        timeZone: STATEMENT_TIME_ZONE,
        periodStart: span.start,
        periodEnd: span.end,
        closedAt: now,
        closedByUserId: actor?.user.id ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!opened) {
      const [existing] = await tx.select().from(statementMonths).where(eq(statementMonths.month, month));
      const [counted] = await tx.select({ n: count() }).from(statements).where(eq(statements.month, month));
      if (!existing) throw new Error(`statement month ${month} vanished`);
      return {
        month,
        timeZone: existing.timeZone,
        periodStart: existing.periodStart,
        periodEnd: existing.periodEnd,
        closedAt: existing.closedAt,
        closedNow: false,
        statementCount: counted?.n ?? 0,
      };
    }

    const drafts = draftStatements(month, await reimbursableSessions(tx, span.end), STATEMENT_TIME_ZONE);
    for (const draft of drafts) {
      const [statement] = await tx
        .insert(statements)
        .values({
          month,
          accountId: draft.accountId,
          userId: draft.userId,
          status: draft.status,
          energyWh: draft.energyWh,
          amountExactEur: draft.amountExactEur,
          amountEur: draft.amountEur,
          sessionCount: draft.sessionCount,
          correctionCount: draft.correctionCount,
          createdAt: now,
          decidedAt: draft.status === 'approved' ? now : null,
        })
        .returning({ id: statements.id });
      if (!statement) throw new Error('insert returned no statement');
      for (let from = 0; from < draft.lines.length; from += INSERT_CHUNK) {
        await tx
          .insert(statementLines)
          .values(
            draft.lines
              .slice(from, from + INSERT_CHUNK)
              .map((line) => ({ ...line, statementId: statement.id })),
          );
      }
    }
    await recordAudit(
      tx,
      {
        action: 'statements.month_closed',
        actorUserId: actor?.user.id ?? null,
        actorEmail: actor?.user.email ?? null,
        subjectType: 'statement_month',
        subjectId: null,
        details: { month, statements: drafts.length },
      },
      now,
    );
    return {
      month,
      timeZone: opened.timeZone,
      periodStart: opened.periodStart,
      periodEnd: opened.periodEnd,
      closedAt: opened.closedAt,
      closedNow: true,
      statementCount: drafts.length,
    };
  });
}

/**
 * Late sessions get this long after the month ends to arrive and still count in it; after that
 * the job closes the month and later arrivals become corrections in the next statement.
 */
export const CLOSE_GRACE_MS = 60 * 60 * 1000;

/** The month the job should close now, if any: the previous month, once its grace has passed. */
export function dueMonth(now: Date): Month | null {
  const month = previousMonth(monthOf(now, STATEMENT_TIME_ZONE));
  const { end } = monthSpan(month, STATEMENT_TIME_ZONE);
  return now.getTime() >= end.getTime() + CLOSE_GRACE_MS ? month : null;
}

/** Closes the previous month if it is due and not closed yet; the month closed, or null. */
export async function closeDueMonth(db: Database, now: Date): Promise<CloseResult | null> {
  const month = dueMonth(now);
  if (!month) return null;
  const [closed] = await db
    .select({ month: statementMonths.month })
    .from(statementMonths)
    .where(eq(statementMonths.month, month));
  if (closed) return null;
  return closeMonth(db, null, month, now);
}

/** Runs `closeDueMonth` on a timer on every instance (closing is safe to race). */
export function startStatementCloser(options: {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let isStopped = false;
  const timer = setInterval(
    () => {
      running = running.then(async () => {
        if (isStopped) return;
        try {
          const closed = await closeDueMonth(options.db, options.clock.now());
          if (closed?.closedNow)
            options.log.info({ month: closed.month, statements: closed.statementCount }, 'month closed');
        } catch (error) {
          options.log.error({ err: error }, 'closing the month failed');
        }
      });
    },
    options.intervalMs ?? 10 * 60_000,
  );
  timer.unref();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
