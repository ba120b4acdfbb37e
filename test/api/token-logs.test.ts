// The bearer token never reaches a log: not on a request line, not on an error, not at trace level.
import { createLogger } from '../../lib/logger.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

const lines: string[] = [];
let stack: Stack;

beforeAll(async () => {
  stack = await startStack(
    {},
    {
      // The API's own logger (lib/logger.ts), at its most talkative level.
      logger: createLogger({
        level: 'trace',
        destination: {
          write: (line: string) => {
            lines.push(line);
          },
        },
      }),
    },
  );
});
afterAll(async () => {
  await stack?.close();
});

describe('tokens in logs', () => {
  it('logs requests, refusals and errors without the token', async () => {
    const token = await stack.token('clerk-1', ['agency_staff'], 'BZ-X');
    expect((await stack.request('GET', '/api/v1/session', { token })).status).toBe(200);
    expect((await stack.request('GET', '/api/v1/assessment-cycles', { token })).status).toBe(403);
    expect((await stack.request('GET', '/api/v1/share-applications/not-a-uuid', { token })).status).toBe(400);
    expect((await stack.request('GET', '/api/v1/session', { token: `${token}x` })).status).toBe(401);
    // The requests were logged (so the test looks at real lines) …
    expect(lines.filter((l) => l.includes('/api/v1/session')).length).toBeGreaterThanOrEqual(2);
    // … and none of them holds the token, or even its signature.
    const signature = token.split('.')[2]!;
    expect(lines.filter((l) => l.includes(signature))).toEqual([]);
  });
});
