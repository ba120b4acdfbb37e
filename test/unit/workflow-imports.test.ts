// Workflow code is bundled into Temporal's deterministic sandbox, so it may
// import values only from @temporalio/workflow, @temporalio/common and workflows/ itself; anything
// else (db/, api/, activities/, Node built-ins) is allowed as `import type` only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../workflows/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

/** Value imports (not `import type`) of a source file, with the module each names. */
function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s+from\s+'([^']+)';/gm)) {
    const typeOnly =
      !!m[1] ||
      (/^\{[^}]*\}$/.test(m[2]!.trim()) &&
        m[2]!
          .replace(/[{}\s]/g, '')
          .split(',')
          .every((n) => n.startsWith('type')));
    if (!typeOnly) found.push(m[3]!);
  }
  return found;
}

describe('workflow imports', () => {
  it.each(files(root).map((f) => relative(root, f)))(
    '%s imports values only from the sandbox-safe allow-list',
    (file) => {
      const path = join(root, file);
      const outside = valueImports(readFileSync(path, 'utf8')).filter((spec) => {
        if (spec === '@temporalio/workflow' || spec === '@temporalio/common') return false;
        if (!spec.startsWith('.')) return true;
        return !resolve(dirname(path), spec).startsWith(root);
      });
      expect(outside).toEqual([]);
    },
  );

  // Layers point one way: db/ and api/ may use the workflows' types, never the other way round.
  it.each(files(root).map((f) => relative(root, f)))('%s imports nothing from db/ or api/, not even a type', (file) => {
    const path = join(root, file);
    const specs = [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)\s[\s\S]*?\sfrom\s+'([^']+)';/gm)].map(
      (m) => m[1]!,
    );
    const project = resolve(root, '..');
    const below = specs
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(project, resolve(dirname(path), spec)))
      .filter((target) => target.startsWith('db/') || target.startsWith('api/'));
    expect(below).toEqual([]);
  });

  it('recognises a forbidden import', () => {
    expect(
      valueImports(
        "import { db } from '../../db/client.js';\nimport type { Db } from '../../db/client.js';\nimport { type A, type B } from 'x';",
      ),
    ).toEqual(['../../db/client.js']);
  });
});
