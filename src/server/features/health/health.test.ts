import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/db.ts';
import { useTestApp } from '../../test/server.ts';

describe('health and the API shell', () => {
  const t = useTestApp();

  it('answers liveness without touching the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers readiness from the database it runs on', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', database: testDatabaseKind() });
  });

  it('answers an unknown API route with 404 problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      instance: '/api/v1/no-such-thing',
      requestId: response.headers['x-request-id'],
    });
  });

  it('answers malformed JSON with 400 validation_failed, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/anything',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/readyz'].get.responses['200'].content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { database: { enum: ['embedded', 'postgres'] } },
    });
  });

  it('serves the browsable API reference', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
  });
});
