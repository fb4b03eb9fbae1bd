import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { statements } from '../../db/schema/index.ts';
import { forbidden, notFound, Problem } from '../../lib/errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/authorize.ts';
import { canOnAccount } from '../../policy/rules/account.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findStatement, loadAccountAccess } from './queries.ts';

export type Decision = { action: 'approve' } | { action: 'reject'; reason: string };

/**
 * Approves or rejects a subsidiary's statement awaiting approval: the parent account's owners
 * and operator finance may (SPEC §9). Whoever cannot even see the statement gets 404; who sees
 * it but may not decide, 403. A decided statement never changes again: deciding twice (or at
 * the same moment) gives one success and 409 `statement_not_awaiting_approval`.
 */
export async function decideStatement(
  db: Database,
  actor: Actor,
  where: { accountId: string; statementId: string },
  decision: Decision,
  now: Date,
): Promise<void> {
  const statement = await findStatement(db, { accountTree: where.accountId }, where.statementId);
  if (!statement) throw notFound();
  const access = await loadAccountAccess(db, statement.accountId, actor.user.id);
  if (!access) throw notFound();
  const maySee = can(actor, 'statement.read') || canOnAccount('account.statements.read', access);
  if (!maySee) throw notFound();
  if (!can(actor, 'statement.approve') && !canOnAccount('account.statements.approve', access))
    throw forbidden();

  await db.transaction(async (tx) => {
    const [decided] = await tx
      .update(statements)
      .set({
        status: decision.action === 'approve' ? 'approved' : 'rejected',
        decidedAt: now,
        decidedByUserId: actor.user.id,
        rejectionReason: decision.action === 'reject' ? decision.reason : null,
      })
      .where(and(eq(statements.id, statement.id), eq(statements.status, 'awaiting_approval')))
      .returning({ id: statements.id });
    if (!decided) {
      const [current] = await tx
        .select({ status: statements.status })
        .from(statements)
        .where(eq(statements.id, statement.id));
      const status = current?.status ?? statement.status;
      throw new Problem(409, 'statement_not_awaiting_approval', `The statement is ${status}`, { status });
    }
    await recordAudit(
      tx,
      {
        action: decision.action === 'approve' ? 'statement.approved' : 'statement.rejected',
        actorUserId: actor.user.id,
        actorEmail: actor.user.email,
        subjectType: 'statement',
        subjectId: statement.id,
        details: {
          month: statement.month,
          accountId: statement.accountId,
          amountEur: statement.amountEur,
          ...(decision.action === 'reject' ? { reason: decision.reason } : {}),
        },
      },
      now,
    );
  });
}
