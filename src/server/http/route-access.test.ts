import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/test-app.ts';

/**
 * Every route declares who may call it, and none but the declared public ones answers without
 * a session. A new route without `config.access` fails here.
 */
describeEachDatabase('route access', (t) => {
  const collected = () =>
    t().app.routeTable.map((r) => ({ method: r.method, url: r.url, access: r.route.config?.access }));

  it('every route has an access policy', async () => {
    const missing = collected().filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(collected().length).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  it('every non-public API route answers 401 without a session', async () => {
    const protectedRoutes = collected().filter((r) => r.access !== 'public' && r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(protectedRoutes.length).toBeGreaterThan(10);
    for (const route of protectedRoutes) {
      const url = route.url.replace(/:id/g, '00000000-0000-4000-8000-000000000000');
      const res = await t().app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('serves the OpenAPI 3.1 document and the API reference page', async () => {
    const spec = await t().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe('3.1.0');
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/clients', '/api/clients/{id}/processing-log']));
    const docs = await t().app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers an unknown API path with problem+json 404', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

