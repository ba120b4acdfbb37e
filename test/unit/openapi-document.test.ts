// The OpenAPI document tells the whole truth (issue: hardening, item 7): every operation has an id and a
// summary, and lists beside its own answers the problems any request can meet — malformed (400), rate
// limited (429), past its deadline or without a dependency (503); an operation for signed-in callers
// 401; a write also 413 and 415; a path with parameters 414 — each as the Problem schema.
// docs/openapi.json is the served document (a drift test in generated-docs.test.ts keeps it so).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Operation {
  operationId?: string;
  summary?: string;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, op })),
);
const probes = new Set(['/health', '/ready']);

describe('the OpenAPI document', () => {
  it('has operations', () => expect(operations.length).toBeGreaterThan(80));

  it.each(operations.map((o) => [o.name, o] as const))(
    '%s has an id, a summary and the problems it can answer',
    (_, o) => {
      expect(o.op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(o.op.summary?.length ?? 0).toBeGreaterThan(5);
      if (probes.has(o.path)) return;
      const statuses = Object.keys(o.op.responses);
      const expected = ['400', '429', '503'];
      if (o.op.requestBody) expected.push('413', '415');
      // Every operation but the public ones (`security: []`) needs a token.
      const open = Array.isArray(o.op.security) && o.op.security.length === 0;
      if (!open) expected.push('401');
      if (o.path.includes('{')) expected.push('414');
      expect(statuses).toEqual(expect.arrayContaining(expected));
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const schema = Object.values(o.op.responses[status]!.content ?? {})[0]?.schema;
        expect(schema?.$ref, `${o.name} ${status}`).toBe('#/components/schemas/Problem');
      }
    },
  );
});
