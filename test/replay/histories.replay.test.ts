// Every committed history must replay on today's workflow code: a change that would break a
// running case fails here and needs patched().
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../../lib/worker.js';

const dir = fileURLToPath(new URL('../histories/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('replaying committed histories', () => {
  it('has histories for every path of P1, P2, P3, P4 and P5', () => {
    expect(files.filter((f) => f.startsWith('share-application-')).length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => f.startsWith('objection-')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith('open-data-request-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('correction-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('assessment-')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const { workflowId, history } = JSON.parse(readFileSync(dir + file, 'utf8'));
    expect(history.events.length).toBeGreaterThan(3);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, historyFromJSON(history), workflowId);
  });
});
