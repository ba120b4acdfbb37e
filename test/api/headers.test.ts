// Headers (issue: hardening, items 6 and 9): no cache keeps an API answer (personal data, one-time
// credentials); /docs has a strict Content-Security-Policy; /metrics is read only from the operators'
// network or with the metrics token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';
let stack: Stack;
let admin: string;

beforeAll(async () => {
  stack = await startStack({ METRICS_ALLOW: '10.0.0.0/8, 192.168.1.7', METRICS_TOKEN });
  admin = await stack.token('admin', ['bureau_admin']);
});
afterAll(async () => stack?.close());

describe('headers', () => {
  it('marks every API answer no-store, errors included', async () => {
    const list = await fetch(`${stack.baseUrl}/api/v1/agencies`, { headers: { authorization: `Bearer ${admin}` } });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${stack.baseUrl}/api/v1/share-applications/${crypto.randomUUID()}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a method a path does not take with 405 and the methods it does', async () => {
    const id = crypto.randomUUID();
    for (const [method, path, allow] of [
      ['DELETE', `/api/v1/share-applications/${id}`, 'GET, HEAD'],
      ['PUT', '/api/v1/share-applications', 'GET, HEAD, POST'],
      ['PATCH', `/api/v1/share-applications/${id}/decision`, 'POST'],
    ] as const) {
      const res = await fetch(`${stack.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${admin}` } });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    }
    // A method with a body and no Content-Type (QUERY) is told the same, not that its body is unreadable.
    const query = await fetch(`${stack.baseUrl}/api/v1/agencies`, { method: 'QUERY' });
    expect(query.status).toBe(405);
    expect(query.headers.get('allow')).toBe('GET, HEAD, POST');
    // A path the API does not have is still 404, whatever the method.
    const none = await fetch(`${stack.baseUrl}/api/v1/no-such-thing`, { method: 'DELETE' });
    expect(none.status).toBe(404);
  });

  it('serves /docs with a policy that allows no inline or foreign script', async () => {
    const res = await fetch(`${stack.baseUrl}/docs/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scripts).toContain("'self'");
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});

describe('/metrics', () => {
  it('answers 403 outside the operators’ network without the token', async () => {
    // The test calls from 127.0.0.1, which this deployment's METRICS_ALLOW leaves out.
    expectProblem(await stack.request('GET', '/metrics'), 403, 'FORBIDDEN');
    expectProblem(await stack.request('GET', '/metrics', { token: 'not-the-token' }), 403, 'FORBIDDEN');
    // A user's token is no metrics token, however valid.
    expectProblem(await stack.request('GET', '/metrics', { token: admin }), 403, 'FORBIDDEN');
  });

  it('answers the scraper with the token, and the operators’ network without it', async () => {
    const withToken = await stack.request('GET', '/metrics', { token: METRICS_TOKEN });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain('shuzhi_http_request_duration_seconds');
    for (const remoteAddress of ['10.20.30.40', '192.168.1.7', '::ffff:10.0.0.1']) {
      const res = await stack.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
    }
    expect((await stack.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.168.1.8' })).statusCode).toBe(
      403,
    );
  });
});
