import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { requireActor, requireChargingBackend } from '../../plugins/authenticate.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/authorize.ts';
import { canOnAccount } from '../../policy/rules/account.ts';
import {
  createChargingKey,
  listChargingKeys,
  revokeChargingKey,
  rotateChargingKey,
} from './charging-keys.ts';
import { closeMonth } from './close-month.ts';
import { toCsv } from './csv.ts';
import { decideStatement } from './decide-statement.ts';
import { ingestChargingSessions } from './ingest-sessions.ts';
import { presentStatement, presentStatementDetail } from './present-statement.ts';
import {
  findStatement,
  listClosedMonths,
  listSessions,
  listStatements,
  loadAccountAccess,
  type StatementScope,
  statementLinesOf,
} from './queries.ts';
import { changeRate, rateHistory } from './reimbursement-rates.ts';
import {
  AdminStatementListQuery,
  ChargingKeyCreated,
  ChargingKeyItem,
  ChargingSessionBatch,
  ChargingSessionItem,
  CloseMonthAnswer,
  CloseMonthBody,
  CreateChargingKeyBody,
  IngestAnswer,
  MemberRateBody,
  RateHistory,
  RejectStatementBody,
  SessionListQuery,
  StatementDetail,
  StatementItem,
  StatementListQuery,
  SubAccountRateBody,
} from './schemas.ts';

const IdParams = z.object({ id: z.uuid() });
const AccountParams = z.object({ aid: z.uuid() });
const AccountStatementParams = z.object({ aid: z.uuid(), sid: z.uuid() });
const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The most rows one CSV export holds: a year of statements for thousands of parties. */
const EXPORT_LIMIT = 100_000;

/**
 * The account's statements and sessions are for its owners (and its parent's owners) and for
 * operator staff; anyone else is told it does not exist.
 */
async function requireAccountReader(
  db: Database,
  actor: Actor,
  accountId: string,
): Promise<{ showRates: boolean }> {
  const access = await loadAccountAccess(db, accountId, actor.user.id);
  if (!access) throw notFound();
  const isOwner = canOnAccount('account.statements.read', access);
  if (!isOwner && !can(actor, 'statement.read')) throw notFound();
  // Owners see the rates they pay; staff only with the rates permission (not support).
  return { showRates: isOwner || can(actor, 'account.rates.read') };
}

