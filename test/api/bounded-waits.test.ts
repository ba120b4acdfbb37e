// Bounded waits and the framework's own answers (issue: hardening, item 12): a request past its
// deadline is 503 with Retry-After; requests are shed while the event loop lags, the probes never;
// Fastify's and Node's refusals of a URL or of headers are problem documents that do not echo the URL.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { parseConfig } from '../../lib/config.js';
import { testLogger } from '../helpers/logger.js';

let app: FastifyInstance, pressured: FastifyInstance;
let database: Database;
let baseUrl: string, pressuredUrl: string;

const listening = async (a: FastifyInstance) => {
  await a.listen({ port: 0, host: '127.0.0.1' });
  const address = a.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

beforeAll(async () => {
  database = await openDatabase({});
  await database.migrate();
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const base = { AUTH_MODE: 'dev', NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '0' };
  // One API with a deadline of 1 s, and one that sheds load past 50 ms of event-loop lag.
  app = await buildApp({
    database,
    temporal,
    config: parseConfig({ ...base, REQUEST_DEADLINE_SECONDS: '1', MAX_EVENT_LOOP_DELAY_MS: '0' }),
    logger: testLogger,
  });
  pressured = await buildApp({
    database,
    temporal,
    config: parseConfig({ ...base, MAX_EVENT_LOOP_DELAY_MS: '50' }),
    logger: testLogger,
  });
  // Routes of the test's own: one slower than the deadline, one that holds the event loop.
  app.get('/api/v1/test/slow', { schema: { security: [] } }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    return { late: true };
  });
  pressured.get('/api/v1/test/block', { schema: { security: [] } }, async () => {
    const until = Date.now() + 900;
    while (Date.now() < until) {
      /* a synchronous step that holds the event loop */
    }
    return { blocked: true };
  });
  [baseUrl, pressuredUrl] = [await listening(app), await listening(pressured)];
});
afterAll(async () => {
  await app?.close();
  await pressured?.close();
  await database?.close();
});

const problemOf = async (res: Response) => ({
  status: res.status,
  type: res.headers.get('content-type'),
  retryAfter: res.headers.get('retry-after'),
  body: (await res.json()) as { code: string; status: number; detail: string },
});

describe('bounded waits', () => {
  it('answers a request past its deadline with 503 and Retry-After', async () => {
    const started = Date.now();
    const res = await problemOf(await fetch(`${baseUrl}/api/v1/test/slow`));
    expect(Date.now() - started).toBeLessThan(2400);
    expect(res).toMatchObject({
      status: 503,
      type: expect.stringMatching(/^application\/problem\+json/),
      retryAfter: '5',
      body: { code: 'UNAVAILABLE', detail: expect.stringMatching(/no answer within 1 s/) },
    });
  });

  it('sheds requests while the event loop lags, and still answers the probes', async () => {
    let shed: Awaited<ReturnType<typeof problemOf>> | null = null;
    for (let round = 0; round < 5 && !shed; round++) {
      await fetch(`${pressuredUrl}/api/v1/test/block`);
      for (let i = 0; i < 10 && !shed; i++) {
        const res = await fetch(`${pressuredUrl}/api/v1/calendar/working-days?from=2026-12-01&days=3`);
        if (res.status === 503) shed = await problemOf(res);
        else await res.arrayBuffer();
        expect((await fetch(`${pressuredUrl}/health`)).status).toBe(200);
        if (!shed) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(shed).toMatchObject({ status: 503, retryAfter: '5', body: { code: 'UNAVAILABLE' } });
    expect(shed!.body.detail).toMatch(/overloaded/);
  });
});

describe("the framework's own refusals", () => {
  it('answers a path parameter past its length with 414 as a problem, not echoing the URL', async () => {
    const res = await problemOf(await fetch(`${baseUrl}/api/v1/share-applications/${'x'.repeat(500)}`));
    expect(res).toMatchObject({ status: 414, body: { code: 'URI_TOO_LONG', status: 414 } });
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toContain('xxxxxxxxxx');
  });

  it('answers a malformed %-escape with 400 as a problem', async () => {
    const res = await problemOf(await fetch(`${baseUrl}/api/v1/share-applications/%E0%A4%A`));
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(res.type).toMatch(/^application\/problem\+json/);
  });

  it("answers headers past Node's limit with 431 as a problem", async () => {
    const { port } = new URL(baseUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toMatch(/Content-Type: application\/problem\+json/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'HEADERS_TOO_LARGE',
    });
  });
});
