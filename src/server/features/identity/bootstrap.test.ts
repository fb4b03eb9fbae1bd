import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organizations, users } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/server.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { bootstrapOperator } from './bootstrap.ts';

describe('bootstrap and demo data', () => {
  const t = useTestApp();

  it('creates the operator and its first admin once, and that admin can sign in', async () => {
    const admin = { email: ' Boss@Keyfob.TEST ', password: 'bootstrap passphrase 1' };
    expect(await bootstrapOperator(t.database.db, admin, t.clock.now())).toBe(true);
    expect(
      await bootstrapOperator(t.database.db, { ...admin, email: 'other@keyfob.test' }, t.clock.now()),
    ).toBe(false);
    expect(
      await t.database.db.select().from(organizations).where(eq(organizations.kind, 'operator')),
    ).toHaveLength(1);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'other@keyfob.test'))).toHaveLength(
      0,
    );

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'boss@keyfob.test', password: admin.password },
    });
    expect(login.statusCode).toBe(200);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${login.json().token}` },
    });
    expect(me.json().staff).toEqual([
      expect.objectContaining({ organizationKind: 'operator', roles: ['admin'] }),
    ]);
  });

  it('refuses a weak bootstrap password', async () => {
    await expect(
      bootstrapOperator(
        t.database.db,
        { email: 'weak@keyfob.test', password: 'password1234' },
        t.clock.now(),
      ),
    ).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('seeds the demo once, beside an existing operator, with working logins', async () => {
    await seedDemo(t.database.db, t.clock.now());
    await seedDemo(t.database.db, t.clock.now());
    expect(
      await t.database.db.select().from(organizations).where(eq(organizations.name, 'Nørre Auto')),
    ).toHaveLength(1);
    for (const demo of DEMO_LOGINS) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: demo.email, password: DEMO_PASSWORD },
      });
      expect(login.statusCode, demo.email).toBe(200);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${login.json().token}` },
      });
      const reach = [...me.json().staff, ...me.json().vehicles];
      expect(reach.length, `${demo.email} has something to see`).toBeGreaterThan(0);
    }
  });
});
