// The OpenAPI document the API serves, built without a database or a Temporal server: the console's
// typed client (console/src/api/schema.d.ts) and docs/openapi.json are generated from it.
import { Client, Connection } from '@temporalio/client';
import openapiTS from 'openapi-typescript';
import type { Database } from '../db/client.js';
import { parseConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { buildApp } from './app.js';

/** Registering routes touches neither the database nor Temporal; nothing here is ever called. */
const inert = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the OpenAPI document is built without a database');
    },
  },
);

/** The document of a development deployment, so the dev-only sign-in paths are in it too. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = {
    db: inert,
    kind: 'pglite',
    migrate: async () => {},
    ping: async () => {},
    close: async () => {},
  } as unknown as Database;
  const app = await buildApp({
    database,
    temporal: new Client({ connection: Connection.lazy() }),
    config: parseConfig({}, { AUTH_MODE: 'dev', NODE_ENV: 'development' }),
    logger: createLogger({ level: 'silent' }),
  });
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}

/** The committed forms: the JSON document and the TypeScript types of every path. */
export async function generatedApiFiles(): Promise<{ openapiJson: string; schemaTs: string }> {
  const document = await openApiDocument();
  const openapiJson = `${JSON.stringify(document, null, 2)}\n`;
  const schemaTs = await openapiTS(document as never, {
    commentHeader:
      "// Generated from the API's OpenAPI document by `npm run api:types`; a test fails when it drifts.\n\n",
    silent: true,
  });
  return { openapiJson, schemaTs };
}
