import { describe, expect, it } from 'vitest';
import { lastMailTo, linkToken } from '../../test/mail.ts';
import { operatorStaff } from '../../test/people.ts';
import { useTestApp } from '../../test/server.ts';

let counter = 0;
const newEmail = (prefix = 'customer') => `${prefix}-${counter++}@example.test`;
const PASSWORD = 'a long enough passphrase';
const COMPANY = {
  name: 'Fleet ApS',
  registrationNumber: 'DK12345678',
  address: 'Havnegade 1, København',
  country: 'dk',
};

describe('customers, accounts and sub-accounts', () => {
  const t = useTestApp();

  const post = (url: string, headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  async function acceptFromMail(email: string, body: object) {
    const link = linkToken((await lastMailTo(t.database.db, email)).text, 'activate');
    return t.app.inject({ method: 'POST', url: `/api/v1/invitations/${link}/accept`, payload: body });
  }

  it('Invite client: a consumer account named after its owner at activation', async () => {
    const { headers } = await operatorStaff(t, ['customer_manager']);
    const email = newEmail();
    const created = await post('/api/v1/admin/customers', headers, { email });
    expect(created.statusCode, created.body).toBe(201);
    const { accountId } = created.json();
    const mail = await lastMailTo(t.database.db, email);
    expect(mail.text).toContain('a new keyfob account as account owner');

    const pending = await get(`/api/v1/admin/customers?q=${email}`, headers);
    expect(pending.json().items).toEqual([
      expect.objectContaining({
        email,
        role: 'account_owner',
        invitationStatus: 'pending',
        account: { id: accountId, name: '' },
      }),
    ]);
    expect((await acceptFromMail(email, { name: 'Carla Consumer', password: PASSWORD })).statusCode).toBe(
      200,
    );

    const account = await get(`/api/v1/admin/accounts/${accountId}`, headers);
    expect(account.json()).toMatchObject({
      name: 'Carla Consumer',
      type: 'consumer',
      usage: null,
      reimbursementMode: null,
      members: [
        expect.objectContaining({
          email,
          name: 'Carla Consumer',
          role: 'account_owner',
          invitationStatus: 'active',
        }),
      ],
    });
  });

  it('Invite client: a business account needs company details to activate, and takes the company name', async () => {
    const { headers } = await operatorStaff(t, ['admin']);
    const email = newEmail('business');
    const { accountId } = (
      await post('/api/v1/admin/customers', headers, { email, type: 'business' })
    ).json();
    const link = linkToken((await lastMailTo(t.database.db, email)).text, 'activate');
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${link}` });
    expect(view.json()).toMatchObject({ kind: 'customer', needsCompanyDetails: true });

    const without = await acceptFromMail(email, { name: 'Bo Business', password: PASSWORD });
    expect(without.statusCode).toBe(400);
    expect(without.json().errors).toEqual([expect.objectContaining({ field: 'company' })]);
    const partial = await acceptFromMail(email, { name: 'Bo', password: PASSWORD, company: { name: 'X' } });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors.map((e: { field: string }) => e.field)).toContain(
      'company.registrationNumber',
    );

    expect(
      (await acceptFromMail(email, { name: 'Bo Business', password: PASSWORD, company: COMPANY })).statusCode,
    ).toBe(200);
    expect((await get(`/api/v1/admin/accounts/${accountId}`, headers)).json()).toMatchObject({
      name: 'Fleet ApS',
      type: 'business',
      company: { ...COMPANY, country: 'DK' },
    });
  });

  it('Add end-user: a driver of an existing account with an exact agreed rate', async () => {
    const { headers } = await operatorStaff(t, ['customer_manager']);
    const { accountId } = (
      await post('/api/v1/admin/customers', headers, { email: newEmail(), accountName: 'Hansen Family' })
    ).json();
    const found = await get('/api/v1/admin/accounts?q=hans', headers);
    expect(found.json().items.map((a: { id: string }) => a.id)).toContain(accountId);

    const email = newEmail('driver');
    const added = await post('/api/v1/admin/end-users', headers, {
      email,
      role: 'driver',
      accountId,
      reimbursementRateEur: 0.1,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await lastMailTo(t.database.db, email)).text).toContain('the account Hansen Family as driver');
    expect((await acceptFromMail(email, { name: 'Dan Driver', password: PASSWORD })).statusCode).toBe(200);
    const listed = (await get(`/api/v1/admin/customers?q=${email}`, headers)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ role: 'driver', invitationStatus: 'active', reimbursementRateEur: '0.1000' }),
    ]);
    const again = await post('/api/v1/admin/end-users', headers, { email, role: 'driver', accountId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_a_member');
  });

  it('names the field of bad end-user input', async () => {
    const { headers } = await operatorStaff(t, ['customer_manager']);
    const { accountId } = (await post('/api/v1/admin/customers', headers, { email: newEmail() })).json();
    const fieldsOf = async (payload: object) => {
      const response = await post('/api/v1/admin/end-users', headers, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      return response.json().errors.map((e: { field: string }) => e.field);
    };
    const ok = { email: newEmail(), role: 'driver', accountId };
    expect(await fieldsOf({ ...ok, email: 'nope' })).toEqual(['email']);
    const missingRole = await post('/api/v1/admin/end-users', headers, { email: newEmail(), accountId });
    expect(missingRole.json().errors).toEqual([
      expect.objectContaining({ field: 'role', in: 'body', code: 'required' }),
    ]);
    const unknown = await post('/api/v1/admin/end-users', headers, { ...ok, accountId: crypto.randomUUID() });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'accountId', code: 'not_found' }),
    ]);
    expect(await fieldsOf({ ...ok, role: 'captain' })).toEqual(['role']);
    expect(await fieldsOf({ ...ok, reimbursementRateEur: -0.1 })).toEqual(['reimbursementRateEur']);
    expect(await fieldsOf({ ...ok, reimbursementRateEur: 1000 })).toEqual(['reimbursementRateEur']);
    expect(await fieldsOf({ ...ok, reimbursementRateEur: '0.12345' })).toEqual(['reimbursementRateEur']);
    expect(await fieldsOf({ ...ok, reimbursementRateEur: 'NaN' })).toEqual(['reimbursementRateEur']);
    expect(await fieldsOf({ ...ok, accountId: crypto.randomUUID() })).toEqual(['accountId']);
    expect(await fieldsOf({ ...ok, accountId: 'x' })).toEqual(['accountId']);
  });

  it('Add sub-account: employee is reimbursed automatically, subsidiary manually; business asks for company', async () => {
    const { headers } = await operatorStaff(t, ['customer_manager']);
    const { accountId } = (
      await post('/api/v1/admin/customers', headers, { email: newEmail(), accountName: 'Parent Group' })
    ).json();
    const employeeEmail = newEmail('employee');
    const employee = await post(`/api/v1/admin/accounts/${accountId}/sub-accounts`, headers, {
      usage: 'employee',
      name: 'Erik at home',
      email: employeeEmail,
      type: 'consumer',
      reimbursementRateEur: '0.35',
    });
    expect(employee.statusCode, employee.body).toBe(201);
    const subsidiaryEmail = newEmail('subsidiary');
    const subsidiary = await post(`/api/v1/admin/accounts/${accountId}/sub-accounts`, headers, {
      usage: 'subsidiary',
      name: 'Parent Nord',
      email: subsidiaryEmail,
      type: 'business',
      reimbursementRateEur: 0.3,
    });
    expect(subsidiary.statusCode).toBe(201);

    const parent = (await get(`/api/v1/admin/accounts/${accountId}`, headers)).json();
    expect(parent.subAccounts).toEqual([
      expect.objectContaining({
        name: 'Erik at home',
        usage: 'employee',
        reimbursementMode: 'automatic',
        reimbursementRateEur: '0.3500',
      }),
      expect.objectContaining({
        name: 'Parent Nord',
        usage: 'subsidiary',
        reimbursementMode: 'manual',
        reimbursementRateEur: '0.3000',
      }),
    ]);
    expect((await acceptFromMail(subsidiaryEmail, { name: 'Sia', password: PASSWORD })).statusCode).toBe(400);
    expect(
      (await acceptFromMail(subsidiaryEmail, { name: 'Sia', password: PASSWORD, company: COMPANY }))
        .statusCode,
    ).toBe(200);
    const sub = (await get(`/api/v1/admin/accounts/${subsidiary.json().accountId}`, headers)).json();
    expect(sub).toMatchObject({
      name: 'Parent Nord',
      parentAccountId: accountId,
      company: { name: 'Fleet ApS' },
    });

    const bad = await post(`/api/v1/admin/accounts/${accountId}/sub-accounts`, headers, {
      usage: 'branch',
      name: '',
      email: 'x',
      type: 'consumer',
      reimbursementRateEur: -1,
    });
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['email', 'name', 'reimbursementRateEur', 'usage']);
    const unknownParent = await post(`/api/v1/admin/accounts/${crypto.randomUUID()}/sub-accounts`, headers, {
      usage: 'employee',
      name: 'N',
      email: newEmail(),
      type: 'consumer',
      reimbursementRateEur: 0,
    });
    expect(unknownParent.statusCode).toBe(404);
  });

  it('lets each operator role do what SPEC §2 says, and hides rates from support', async () => {
    const manager = await operatorStaff(t, ['customer_manager']);
    const { accountId } = (
      await post('/api/v1/admin/customers', manager.headers, { email: newEmail(), accountName: 'Rated' })
    ).json();
    const driverEmail = newEmail('rated');
    const { invitationId } = (
      await post('/api/v1/admin/end-users', manager.headers, {
        email: driverEmail,
        role: 'driver',
        accountId,
        reimbursementRateEur: 0.2,
      })
    ).json();

    const support = await operatorStaff(t, ['support']);
    const finance = await operatorStaff(t, ['finance']);
    for (const reader of [support, finance]) {
      expect((await get('/api/v1/admin/customers', reader.headers)).statusCode).toBe(200);
      expect((await get(`/api/v1/admin/accounts/${accountId}`, reader.headers)).statusCode).toBe(200);
      expect((await post('/api/v1/admin/customers', reader.headers, { email: newEmail() })).statusCode).toBe(
        403,
      );
      expect(
        (
          await post('/api/v1/admin/end-users', reader.headers, {
            email: newEmail(),
            role: 'driver',
            accountId,
          })
        ).statusCode,
      ).toBe(403);
      const resend = await post(`/api/v1/admin/invitations/${invitationId}/resend`, reader.headers, {});
      expect(resend.statusCode).toBe(404);
    }
    const seenBySupport = (await get(`/api/v1/admin/customers?q=${driverEmail}`, support.headers)).json()
      .items[0];
    expect(seenBySupport).not.toHaveProperty('reimbursementRateEur');
    const seenByFinance = (await get(`/api/v1/admin/customers?q=${driverEmail}`, finance.headers)).json()
      .items[0];
    expect(seenByFinance.reimbursementRateEur).toBe('0.2000');

    expect(
      (await post(`/api/v1/admin/invitations/${invitationId}/resend`, manager.headers, {})).statusCode,
    ).toBe(200);
    const systemUser = await post('/api/v1/admin/system-users', manager.headers, {
      email: newEmail(),
      organizationId: manager.operator.id,
      roles: ['support'],
    });
    expect(systemUser.statusCode).toBe(403);
  });

  it('pages the customer list by email with a cursor', async () => {
    const { headers } = await operatorStaff(t, ['customer_manager']);
    const emails = Array.from({ length: 55 }, (_, i) => `zz-page-${String(i).padStart(2, '0')}@example.test`);
    for (const email of emails) await post('/api/v1/admin/customers', headers, { email });
    const first = (await get('/api/v1/admin/customers?q=zz-page', headers)).json();
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await get(`/api/v1/admin/customers?q=zz-page&cursor=${first.nextCursor}`, headers)
    ).json();
    expect([...first.items, ...second.items].map((item: { email: string }) => item.email)).toEqual(emails);
    expect(second.nextCursor).toBeNull();
    expect((await get('/api/v1/admin/customers?q=ZZ-PAGE-5', headers)).json().items).toHaveLength(5);
    expect((await get('/api/v1/admin/customers?q=zz%25', headers)).json().items).toHaveLength(0);
  });
});
