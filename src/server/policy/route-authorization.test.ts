import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/server.ts';

type Actor = 'anonymous';

interface AuthorizationCase {
  as: Actor;
  /** A concrete URL for routes with parameters or wildcards; the route itself otherwise. */
  url?: string;
  expectStatus: number;
}

/**
 * Who may call every registered route, and what they get. A route missing here fails the suite:
 * adding a route means saying, and testing, who may reach it. Keys are `METHOD /path`.
 */
const AUTHORIZATION_CASES: Record<string, AuthorizationCase[]> = {
  'GET /healthz': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /readyz': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/openapi.json': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/json': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/yaml': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/static/index.html': [{ as: 'anonymous', expectStatus: 302 }],
  'GET /api/docs/static/swagger-initializer.js': [{ as: 'anonymous', expectStatus: 200 }],
  'GET /api/docs/static/*': [{ as: 'anonymous', url: '/api/docs/static/swagger-ui.css', expectStatus: 200 }],
  'GET /assets/*': [{ as: 'anonymous', url: '/assets/app.js', expectStatus: 200 }],
};

describe('route authorization', () => {
  let t: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    // A stand-in web build, so the asset route is registered whether or not `vite build` ran.
    webRoot = await mkdtemp(join(tmpdir(), 'keyfob-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>keyfob</title>');
    await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp({ webRoot });
  }, 60_000);

  afterAll(async () => {
    await t.app.close();
    await t.database.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('has authorization cases for every registered route, and none for routes that are gone', () => {
    const registered = t.app.routeCatalogue.map((route) => `${route.method} ${route.url}`);
    const missing = registered.filter((key) => !AUTHORIZATION_CASES[key]?.length);
    const stale = Object.keys(AUTHORIZATION_CASES).filter((key) => !registered.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('keeps the declared access of every route (review a change here as a permission change)', () => {
    const lines = t.app.routeCatalogue
      .map((route) => `${route.method} ${route.url} -> ${route.access}`)
      .sort();
    expect(lines).toMatchSnapshot();
  });

  for (const [key, cases] of Object.entries(AUTHORIZATION_CASES)) {
    for (const authorizationCase of cases) {
      it(`${key} as ${authorizationCase.as} answers ${authorizationCase.expectStatus}`, async () => {
        const [method = 'GET', path = '/'] = key.split(' ');
        const response = await t.app.inject({
          method: method as 'GET',
          url: authorizationCase.url ?? path,
        });
        expect(response.statusCode).toBe(authorizationCase.expectStatus);
      });
    }
  }
});
