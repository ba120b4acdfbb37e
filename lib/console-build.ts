// Builds the console (console/ → console/dist) when its sources are newer than the build, so
// `npm start` and the browser tests always serve the console of the code checked out.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
};

/** Whether console/dist is missing or older than what it is built from. */
export function consoleIsStale(root: string): boolean {
  const built = join(root, 'console', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = [
    join(root, 'console', 'src'),
    join(root, 'console', 'index.html'),
    join(root, 'console', 'vite.config.ts'),
    join(root, 'workflows', 'common', 'glossary.ts'),
    join(root, 'lib', 'identifiers.ts'),
    // An upgraded dependency (antd, React) changes the build too.
    join(root, 'package-lock.json'),
  ];
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

/** Builds the console if it is stale; returns whether it built. */
export async function ensureConsoleBuilt(root: string, log: (m: string) => void = () => {}): Promise<boolean> {
  if (!consoleIsStale(root)) return false;
  log('building the console (console/ → console/dist)');
  const { build } = await import('vite');
  // A test runner's NODE_ENV=test would otherwise give React's and antd's development builds.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  // Built beside the old one and swapped in, so a server reading console/dist never sees half a build.
  const dist = join(root, 'console', 'dist');
  const fresh = `${dist}.build-${process.pid}`;
  const old = `${dist}.old-${process.pid}`;
  try {
    await build({
      configFile: join(root, 'console', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: fresh, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(fresh, dist);
  rmSync(old, { recursive: true, force: true });
  return true;
}
