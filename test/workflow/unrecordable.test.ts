// A step the database refuses for good (issue: hardening, item 2): the case goes back to where it was,
// in the workflow and in the read model alike, the action is answered with the data error, and the next
// action is taken as usual. The refusal is a real one: a lone UTF-16 surrogate, sent straight to the
// workflow past the API's own check (which refuses it), is refused by PostgreSQL in jsonb. On the shared
// dev server: the time-skipping server loses track of an update that fails after its local step.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { getResource } from '../../db/queries/catalog.js';
import { getCorrection } from '../../db/queries/correction.js';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import {
  correctionRegisteredUpdate,
  correctionViewQuery,
  correctionWorkflowId,
  verifyUpdate,
} from '../../workflows/correction/messages.js';
import type { CorrectionInput, CorrectionView } from '../../workflows/correction/types.js';
import { refusal } from '../helpers/assertions.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';
import { devServerEnvironment, startWorker, type RunningWorker } from '../helpers/temporal.js';

let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let provider: string;
let resourceId: string;

beforeAll(async () => {
  [env, database] = await Promise.all([devServerEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
  provider = await agency(database.db);
  resourceId = (await resource(database.db, provider, 'unconditional')).id;
});
afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

const reviewer = (): Actor => ({ id: `rev-${provider}`, name: '核实人', role: 'agency_reviewer', agency: provider });

async function report() {
  const data = (await getResource(database.db, resourceId))!;
  const input: CorrectionInput = {
    id: randomUUID(),
    resource: { id: data.id, code: data.code, name: data.name, providerAgency: provider },
    assignedAgency: provider,
    report: {
      recordRef: 'REC-001',
      field: 'name',
      currentValue: '张三',
      claimedValue: '张叁',
      description: '姓名录入错误',
      evidence: null,
    },
    reporter: { id: 'citizen-9', name: '举报人', role: 'public', agency: null },
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
  return { handle: await start.workflowHandle(), view };
}

describe('a step the database refuses for good', () => {
  it('puts the case back when the database refuses a step for good, and takes the next action as usual', async () => {
    // A lone surrogate, sent past the API's own check (which refuses it): PostgreSQL refuses it in jsonb
    // (SQLSTATE 22P05), a data error that no retry can cure (issue: hardening, item 2).
    const { handle, view } = await report();
    const refused = handle.executeUpdate(verifyUpdate, {
      args: [{ actor: reviewer(), outcome: 'corrected', note: 'bad \ud800 note' }],
    });
    expect(await refusal(refused)).toBe('VALIDATION_FAILED');
    // The workflow and the read model agree: still verifying, and no event of the refused step.
    expect((await handle.query(correctionViewQuery)).state).toBe('verifying');
    expect((await getCorrection(database.db, view.id))!.state).toBe('verifying');
    expect((await listCaseEvents(database.db, view.id)).map((e) => e.action)).toEqual(['report', 'route']);
    const done = (await handle.executeUpdate(verifyUpdate, {
      args: [{ actor: reviewer(), outcome: 'corrected', note: '已更正' }],
    })) as CorrectionView;
    expect(done.state).toBe('corrected');
    expect((await getCorrection(database.db, view.id))!.state).toBe('corrected');
    expect((await listCaseEvents(database.db, view.id)).map((e) => e.action)).toEqual(['report', 'route', 'verify']);
  });
});
