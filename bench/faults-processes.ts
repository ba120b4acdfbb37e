// The processes of `npm run faults` (bench/faults.ts): shuzhi's API and worker each run as a child
// process of their own (`node --import tsx bin/<name>.ts`), as production runs them, watched the way a
// supervisor watches them. An exit the suite did not cause is counted, its last lines kept, and the
// process started again (as systemd's Restart=always would), so the scenario goes on.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface UnexpectedExit {
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines it wrote (stdout and stderr). */
  tail: string[];
}

export interface ManagedOptions {
  name: string;
  /** The script, run as `node --import tsx <script>` in `cwd`. */
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where its stdout and stderr go (appended across restarts). */
  logFile: string;
  /** Ready once a line matches this… */
  readyLine?: RegExp;
  /** …or once this answers true (polled every 100 ms). */
  readyCheck?: () => Promise<boolean>;
}

/** A pino line's level (40 warn, 50 error, 60 fatal), or null for any other line. */
const pinoLevel = (line: string): number | null => {
  const m = /^\{"level":(\d+)/.exec(line);
  return m ? Number(m[1]) : null;
};

export class ManagedProcess {
  readonly unexpectedExits: UnexpectedExit[] = [];
  /** Lines logged at error level or above, and the last few of them. */
  errorLines = 0;
  readonly lastErrors: string[] = [];
  /** performance.now() of the last start, and of the moment it was ready. */
  startedAt = 0;
  readyAt = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private expectExit = false;
  private stopping = false;
  private readonly tail: string[] = [];
  private readonly log: WriteStream;
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: ManagedOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process; resolves once it is ready (or rejects after `timeoutMs`). */
  start(timeoutMs = 120_000): Promise<void> {
    const { options } = this;
    this.expectExit = false;
    this.startedAt = performance.now();
    this.readyAt = 0;
    this.log.write(`\n--- ${new Date().toISOString()} starting ${options.name}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', options.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let markReady: () => void = () => {};
    const readyLineSeen = new Promise<void>((resolve) => (markReady = resolve));
    let pending = '';
    const onData = (chunk: Buffer) => {
      this.log.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        this.tail.push(line.slice(0, 2000));
        if (this.tail.length > 30) this.tail.shift();
        const level = pinoLevel(line);
        if (level !== null && level >= 50) {
          this.errorLines++;
          this.lastErrors.push(line.slice(0, 600));
          if (this.lastErrors.length > 5) this.lastErrors.shift();
        }
        if (options.readyLine?.test(line)) markReady();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        this.child = null;
        this.log.write(`--- ${new Date().toISOString()} ${options.name} exited (${signal ?? `code ${code}`})\n`);
        if (!this.expectExit && !this.stopping) {
          this.unexpectedExits.push({ at: performance.now(), code, signal, tail: [...this.tail] });
          // As a supervisor would: start it again a second later.
          void sleep(1000).then(() => {
            if (!this.stopping && !this.child) this.start(timeoutMs).catch(() => {});
          });
        }
        resolve();
      });
    });
    const deadline = Date.now() + timeoutMs;
    const exitedFirst = this.exited.then(() => {
      throw new Error(`${options.name} exited before it was ready:\n${this.tail.slice(-15).join('\n')}`);
    });
    const readiness = (async () => {
      if (options.readyLine) await readyLineSeen;
      if (options.readyCheck)
        while (!(await options.readyCheck().catch(() => false))) {
          if (Date.now() > deadline) throw new Error(`${options.name} was not ready within ${timeoutMs} ms`);
          await sleep(100);
        }
      this.readyAt = performance.now();
    })();
    this.ready = Promise.race([readiness, exitedFirst]);
    // A start nobody awaits (a supervisor's restart) must not leave a rejection unhandled.
    this.ready.catch(() => {});
    return this.ready;
  }

  /** Resolves once the current start is ready. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Sends `signal` (SIGKILL by default) to the process, as the suite's own fault, and waits for its exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child) return;
    this.expectExit = true;
    this.child.kill(signal);
    await this.exited;
  }

  /** Stops it for good: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await this.exited;
      }
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

/**
 * The id of the Temporal dev server this process started on `dbFile`: a child of ours whose command
 * line names that file. lib/temporal-cli.ts's `startDevServer` keeps its child to itself, and the
 * suite must kill it with SIGKILL, not stop it.
 */
export function devServerPid(dbFile: string): number | null {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes('start-dev') && cmdline.includes(dbFile)) return pid;
    } catch {
      /* gone meanwhile */
    }
  }
  return null;
}

/** Whether a process with this id still exists (a zombie counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