/** Charging reimbursement (SPEC §9, §11): back-end keys and ingest, rates, months, statements. */
export const chargingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/admin/charging-keys',
    {
      config: { access: 'charging.keys.manage' },
      schema: {
        tags: ['charging'],
        summary: 'A key for one charging back end, shown once',
        body: CreateChargingKeyBody,
        response: { 201: ChargingKeyCreated },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      return reply.code(201).send(await createChargingKey(db, actor, request.body.name, app.clock.now()));
    },
  );

  app.get(
    '/admin/charging-keys',
    {
      config: { access: 'charging.keys.manage' },
      schema: {
        tags: ['charging'],
        summary: 'Charging back ends and their keys (never the secrets), newest first',
        response: { 200: page(ChargingKeyItem) },
      },
    },
    async () => ({ items: await listChargingKeys(db), nextCursor: null }),
  );

  app.post(
    '/admin/charging-keys/:id/rotate',
    {
      config: { access: 'charging.keys.manage' },
      schema: {
        tags: ['charging'],
        summary: 'A new key for the same back end; the old one stops working at once',
        params: IdParams,
        response: { 200: ChargingKeyCreated },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return rotateChargingKey(db, actor, request.params.id, app.clock.now());
    },
  );

  app.delete(
    '/admin/charging-keys/:id',
    {
      config: { access: 'charging.keys.manage' },
      schema: {
        tags: ['charging'],
        summary: "Revoke a back end's key for good (its sessions stay)",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      await revokeChargingKey(db, actor, request.params.id, app.clock.now());
      return reply.code(204).send();
    },
  );

  app.post(
    '/ingest/charging-sessions',
    {
      config: { access: 'charging_backend' },
      schema: {
        tags: ['charging'],
        summary: "A charging back end's sessions (Bearer key); re-sent ids are ignored",
        body: ChargingSessionBatch,
        response: { 202: IngestAnswer },
      },
    },
    async (request, reply) => {
      const keyId = requireChargingBackend(request);
      return reply
        .code(202)
        .send(await ingestChargingSessions(db, keyId, request.body.sessions, app.clock.now()));
    },
  );

  app.get(
    '/admin/accounts/:id/reimbursement-rates',
    {
      config: { access: 'account.rates.read' },
      schema: {
        tags: ['charging'],
        summary: "A sub-account's rate now and its history",
        params: IdParams,
        response: { 200: RateHistory },
      },
    },
    async (request) => rateHistory(db, { accountId: request.params.id, userId: null }, app.clock.now()),
  );

  app.put(
    '/admin/accounts/:id/reimbursement-rate',
    {
      config: { access: 'account.rates.manage' },
      schema: {
        tags: ['charging'],
        summary: "Change a sub-account's rate from now (or a time in the open month); history is kept",
        params: IdParams,
        body: SubAccountRateBody,
        response: { 200: RateHistory },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return changeRate(
        db,
        actor,
        { accountId: request.params.id, userId: null },
        request.body,
        app.clock.now(),
      );
    },
  );

  app.get(
    '/admin/accounts/:id/members/:userId/reimbursement-rates',
    {
      config: { access: 'account.rates.read' },
      schema: {
        tags: ['charging'],
        summary: 'The rate agreed with an end-user of the account now, and its history',
        params: MemberParams,
        response: { 200: RateHistory },
      },
    },
    async (request) =>
      rateHistory(db, { accountId: request.params.id, userId: request.params.userId }, app.clock.now()),
  );

  app.put(
    '/admin/accounts/:id/members/:userId/reimbursement-rate',
    {
      config: { access: 'account.rates.manage' },
      schema: {
        tags: ['charging'],
        summary: 'Change the rate agreed with an end-user (null: no longer reimbursed); history is kept',
        params: MemberParams,
        body: MemberRateBody,
        response: { 200: RateHistory },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return changeRate(
        db,
        actor,
        { accountId: request.params.id, userId: request.params.userId },
        request.body,
        app.clock.now(),
      );
    },
  );

  app.post(
    '/admin/statements/close',
    {
      config: { access: 'statement.close' },
      schema: {
        tags: ['statements'],
        summary:
          'Close a month: its statements exist afterwards (safe to repeat; the monthly job does it too)',
        body: CloseMonthBody,
        response: { 200: CloseMonthAnswer },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return closeMonth(db, actor, request.body.month, app.clock.now());
    },
  );

  app.get(
    '/admin/statements/months',
    {
      config: { access: 'statement.export' },
      schema: {
        tags: ['statements'],
        summary: 'Closed months, newest first, with how many statements each made',
        response: {
          200: page(
            z.object({
              month: z.string(),
              timeZone: z.string(),
              periodStart: z.date(),
              periodEnd: z.date(),
              closedAt: z.date(),
              closedByUserId: z.uuid().nullable(),
              statementCount: z.number().int(),
            }),
          ),
        },
      },
    },
    async () => ({ items: await listClosedMonths(db), nextCursor: null }),
  );

  app.get(
    '/admin/statements',
    {
      config: { access: 'statement.export' },
      schema: {
        tags: ['statements'],
        summary: "Every account's statements, newest month first, by month, state and account",
        querystring: AdminStatementListQuery,
        response: { 200: page(StatementItem) },
      },
    },
    async (request) => {
      const listed = await listStatements(db, 'all', request.query);
      return { items: listed.items.map(presentStatement), nextCursor: listed.nextCursor };
    },
  );

  app.get(
    '/admin/statements/export.csv',
    {
      config: { access: 'statement.export' },
      schema: {
        tags: ['statements'],
        summary: 'The same statements as CSV (RFC 4180, UTF-8, one row per statement)',
        querystring: AdminStatementListQuery.omit({ cursor: true }),
      },
    },
    async (request, reply) => {
      const { items } = await listStatements(db, 'all', request.query, EXPORT_LIMIT);
      const csv = toCsv(
        [
          'statement_id',
          'month',
          'account_id',
          'account_name',
          'parent_account_id',
          'user_id',
          'user_name',
          'user_email',
          'reimbursement_mode',
          'status',
          'energy_kwh',
          'amount_eur',
          'sessions',
          'corrections',
          'closed_at',
          'decided_at',
          'rejection_reason',
        ],
        items.map((row) => {
          const item = presentStatement(row);
          return [
            item.id,
            item.month,
            item.accountId,
            item.accountName,
            item.parentAccountId,
            item.userId,
            item.userName,
            row.userEmail,
            item.reimbursementMode,
            item.status,
            item.energyKwh,
            item.amountEur,
            item.sessionCount,
            item.correctionCount,
            item.createdAt.toISOString(),
            item.decidedAt?.toISOString() ?? null,
            item.rejectionReason,
          ];
        }),
      );
      const name = `statements${request.query.month ? `-${request.query.month}` : ''}${request.query.status ? `-${request.query.status}` : ''}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.get(
    '/accounts/:aid/statements',
    {
      config: { access: 'account.statements.read' },
      schema: {
        tags: ['statements'],
        summary: "The account's and its sub-accounts' statements, newest month first",
        params: AccountParams,
        querystring: StatementListQuery,
        response: { 200: page(StatementItem) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      await requireAccountReader(db, actor, request.params.aid);
      const listed = await listStatements(db, { accountTree: request.params.aid }, request.query);
      return { items: listed.items.map(presentStatement), nextCursor: listed.nextCursor };
    },
  );

  app.get(
    '/accounts/:aid/statements/:sid',
    {
      config: { access: 'account.statements.read' },
      schema: {
        tags: ['statements'],
        summary: 'A statement with the sessions (and correction lines) behind it',
        params: AccountStatementParams,
        response: { 200: StatementDetail },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { showRates } = await requireAccountReader(db, actor, request.params.aid);
      const scope: StatementScope = { accountTree: request.params.aid };
      const statement = await findStatement(db, scope, request.params.sid);
      if (!statement) throw notFound();
      return presentStatementDetail(statement, await statementLinesOf(db, statement.id), showRates);
    },
  );

  for (const action of ['approve', 'reject'] as const) {
    app.post(
      `/accounts/:aid/statements/:sid/${action}`,
      {
        config: { access: 'account.statements.approve' },
        schema: {
          tags: ['statements'],
          summary:
            action === 'approve'
              ? "Approve a subsidiary's statement (the parent account's owners, operator finance)"
              : "Reject a subsidiary's statement with a reason (the parent account's owners, operator finance)",
          params: AccountStatementParams,
          ...(action === 'reject' ? { body: RejectStatementBody } : {}),
          response: { 200: StatementDetail },
        },
      },
      async (request) => {
        const actor = await requireActor(request);
        const { aid, sid } = request.params;
        const body = request.body as { reason?: string } | undefined;
        await decideStatement(
          db,
          actor,
          { accountId: aid, statementId: sid },
          action === 'approve' ? { action } : { action, reason: body?.reason ?? '' },
          app.clock.now(),
        );
        const statement = await findStatement(db, { accountTree: aid }, sid);
        if (!statement) throw notFound();
        return presentStatementDetail(statement, await statementLinesOf(db, sid), true);
      },
    );
  }

  app.get(
    '/accounts/:aid/charging-sessions',
    {
      config: { access: 'account.statements.read' },
      schema: {
        tags: ['charging'],
        summary: "The account's and its sub-accounts' charging sessions, newest first",
        params: AccountParams,
        querystring: SessionListQuery,
        response: { 200: page(ChargingSessionItem) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      await requireAccountReader(db, actor, request.params.aid);
      return listSessions(db, { accountTree: request.params.aid }, request.query);
    },
  );

  app.get(
    '/me/charging-sessions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['charging'],
        summary: 'My own charging sessions, newest first',
        querystring: SessionListQuery,
        response: { 200: page(ChargingSessionItem) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return listSessions(db, { userId: actor.user.id }, request.query);
    },
  );

  app.get(
    '/me/statements',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['statements'],
        summary: 'My own statements (as an end-user reimbursed at an agreed rate), newest month first',
        querystring: StatementListQuery,
        response: { 200: page(StatementItem) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const listed = await listStatements(db, { userId: actor.user.id }, request.query);
      return { items: listed.items.map(presentStatement), nextCursor: listed.nextCursor };
    },
  );

  app.get(
    '/me/statements/:sid',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['statements'],
        summary: 'One of my statements with its sessions',
        params: z.object({ sid: z.uuid() }),
        response: { 200: StatementDetail },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const statement = await findStatement(db, { userId: actor.user.id }, request.params.sid);
      if (!statement) throw notFound();
      return presentStatementDetail(statement, await statementLinesOf(db, statement.id), true);
    },
  );
};
