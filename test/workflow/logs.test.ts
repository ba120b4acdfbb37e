// The worker's logs: workflow and activity logs reach the process logger at its configured level
// (one line per transition, with the case), and nothing below that level does.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import { correctionRegisteredUpdate, correctionWorkflowId } from '../../workflows/correction/messages.js';
import type { CorrectionInput, CorrectionView } from '../../workflows/correction/types.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../helpers/db.js';
import { listenToTemporalLogs } from '../helpers/logger.js';
import { agency, resource } from '../helpers/fixtures.js';
import { startWorker, timeSkippingEnvironment, type RunningWorker } from '../helpers/temporal.js';

// test/setup.ts installed the runtime as bin/shared.ts does, with a logger at info.
const logs = listenToTemporalLogs();
const lines = logs.lines;

let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
});
afterAll(async () => {
  logs.stop();
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

describe('worker logs', () => {
  it('writes one info line per transition, naming the case and both states; no debug lines', async () => {
    const provider = await agency(database.db);
    const data = await resource(database.db, provider, 'unconditional');
    const reporter: Actor = { id: 'citizen-1', name: '举报人', role: 'public', agency: null };
    const input: CorrectionInput = {
      id: randomUUID(),
      resource: { id: data.id, code: data.code, name: data.name, providerAgency: provider },
      assignedAgency: provider,
      report: {
        recordRef: 'REC-1',
        field: 'name',
        currentValue: '张三',
        claimedValue: '张叁',
        description: '姓名录入错误',
        evidence: '',
      },
      reporter,
      transferredFrom: null,
      policy: defaultPolicy.correction,
    };
    const start = new WithStartWorkflowOperation('correctionWorkflow', {
      workflowId: correctionWorkflowId(input.id),
      taskQueue: worker.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const view = (await env.client.workflow.executeUpdateWithStart(correctionRegisteredUpdate, {
      startWorkflowOperation: start,
    })) as CorrectionView;
    expect(view.state).toBe('verifying');

    // Workflow logs leave the sandbox through a sink after the activation: they may trail the answer.
    const transitions = () => lines.filter((l) => l.msg === 'correction transition' && l.caseId === input.id);
    await expect
      .poll(() => transitions().map((l) => [l.from ?? null, l.to, l.level]))
      .toEqual([
        [null, 'forwarding', 30],
        ['forwarding', 'verifying', 30],
      ]);
    expect(transitions().every((l) => l.sdkComponent === 'workflow')).toBe(true);
    expect(lines.filter((l) => l.level < 30)).toEqual([]);
  });
});
