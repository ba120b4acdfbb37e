// Files generated from the code are committed; these tests fail when one drifts from its source,
// so the console's API types, the OpenAPI document and the glossary page always say what is true.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedApiFiles } from '../../api/openapi-document.js';
import { glossaryMarkdown } from '../../scripts/glossary-doc.js';

describe('generated files', () => {
  it('console/src/api/schema.d.ts and docs/openapi.json match the routes (npm run api:types)', async () => {
    const { openapiJson, schemaTs } = await generatedApiFiles();
    expect(readFileSync('docs/openapi.json', 'utf8')).toBe(openapiJson);
    expect(readFileSync('console/src/api/schema.d.ts', 'utf8')).toBe(schemaTs);
  });

  it('docs/glossary.md lists every term of workflows/common/glossary.ts (npm run docs:glossary)', () => {
    expect(readFileSync('docs/glossary.md', 'utf8')).toBe(glossaryMarkdown());
  });
});
