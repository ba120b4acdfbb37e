// A dependency that is down is the contract's 503 UNAVAILABLE with Retry-After, never a 500, and /ready
// names what fails without the driver's text (issue: hardening, item 3). The API here points at a
// database port and a Temporal port where nothing listens: real connections, refused.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createAuthenticator } from '../../api/plugins/auth.js';
import { openDatabase, type Database } from '../../db/client.js';
import { parseConfig } from '../../lib/config.js';
import { testLogger } from '../helpers/logger.js';

let app: FastifyInstance;
let database: Database;
let connection: Connection;
let staff: string, admin: string;

beforeAll(async () => {
  const config = parseConfig({
    AUTH_MODE: 'dev',
    NODE_ENV: 'development',
    RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
  });
  database = await openDatabase({ url: config.databaseUrl!, poolMax: 2 });
  connection = Connection.lazy({ address: '127.0.0.1:1' });
  app = await buildApp({ database, temporal: new Client({ connection }), config, logger: testLogger });
  const sign = createAuthenticator(config.auth).sign!;
  staff = await sign({ sub: 'u-staff', roles: ['agency_staff'], agency: 'A1' });
  admin = await sign({ sub: 'u-admin', roles: ['bureau_admin'] });
});
afterAll(async () => {
  await app?.close();
  await connection?.close().catch(() => undefined);
  await database?.close().catch(() => undefined);
});

describe('dependencies down', () => {
  it('answers reads and writes that need the database with 503 UNAVAILABLE and Retry-After', async () => {
    for (const [method, url, token, payload] of [
      ['GET', '/api/v1/agencies', admin, undefined],
      ['GET', '/api/v1/share-applications', staff, undefined],
      ['POST', '/api/v1/agencies', admin, { code: 'A9', name: '某局', level: 'municipal' }],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('5');
      const body = res.json();
      expect(body).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
      expect(body.detail).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|postgres/);
    }
  });

  it('says on /ready which dependency fails, in its own words', async () => {
    const res = await app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      database: { ok: false, error: 'unreachable' },
      temporal: { ok: false, error: expect.stringMatching(/^(unreachable|no answer within 3 s)$/) },
    });
  });
});
