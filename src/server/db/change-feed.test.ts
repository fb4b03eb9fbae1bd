import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../test/db.ts';
import { bearer, buildUser, buildVehicle, signIn } from '../test/factories.ts';
import { startSecondInstance, useTestApp } from '../test/server.ts';

/** Waits for a condition that another connection makes true, for at most `ms`. */
async function eventually(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('caches follow the database through the change feed', () => {
  const t = useTestApp();

  async function household() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend' });
    const { vehicle } = await buildVehicle(t.database.db, { primary, secondaries: [friend] });
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return {
      vehicle,
      primary,
      friend,
      primaryHeaders: await headersOf(primary),
      friendHeaders: await headersOf(friend),
    };
  }
  const readVehicle = (app: typeof t.app, vid: string, headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: `/api/v1/vehicles/${vid}`, headers });

  it('drops a cached vehicle when its row changes, even by a write outside keyfob', async () => {
    const { vehicle, friendHeaders } = await household();
    expect((await readVehicle(t.app, vehicle.id, friendHeaders)).json().status).toEqual({});
    await t.database.db.execute(sql`update vehicles set sharing_level = 'limited' where id = ${vehicle.id}`);
    await t.app.changes.settle();
    expect((await readVehicle(t.app, vehicle.id, friendHeaders)).json().status).toEqual({
      positionHidden: 'limited_sharing',
    });
  });

  it('drops a cached session when it is revoked or its user deactivated in the database', async () => {
    const { vehicle, primary, friend, primaryHeaders, friendHeaders } = await household();
    expect((await readVehicle(t.app, vehicle.id, friendHeaders)).statusCode).toBe(200);
    expect((await readVehicle(t.app, vehicle.id, primaryHeaders)).statusCode).toBe(200);
    await t.database.db.execute(sql`update sessions set revoked_at = now() where user_id = ${friend.id}`);
    await t.database.db.execute(sql`update users set status = 'deactivated' where id = ${primary.id}`);
    await t.app.changes.settle();
    expect((await readVehicle(t.app, vehicle.id, friendHeaders)).statusCode).toBe(401);
    expect((await readVehicle(t.app, vehicle.id, primaryHeaders)).statusCode).toBe(401);
  });

  it('cuts off a member deleted in the database', async () => {
    const { vehicle, friend, friendHeaders } = await household();
    expect((await readVehicle(t.app, vehicle.id, friendHeaders)).statusCode).toBe(200);
    await t.database.db.execute(sql`delete from vehicle_memberships where user_id = ${friend.id}`);
    await t.app.changes.settle();
    expect((await readVehicle(t.app, vehicle.id, friendHeaders)).statusCode).toBe(404);
  });

  describe.runIf(testDatabaseKind() === 'postgres')(
    'across instances on one PostgreSQL (skipped on PGlite: one process, no second instance)',
    () => {
      let second: Awaited<ReturnType<typeof startSecondInstance>>;
      beforeAll(async () => {
        second = await startSecondInstance(t);
      });
      afterAll(async () => {
        await second?.close();
      });

      it("sees another instance's removal and sign-out as soon as the notifications arrive", async () => {
        const { vehicle, friend, primaryHeaders, friendHeaders } = await household();
        // Both instances have the vehicle and both sessions cached.
        for (const app of [t.app, second.app]) {
          expect((await readVehicle(app, vehicle.id, friendHeaders)).statusCode).toBe(200);
          expect((await readVehicle(app, vehicle.id, primaryHeaders)).statusCode).toBe(200);
        }
        const removed = await second.app.inject({
          method: 'DELETE',
          url: `/api/v1/vehicles/${vehicle.id}/users/${friend.id}`,
          headers: primaryHeaders,
        });
        expect(removed.statusCode).toBe(204);
        const loggedOut = await second.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          headers: primaryHeaders,
        });
        expect(loggedOut.statusCode).toBe(204);
        // Settling the first instance proves it has heard every change committed before now.
        await t.app.changes.settle();
        expect((await readVehicle(t.app, vehicle.id, friendHeaders)).statusCode).toBe(404);
        expect((await readVehicle(t.app, vehicle.id, primaryHeaders)).statusCode).toBe(401);
      });

      it('serves nothing from the cache while the listening connection is down, and listens again', async () => {
        const { vehicle, friendHeaders } = await household();
        expect((await readVehicle(t.app, vehicle.id, friendHeaders)).json().status).toEqual({});
        const listeners = await t.database.db.$count(
          sql`pg_stat_activity`,
          sql`datname = current_database() and query ilike 'LISTEN%'`,
        );
        expect(listeners).toBe(2); // one per instance
        await t.database.db.execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query ilike 'LISTEN%'`,
        );
        await eventually(() => !t.app.changes.isLive);
        // A change made while nobody listens is read from the database, not the stale cache.
        await t.database.db.execute(
          sql`update vehicles set sharing_level = 'limited' where id = ${vehicle.id}`,
        );
        expect((await readVehicle(t.app, vehicle.id, friendHeaders)).json().status).toEqual({
          positionHidden: 'limited_sharing',
        });
        await eventually(() => t.app.changes.isLive && second.app.changes.isLive);
        await t.database.db.execute(
          sql`update vehicles set sharing_level = 'shared' where id = ${vehicle.id}`,
        );
        await t.app.changes.settle();
        expect((await readVehicle(t.app, vehicle.id, friendHeaders)).json().status).toEqual({});
      });
    },
  );
});
