// Schemathesis (PyPI) against the running API (issue: hardening, item 7): it generates requests from the
// served OpenAPI document, as a bureau admin, and runs all its checks — no 5xx, every status and body as
// the document says, content types as declared. Run it with `SCHEMATHESIS_RUN=1` and the `st` CLI from
// `pip install schemathesis`; it is not yet part of the suite, because two checks still fail
// (docs/operations.md "Schemathesis"): positive_data_acceptance (the rules refuse requests the schema
// allows) and unsupported_method (an undeclared method answers 404, not 405).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

const st = process.env.SCHEMATHESIS ?? 'st';
const available = spawnSync(st, ['--version'], { encoding: 'utf8' }).status === 0;
let stack: Stack;
let admin: string;

beforeAll(async () => {
  if (!available || process.env.SCHEMATHESIS_RUN !== '1') return;
  stack = await startStack();
  admin = await stack.token('schemathesis', ['bureau_admin']);
}, 60_000);
afterAll(async () => stack?.close());

describe.runIf(available && process.env.SCHEMATHESIS_RUN === '1')('Schemathesis against the running API', () => {
  it('finds no failure in any operation, with all checks', { timeout: 600_000 }, async () => {
    const reports = mkdtempSync(join(tmpdir(), 'schemathesis-'));
    // Run asynchronously: the API answering it lives in this process.
    const { spawn } = await import('node:child_process');
    const child = spawn(
      st,
      [
        'run',
        `${stack.baseUrl}/openapi.json`,
        '--checks',
        'all',
        '--max-examples',
        process.env.SCHEMATHESIS_EXAMPLES ?? '10',
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
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toContain('<testsuite');
    expect(code).toBe(0);
  });
});
