import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/authenticate.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/authorize.ts';
import { addEndUser } from './add-end-user.ts';
import { addSubAccount } from './add-sub-account.ts';
import { inviteCustomer } from './invite-customer.ts';
import { findAccount, listCustomers, listSubAccounts, reimbursementMode, searchAccounts } from './queries.ts';
import {
  AccountDetails,
  AccountSummary,
  AddEndUserBody,
  AddSubAccountBody,
  CustomerItem,
  InviteCustomerBody,
  SearchQuery,
} from './schemas.ts';

const Created = z.object({ accountId: z.uuid(), invitationId: z.uuid() });

/** Rates are money agreed with people: only those allowed see them; for others the field is absent. */
function withRate<T extends object>(
  actor: Actor,
  item: T,
  rate: string | null,
): T & { reimbursementRateEur?: string | null } {
  return can(actor, 'account.rates.read') ? { ...item, reimbursementRateEur: rate } : item;
}

function presentPerson(actor: Actor, row: Awaited<ReturnType<typeof listCustomers>>['items'][number]) {
  return withRate(
    actor,
    {
      id: row.id,
      userId: row.userId,
      invitationId: row.invitationId,
      email: row.email,
      name: row.name,
      account: { id: row.accountId, name: row.accountName },
      role: row.role,
      invitationStatus: row.invitationStatus,
    },
    row.rate,
  );
}

/** Users → Customers and Accounts of the admin portal (SPEC §4). */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/admin/customers',
    {
      config: { access: 'customer.manage' },
      schema: {
        tags: ['customers'],
        summary: 'Invite client: a new account whose first owner is the invitee',
        body: InviteCustomerBody,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const created = await inviteCustomer(db, actor, request.body, app.config.publicUrl, app.clock.now());
      app.mailWorker.kick();
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/admin/end-users',
    {
      config: { access: 'customer.manage' },
      schema: {
        tags: ['customers'],
        summary: 'Add end-user: a driver or account owner of an existing account',
        body: AddEndUserBody,
        response: { 201: z.object({ invitationId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { invitationId } = await addEndUser(
        db,
        actor,
        request.body,
        app.config.publicUrl,
        app.clock.now(),
      );
      app.mailWorker.kick();
      return reply.code(201).send({ invitationId });
    },
  );

  app.get(
    '/admin/customers',
    {
      config: { access: 'customer.read' },
      schema: {
        tags: ['customers'],
        summary: 'Account owners and end-users with their invitation state; q matches email or name',
        querystring: SearchQuery,
        response: { 200: z.object({ items: z.array(CustomerItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const page = await listCustomers(db, request.query, app.clock.now());
      return { items: page.items.map((row) => presentPerson(actor, row)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/admin/accounts',
    {
      config: { access: 'account.read' },
      schema: {
        tags: ['accounts'],
        summary: 'Accounts whose name starts with q (typeahead and list)',
        querystring: SearchQuery,
        response: { 200: z.object({ items: z.array(AccountSummary), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => searchAccounts(db, request.query),
  );

  app.get(
    '/admin/accounts/:id',
    {
      config: { access: 'account.read' },
      schema: {
        tags: ['accounts'],
        summary: 'An account with its members, sub-accounts, usage, type, rate and reimbursement mode',
        params: z.object({ id: z.uuid() }),
        response: { 200: AccountDetails },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const account = await findAccount(db, request.params.id);
      if (!account) throw notFound();
      const [people, subAccounts] = await Promise.all([
        listCustomers(db, { accountId: account.id, limit: 500 }, app.clock.now()),
        listSubAccounts(db, account.id),
      ]);
      return withRate(
        actor,
        {
          id: account.id,
          name: account.name,
          type: account.type,
          usage: account.usage,
          parentAccountId: account.parentAccountId,
          reimbursementMode: reimbursementMode(account.usage),
          company: account.companyName
            ? {
                name: account.companyName,
                registrationNumber: account.companyRegistrationNumber ?? '',
                address: account.companyAddress ?? '',
                country: account.companyCountry ?? '',
              }
            : null,
          members: people.items.map((row) => presentPerson(actor, row)),
          subAccounts: subAccounts.map((sub) =>
            withRate(
              actor,
              {
                id: sub.id,
                name: sub.name,
                type: sub.type,
                usage: sub.usage,
                parentAccountId: sub.parentAccountId,
                reimbursementMode: reimbursementMode(sub.usage),
              },
              sub.reimbursementRateEur,
            ),
          ),
        },
        account.reimbursementRateEur,
      );
    },
  );

  app.post(
    '/admin/accounts/:id/sub-accounts',
    {
      config: { access: 'customer.manage' },
      schema: {
        tags: ['accounts'],
        summary: 'Add sub-account: employee (reimbursed automatically) or subsidiary (manually)',
        params: z.object({ id: z.uuid() }),
        body: AddSubAccountBody,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const created = await addSubAccount(
        db,
        actor,
        request.params.id,
        request.body,
        app.config.publicUrl,
        app.clock.now(),
      );
      app.mailWorker.kick();
      return reply.code(201).send(created);
    },
  );
};
