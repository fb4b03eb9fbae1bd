import { and, asc, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import {
  accountMemberships,
  accounts,
  chargingSessions,
  statementLines,
  statementMonths,
  statements,
  users,
} from '../../db/schema/index.ts';
import { decodeCursor, decodeTimeCursor, encodeCursor } from '../../lib/search.ts';
import type { AccountTarget } from '../../policy/rules/account.ts';
import { kwhOf } from './money.ts';
import { type Month, monthOf, monthSpan } from './months.ts';

export const PAGE_SIZE = 50;

/** An account with the actor's role in it and in its parent: what the account rules need. */
export async function loadAccountAccess(
  db: Database,
  accountId: string,
  userId: string,
): Promise<(AccountTarget & { id: string; parentAccountId: string | null }) | undefined> {
  const own = alias(accountMemberships, 'own');
  const inParent = alias(accountMemberships, 'in_parent');
  const [row] = await db
    .select({
      id: accounts.id,
      parentAccountId: accounts.parentAccountId,
      role: own.role,
      parentRole: inParent.role,
    })
    .from(accounts)
    .leftJoin(own, and(eq(own.accountId, accounts.id), eq(own.userId, userId)))
    .leftJoin(inParent, and(eq(inParent.accountId, accounts.parentAccountId), eq(inParent.userId, userId)))
    .where(eq(accounts.id, accountId));
  return row;
}

/** Which statements a list covers: an account and its sub-accounts, one person's, or all. */
export type StatementScope = { accountTree: string } | { userId: string } | 'all';

export interface StatementFilter {
  month?: Month | undefined;
  status?: 'approved' | 'awaiting_approval' | 'rejected' | undefined;
  accountId?: string | undefined;
  cursor?: string | undefined;
}

const decidedBy = alias(users, 'decided_by');

function statementColumns() {
  return {
    id: statements.id,
    month: statements.month,
    accountId: statements.accountId,
    accountName: accounts.name,
    parentAccountId: accounts.parentAccountId,
    usage: accounts.usage,
    userId: statements.userId,
    userName: users.name,
    userEmail: users.email,
    energyWh: statements.energyWh,
    amountExactEur: statements.amountExactEur,
    amountEur: statements.amountEur,
    status: statements.status,
    sessionCount: statements.sessionCount,
    correctionCount: statements.correctionCount,
    createdAt: statements.createdAt,
    decidedAt: statements.decidedAt,
    decidedById: decidedBy.id,
    decidedByName: decidedBy.name,
    rejectionReason: statements.rejectionReason,
  };
}

function scopeWhere(scope: StatementScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if ('userId' in scope) return eq(statements.userId, scope.userId);
  return or(eq(statements.accountId, scope.accountTree), eq(accounts.parentAccountId, scope.accountTree));
}

function selectStatements(db: Database) {
  return db
    .select(statementColumns())
    .from(statements)
    .innerJoin(accounts, eq(accounts.id, statements.accountId))
    .leftJoin(users, eq(users.id, statements.userId))
    .leftJoin(decidedBy, eq(decidedBy.id, statements.decidedByUserId));
}

export type StatementRow = Awaited<ReturnType<typeof listStatements>>['items'][number];

/** Statements newest month first, keyset-paged by (month, id); `limit` for the CSV export. */
export async function listStatements(
  db: Database,
  scope: StatementScope,
  filter: StatementFilter,
  limit = PAGE_SIZE,
) {
  const after = decodeCursor(filter.cursor);
  const rows = await selectStatements(db)
    .where(
      and(
        scopeWhere(scope),
        filter.month ? eq(statements.month, filter.month) : undefined,
        filter.status ? eq(statements.status, filter.status) : undefined,
        filter.accountId ? eq(statements.accountId, filter.accountId) : undefined,
        after ? sql`(${statements.month}, ${statements.id}) < (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(statements.month), desc(statements.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.month, last.id) : null };
}

/** One statement by id, within the scope (another account's is simply not found). */
export async function findStatement(db: Database, scope: StatementScope, statementId: string) {
  const [row] = await selectStatements(db).where(and(eq(statements.id, statementId), scopeWhere(scope)));
  return row;
}

/** The sessions behind a statement, in the order they ended. */
export function statementLinesOf(db: Database, statementId: string) {
  return db
    .select({
      sessionId: statementLines.sessionId,
      externalId: chargingSessions.externalId,
      chargerId: chargingSessions.chargerId,
      userId: chargingSessions.userId,
      startedAt: chargingSessions.startedAt,
      endedAt: chargingSessions.endedAt,
      kind: statementLines.kind,
      sessionMonth: statementLines.sessionMonth,
      energyWh: statementLines.energyWh,
      rateEur: statementLines.rateEur,
      amountEur: statementLines.amountEur,
    })
    .from(statementLines)
    .innerJoin(chargingSessions, eq(chargingSessions.id, statementLines.sessionId))
    .where(eq(statementLines.statementId, statementId))
    .orderBy(asc(chargingSessions.endedAt), asc(chargingSessions.id));
}

/** Closed months, newest first, with how many statements each made. */
export function listClosedMonths(db: Database) {
  return db
    .select({
      month: statementMonths.month,
      timeZone: statementMonths.timeZone,
      periodStart: statementMonths.periodStart,
      periodEnd: statementMonths.periodEnd,
      closedAt: statementMonths.closedAt,
      closedByUserId: statementMonths.closedByUserId,
      statementCount: sql<number>`count(${statements.id})::int`,
    })
    .from(statementMonths)
    .leftJoin(statements, eq(statements.month, statementMonths.month))
    .groupBy(statementMonths.month)
    .orderBy(desc(statementMonths.month));
}

/** Sessions of an account and its sub-accounts, or one person's. */
export type SessionScope = { accountTree: string } | { userId: string };

/** Charging sessions newest first by their end, keyset-paged; `month` by the session's end. */
export async function listSessions(
  db: Database,
  scope: SessionScope,
  filter: { month?: Month | undefined; cursor?: string | undefined },
) {
  const after = decodeTimeCursor(filter.cursor);
  const span = filter.month ? monthSpan(filter.month) : undefined;
  const rows = await db
    .select({
      id: chargingSessions.id,
      externalId: chargingSessions.externalId,
      accountId: chargingSessions.accountId,
      accountName: accounts.name,
      userId: chargingSessions.userId,
      chargerId: chargingSessions.chargerId,
      private: chargingSessions.isPrivate,
      startedAt: chargingSessions.startedAt,
      endedAt: chargingSessions.endedAt,
      energyWh: chargingSessions.energyWh,
      statementId: statementLines.statementId,
      amountEur: statementLines.amountEur,
    })
    .from(chargingSessions)
    .innerJoin(accounts, eq(accounts.id, chargingSessions.accountId))
    .leftJoin(statementLines, eq(statementLines.sessionId, chargingSessions.id))
    .where(
      and(
        'userId' in scope
          ? eq(chargingSessions.userId, scope.userId)
          : or(
              eq(chargingSessions.accountId, scope.accountTree),
              eq(accounts.parentAccountId, scope.accountTree),
            ),
        span
          ? and(gte(chargingSessions.endedAt, span.start), lt(chargingSessions.endedAt, span.end))
          : undefined,
        after
          ? sql`(${chargingSessions.endedAt}, ${chargingSessions.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(chargingSessions.endedAt), desc(chargingSessions.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({ ...row, month: monthOf(row.endedAt), energyKwh: kwhOf(row.energyWh) })),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last.endedAt.toISOString(), last.id) : null,
  };
}
