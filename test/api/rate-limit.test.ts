// The rate limit fits a city (issue: hardening, item 5): a signed-in caller counts by its token's
// subject, so two people behind one address (an agency's proxy) do not share a bucket; anyone else,
// a refused token included, counts by address; the probes are never limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

const LIMIT = 5;
let stack: Stack;
let first: string, second: string;

beforeAll(async () => {
  stack = await startStack({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  // Minting the two tokens costs this address two of its five.
  first = await stack.token('clerk-1', ['bureau_admin']);
  second = await stack.token('clerk-2', ['bureau_admin']);
});
afterAll(async () => stack?.close());

describe('rate limit', () => {
  it('counts each subject on its own, anyone else by address, and never the probes', async () => {
    for (let i = 0; i < LIMIT; i++)
      expect((await stack.request('GET', '/api/v1/agencies', { token: first })).status).toBe(200);
    const limited = await stack.request('GET', '/api/v1/agencies', { token: first });
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(limited.body.detail).toMatch(/more than 5 requests a minute/);
    // The same address, another person: a bucket of its own.
    expect((await stack.request('GET', '/api/v1/agencies', { token: second })).status).toBe(200);
    // Probes are not counted, however often a load balancer calls them.
    for (let i = 0; i < 2 * LIMIT; i++) expect((await stack.request('GET', '/health')).status).toBe(200);
    expect((await stack.request('GET', '/ready')).status).toBe(200);
    // A refused token counts against the address (three left after the two mints), then is limited too.
    for (let i = 0; i < LIMIT - 2; i++)
      expectProblem(await stack.request('GET', '/api/v1/agencies', { token: 'forged' }), 401, 'UNAUTHENTICATED');
    expectProblem(await stack.request('GET', '/api/v1/agencies', { token: 'forged' }), 429, 'RATE_LIMITED');
    expectProblem(await stack.request('GET', '/api/v1/agencies'), 429, 'RATE_LIMITED');
    // The signed-in person who still has requests left is not held back by the address.
    expect((await stack.request('GET', '/api/v1/agencies', { token: second })).status).toBe(200);
  });
});
