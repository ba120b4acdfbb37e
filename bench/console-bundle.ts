// `npm run bench:console`: the JavaScript each console page needs before it can render (its chunk,
// the entry, and everything they import statically), gzipped, beside the budget of 300 KB and beside
// the baseline weighed in the same build: the entry (React, react-dom, the router, react-query, antd's
// ConfigProvider and locale), which every page needs, and the signed-in frame (header, menu) on top.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'console', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('build the console first: npm run build:console');
  process.exit(2);
}
interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** A chunk and what it imports statically, transitively. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const entry = closure(entryKey);
const weigh = (keys: Set<string>) => [...keys].reduce((n, k) => n + gz(manifest[k]!.file), 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const pages = Object.keys(manifest).filter((k) => /src\/.+Page\.tsx$/.test(k));
const frame = Object.keys(manifest).find((k) => k.endsWith('components/AppLayout.tsx'))!;
// The controls a page draws at once but loads after its first render (LazySelect, LazyDatePicker):
// fetched straight away, so they are shown beside the first load.
const deferredControl = (key: string) => /(^|\/)(select|date-picker)-[^/]*\.js$/.test(manifest[key]!.file);
const rows = pages
  .map((page) => {
    const keys = new Set([...entry, ...closure(page), ...(page.endsWith('SignInPage.tsx') ? [] : closure(frame))]);
    const soon = new Set(keys);
    for (const key of keys) {
      for (const dynamic of manifest[key]?.dynamicImports ?? []) if (deferredControl(dynamic)) closure(dynamic, soon);
    }
    return { page: page.replace(/^src\//, ''), bytes: weigh(keys), soon: weigh(soon) };
  })
  .sort((a, b) => b.bytes - a.bytes);

const budget = 300 * 1024;
console.log(
  `baseline: the entry and its imports ${kb(weigh(entry))}; with the signed-in frame ${kb(weigh(new Set([...entry, ...closure(frame)])))}`,
);
console.log(
  'page'.padEnd(44),
  'initial JS (gzip)'.padStart(18),
  '  budget 300 KB',
  '  + controls right after'.padStart(26),
);
for (const r of rows) {
  console.log(
    r.page.padEnd(44),
    kb(r.bytes).padStart(18),
    (r.bytes <= budget ? '  within' : '  OVER').padEnd(16),
    kb(r.soon).padStart(24),
  );
}
const worst = rows[0]!;
console.log(
  `\nheaviest first load: ${worst.page} ${kb(worst.bytes)} (${((worst.bytes / budget) * 100).toFixed(0)}% of the budget)`,
);
