import { describe, expect, it } from 'vitest';
import { bearer, signIn } from '../../test/factories.ts';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { operatorStaff } from '../../test/people.ts';
import { useTestApp } from '../../test/server.ts';
import { getAs, postAs, putAs } from './test-kit.ts';

let counter = 0;
const newEmail = (prefix: string) => `${prefix}-${counter++}@rates.example.test`;

describe('reimbursement rates with their history', () => {
  const t = useTestApp({ start: new Date('2026-02-01T09:00:00Z') });

  async function accept(email: string) {
    const link = linkToken((await lastMailTo(t.database.db, email)).text, 'activate');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${link}/accept`,
      payload: { name: 'Rita Rate', password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return accepted.json().user.id as string;
  }

  it("keeps a sub-account's rate from its creation, and each change after it", async () => {
    const { headers, user: manager } = await operatorStaff(t, ['customer_manager']);
    const { accountId: parentId } = (
      await postAs(t, headers, '/admin/customers', { email: newEmail('owner') })
    ).json();
    const created = await postAs(t, headers, `/admin/accounts/${parentId}/sub-accounts`, {
      usage: 'employee',
      name: 'Sales',
      email: newEmail('sales'),
      type: 'consumer',
      reimbursementRateEur: '0.25',
    });
    const subId = created.json().accountId;
    const initial = await getAs(t, headers, `/admin/accounts/${subId}/reimbursement-rates`);
    expect(initial.json()).toEqual({
      accountId: subId,
      userId: null,
      reimbursementRateEur: '0.2500',
      history: [
        {
          rateEur: '0.2500',
          effectiveFrom: '2026-02-01T09:00:00.000Z',
          setBy: { id: manager.id, name: manager.name },
          createdAt: '2026-02-01T09:00:00.000Z',
        },
      ],
    });

    t.clock.set(new Date('2026-02-10T09:00:00Z'));
    // A week on: the manager signs in again.
    headers.authorization = bearer(await signIn(t.database.db, manager, t.clock.now())).authorization;
    const raised = await putAs(t, headers, `/admin/accounts/${subId}/reimbursement-rate`, {
      reimbursementRateEur: 0.3,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    // Backdated within the open month: it governs from then until the next change.
    const backdated = await putAs(t, headers, `/admin/accounts/${subId}/reimbursement-rate`, {
      reimbursementRateEur: '0.2750',
      effectiveFrom: '2026-02-05T00:00:00+01:00',
    });
    expect(backdated.json().reimbursementRateEur).toBe('0.3000');
    expect(
      backdated
        .json()
        .history.map((row: { rateEur: string; effectiveFrom: string }) => [row.rateEur, row.effectiveFrom]),
    ).toEqual([
      ['0.3000', '2026-02-10T09:00:00.000Z'],
      ['0.2750', '2026-02-04T23:00:00.000Z'],
      ['0.2500', '2026-02-01T09:00:00.000Z'],
    ]);
    // The account page shows the rate in force now.
    const account = await getAs(t, headers, `/admin/accounts/${parentId}`);
    expect(account.json().subAccounts).toEqual([
      expect.objectContaining({ id: subId, reimbursementRateEur: '0.3000' }),
    ]);

    const future = await putAs(t, headers, `/admin/accounts/${subId}/reimbursement-rate`, {
      reimbursementRateEur: '0.4',
      effectiveFrom: '2026-03-01T00:00:00Z',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'effectiveFrom' })]);
    expect(
      (await putAs(t, headers, `/admin/accounts/${subId}/reimbursement-rate`, { reimbursementRateEur: '11' }))
        .statusCode,
    ).toBe(400);
    // A customer account has no rate of its own: its end-users do.
    expect(
      (
        await putAs(t, headers, `/admin/accounts/${parentId}/reimbursement-rate`, {
          reimbursementRateEur: '0.3',
        })
      ).statusCode,
    ).toBe(404);
  });

  it("keeps an end-user's agreed rate from when they join, and lets it be changed or stopped", async () => {
    t.clock.set(new Date('2026-02-12T09:00:00Z'));
    const { headers } = await operatorStaff(t, ['admin']);
    const { accountId } = (
      await postAs(t, headers, '/admin/customers', { email: newEmail('family') })
    ).json();
    const email = newEmail('driver');
    await postAs(t, headers, '/admin/end-users', {
      email,
      role: 'driver',
      accountId,
      reimbursementRateEur: '0.1',
    });
    t.clock.set(new Date('2026-02-12T20:00:00Z'));
    const userId = await accept(email);
    const url = `/admin/accounts/${accountId}/members/${userId}`;
    const joined = await getAs(t, headers, `${url}/reimbursement-rates`);
    expect(joined.json()).toMatchObject({
      userId,
      reimbursementRateEur: '0.1000',
      history: [{ rateEur: '0.1000', effectiveFrom: '2026-02-12T20:00:00.000Z', setBy: null }],
    });

    t.clock.set(new Date('2026-02-14T09:00:00Z'));
    const stopped = await putAs(t, headers, `${url}/reimbursement-rate`, { reimbursementRateEur: null });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().reimbursementRateEur).toBeNull();
    const listed = await getAs(t, headers, `/admin/customers?q=${email}`);
    expect(listed.json().items).toEqual([expect.objectContaining({ reimbursementRateEur: null })]);

    expect(
      (
        await getAs(
          t,
          headers,
          `/admin/accounts/${accountId}/members/${crypto.randomUUID()}/reimbursement-rates`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('lets admins and customer managers change rates; finance and support read or nothing', async () => {
    const { headers: admin } = await operatorStaff(t, ['admin']);
    const { accountId: parentId } = (
      await postAs(t, admin, '/admin/customers', { email: newEmail('p') })
    ).json();
    const { accountId: subId } = (
      await postAs(t, admin, `/admin/accounts/${parentId}/sub-accounts`, {
        usage: 'subsidiary',
        name: 'Daughter',
        email: newEmail('d'),
        type: 'consumer',
        reimbursementRateEur: '0.25',
      })
    ).json();
    const change = { reimbursementRateEur: '0.26' };
    const finance = (await operatorStaff(t, ['finance'])).headers;
    const support = (await operatorStaff(t, ['support'])).headers;
    expect((await putAs(t, finance, `/admin/accounts/${subId}/reimbursement-rate`, change)).statusCode).toBe(
      403,
    );
    expect((await putAs(t, support, `/admin/accounts/${subId}/reimbursement-rate`, change)).statusCode).toBe(
      403,
    );
    expect((await getAs(t, finance, `/admin/accounts/${subId}/reimbursement-rates`)).statusCode).toBe(200);
    expect((await getAs(t, support, `/admin/accounts/${subId}/reimbursement-rates`)).statusCode).toBe(403);
    expect((await putAs(t, admin, `/admin/accounts/${subId}/reimbursement-rate`, change)).statusCode).toBe(
      200,
    );
  });
});
