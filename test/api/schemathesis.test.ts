// Schemathesis (PyPI) against the running API (issue: hardening, item 7): it generates requests from the
// served OpenAPI document, as a bureau admin, and runs all its checks — no 5xx, every status and body as
// the document says, content types as declared, 405 with Allow for a method a path does not take. It runs
// wherever the `st` CLI is installed (`pip install schemathesis`; .ci/run installs it, so CI always runs
// it); test/api/schemathesis.toml says why 400 counts as an answer to schema-valid data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

const st = process.env.SCHEMATHESIS ?? 'st';
const available = spawnSync(st, ['--version'], { encoding: 'utf8' }).status === 0;
let stack: Stack;
let admin: string;

beforeAll(async () => {
  if (!available) return;
  stack = await startStack();
  admin = await stack.token('schemathesis', ['bureau_admin']);
}, 60_000);
afterAll(async () => stack?.close());

describe.runIf(available)('Schemathesis against the running API', () => {
  it('finds no failure in any operation, with all checks', { timeout: 600_000 }, async () => {
    const reports = mkdtempSync(join(tmpdir(), 'schemathesis-'));
    // Run asynchronously: the API answering it lives in this process.
    const { spawn } = await import('node:child_process');
    const child = spawn(
      st,
      [
        '--config-file',
        fileURLToPath(new URL('./schemathesis.toml', import.meta.url)),
        'run',
        `${stack.baseUrl}/openapi.json`,
        '--checks',
        'all',
        '--max-examples',
        process.env.SCHEMATHESIS_EXAMPLES ?? '5',
        '--header',
        `Authorization: Bearer ${admin}`,
        '--generation-deterministic',
        '--report',
        'junit',
        '--report-dir',
        reports,
        '--no-color',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // The whole report, for a person to read: test/api/.schemathesis-output.txt (ignored by git).
    writeFileSync(new URL('./.schemathesis-output.txt', import.meta.url), output);
    if (code !== 0) console.log(output.slice(-8_000));
    // The report names itself by time (junit-<time>.xml): every operation tested, none failed.
    const report = readdirSync(reports).find((f) => /^junit.*\.xml$/.test(f));
    const junit = readFileSync(join(reports, report ?? 'junit.xml'), 'utf8');
    expect(Number(/<testsuite[^>]* tests="(\d+)"/.exec(junit)?.[1])).toBeGreaterThan(50);
    expect(/<testsuite[^>]* failures="(\d+)"/.exec(junit)?.[1]).toBe('0');
    expect(code).toBe(0);
  });
});
