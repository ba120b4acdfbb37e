// Every path of docs/processes.md P5 on the time-skipping server: routed at once, verified under its
// deadline with one approved extension, disputed meanwhile, transferred to the owner with its own clock.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCalendar } from '../../activities/calendar.js';
import type { Database } from '../../db/client.js';
import { getResource, type ResourceRow } from '../../db/queries/catalog.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { notifications } from '../../db/schema/notification.js';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import { addWorkingDays, localDate } from '../../workflows/common/working-days.js';
import { calendarUpdatedSignal } from '../../workflows/common/messages.js';
import {
  correctionRegisteredUpdate,
  correctionViewQuery,
  correctionWorkflowId,
  extendVerificationUpdate,
  forwardCorrectionUpdate,
  returnCorrectionUpdate,
  verifyUpdate,
} from '../../workflows/correction/messages.js';
import { getCorrection } from '../../db/queries/correction.js';
import type { CorrectionInput, CorrectionView } from '../../workflows/correction/types.js';
import { eventually, refusal } from '../helpers/assertions.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';
import { startWorker, timeSkippingEnvironment, type RunningWorker, sleepUntil } from '../helpers/temporal.js';

let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let provider: string, owner: string;
let data: ResourceRow;
const reporter: Actor = { id: 'citizen-9', name: '举报人', role: 'public', agency: null };
const reviewer = (agencyCode = provider): Actor => ({
  id: `rev-${agencyCode}`,
  name: '核实人',
  role: 'agency_reviewer',
  agency: agencyCode,
});

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
  [provider, owner] = [await agency(database.db), await agency(database.db)];
  data = await resource(database.db, provider, 'unconditional');
});
afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

const disputed = async () => (await getResource(database.db, data.id))!.disputed;
const inbox = (caseId: string, kind: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, kind)));

async function report(): Promise<{ handle: WorkflowHandle; view: CorrectionView }> {
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
      evidence: '户籍证明',
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
  return { handle: await start.workflowHandle(), view };
}

describe('correction (数据纠错) workflow', () => {
  it('routes a report to the provider at once, marks the resource disputed, and clears it when corrected, telling the reporter', async () => {
    const today = localDate(await env.currentTimeMs());
    const { handle, view } = await report();
    expect(view.state).toBe('verifying');
    expect(view.verifyDue?.dueDate).toBe(
      addWorkingDays(today, defaultPolicy.correction.verifyWd, await currentCalendar(database.db)).due,
    );
    expect((await listCaseEvents(database.db, view.id)).map((e) => [e.action, e.toState])).toEqual([
      ['report', 'forwarding'],
      ['route', 'verifying'],
    ]);
    expect(await inbox(view.id, 'correction_to_verify')).toHaveLength(1);
    expect(await disputed()).toBe(true);
    expect(
      await refusal(
        handle.executeUpdate(verifyUpdate, { args: [{ actor: reviewer(owner), outcome: 'corrected', note: 'x' }] }),
      ),
    ).toBe('FORBIDDEN');
    const done = (await handle.executeUpdate(verifyUpdate, {
      args: [{ actor: reviewer(), outcome: 'corrected', note: '已更正为张叁' }],
    })) as CorrectionView;
    expect(done).toMatchObject({ state: 'corrected', outcome: { outcome: 'corrected', note: '已更正为张叁' } });
    expect(await disputed()).toBe(false);
    expect((await inbox(view.id, 'correction_result')).map((n) => n.recipient)).toEqual([reporter.id]);
  });

  it('extends verification once, with the provider head named, to correction.verifyExtendedWd', async () => {
    const { handle, view } = await report();
    expect(
      await refusal(
        handle.executeUpdate(extendVerificationUpdate, {
          args: [{ actor: reviewer(), approvedBy: '', reason: '需调取档案' }],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const extended = (await handle.executeUpdate(extendVerificationUpdate, {
      args: [{ actor: reviewer(), approvedBy: '王局长', reason: '需调取档案' }],
    })) as CorrectionView;
    expect(extended.extension).toMatchObject({ approvedBy: '王局长' });
    expect(extended.verifyDue?.dueDate).toBe(
      addWorkingDays(
        view.verifyDue!.from,
        defaultPolicy.correction.verifyExtendedWd,
        await currentCalendar(database.db),
      ).due,
    );
    expect(
      await refusal(
        handle.executeUpdate(extendVerificationUpdate, {
          args: [{ actor: reviewer(), approvedBy: '王局长', reason: '再延' }],
        }),
      ),
    ).toBe('INVALID_STATE');
    expect(
      await refusal(
        handle.executeUpdate(verifyUpdate, { args: [{ actor: reviewer(), outcome: 'no_change', note: ' ' }] }),
      ),
    ).toBe('VALIDATION_FAILED');
    await handle.executeUpdate(verifyUpdate, {
      args: [{ actor: reviewer(), outcome: 'no_change', note: '经核实原数据无误' }],
    });
  });

  it('flags an unverified report overdue and tells the provider and the bureau', async () => {
    const { handle, view } = await report();
    await sleepUntil(env, view.verifyDue!.dueAt, -60_000);
    expect(((await handle.query(correctionViewQuery)) as CorrectionView).overdue).toBe(false);
    await sleepUntil(env, view.verifyDue!.dueAt, 60_000);
    expect(
      (
        await eventually(
          () => handle.query(correctionViewQuery) as Promise<CorrectionView>,
          (v) => v.overdue,
        )
      ).state,
    ).toBe('verifying');
    expect((await inbox(view.id, 'overdue')).map((n) => n.audience).sort()).toEqual(['agency', 'bureau']);
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: reviewer(), outcome: 'corrected', note: '已更正' }] });
  });

  it('puts the case back when the database refuses a step for good, and takes the next action as usual', async () => {
    // A lone surrogate, sent past the API's own check (which refuses it): PostgreSQL refuses it in jsonb
    // (SQLSTATE 22P02), a data error that no retry can cure (issue: hardening, item 2).
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

  it('keeps the verification clock when the database refuses a return: back in verifying, no forwarding deadline fires', async () => {
    const { handle, view } = await report();
    // A lone surrogate, sent past the API's own check: PostgreSQL refuses it in jsonb, for good.
    expect(
      await refusal(
        handle.executeUpdate(returnCorrectionUpdate, { args: [{ actor: reviewer(), reason: '非本单位 \ud800' }] }),
      ),
    ).toBe('VALIDATION_FAILED');
    const back = (await handle.query(correctionViewQuery)) as CorrectionView;
    expect(back).toMatchObject({ state: 'verifying', version: view.version });
    expect(back.forwardDue ?? null).toBeNull();
    // Past the day a forwarding deadline would have fallen (forwardWd < verifyWd), short of verifyDue:
    // nothing is flagged; then the verification deadline is, on the case as it is.
    await sleepUntil(env, view.verifyDue!.dueAt, -60_000);
    expect(((await handle.query(correctionViewQuery)) as CorrectionView).overdue).toBe(false);
    expect((await listCaseEvents(database.db, view.id)).map((e) => e.action)).toEqual(['report', 'route']);
    await sleepUntil(env, view.verifyDue!.dueAt, 60_000);
    const late = await eventually(
      () => handle.query(correctionViewQuery) as Promise<CorrectionView>,
      (v) => v.overdue,
    );
    expect(late.state).toBe('verifying');
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: reviewer(), outcome: 'corrected', note: '已更正' }] });
  });

  it('returns a report to the bureau, which must route it by hand within correction.forwardWd; the verification clock then starts again', async () => {
    const coordinator: Actor = { id: 'coord-1', name: '协调人', role: 'bureau_coordinator', agency: null };
    const { handle, view } = await report();
    expect(
      await refusal(
        handle.executeUpdate(returnCorrectionUpdate, { args: [{ actor: reviewer(owner), reason: '非本单位数据' }] }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await refusal(handle.executeUpdate(returnCorrectionUpdate, { args: [{ actor: reviewer(), reason: ' ' }] })),
    ).toBe('VALIDATION_FAILED');
    expect(
      await refusal(handle.executeUpdate(forwardCorrectionUpdate, { args: [{ actor: coordinator, agency: owner }] })),
    ).toBe('INVALID_STATE');
    const returned = (await handle.executeUpdate(returnCorrectionUpdate, {
      args: [{ actor: reviewer(), reason: '该记录不属于本单位采集范围' }],
    })) as CorrectionView;
    const calendar = await currentCalendar(database.db);
    const today = localDate(await env.currentTimeMs());
    expect(returned).toMatchObject({
      state: 'forwarding',
      returned: { agency: provider, reason: '该记录不属于本单位采集范围' },
    });
    expect(returned.forwardDue?.dueDate).toBe(addWorkingDays(today, defaultPolicy.correction.forwardWd, calendar).due);
    expect((await inbox(view.id, 'correction_to_forward')).map((n) => n.audience)).toEqual(['bureau']);
    expect(await disputed()).toBe(true);
    // The verifier may no longer act; the bureau's own deadline runs and is flagged when missed.
    expect(
      await refusal(
        handle.executeUpdate(verifyUpdate, { args: [{ actor: reviewer(), outcome: 'corrected', note: 'x' }] }),
      ),
    ).toBe('INVALID_STATE');
    await sleepUntil(env, returned.forwardDue!.dueAt, 60_000);
    expect(
      (
        await eventually(
          () => handle.query(correctionViewQuery) as Promise<CorrectionView>,
          (v) => v.overdue,
        )
      ).state,
    ).toBe('forwarding');
    expect((await inbox(view.id, 'overdue')).map((n) => n.audience)).toEqual(['bureau']);
    expect(
      await refusal(handle.executeUpdate(forwardCorrectionUpdate, { args: [{ actor: reviewer(), agency: owner }] })),
    ).toBe('FORBIDDEN');
    const forwarded = (await handle.executeUpdate(forwardCorrectionUpdate, {
      args: [{ actor: coordinator, agency: owner, note: '经查为该单位数据' }],
    })) as CorrectionView;
    const forwardedOn = localDate(await env.currentTimeMs());
    expect(forwarded).toMatchObject({ state: 'verifying', assignedAgency: owner, overdue: false, extension: null });
    expect(forwarded.verifyDue?.dueDate).toBe(
      addWorkingDays(forwardedOn, defaultPolicy.correction.verifyWd, calendar).due,
    );
    expect((await listCaseEvents(database.db, view.id)).map((e) => [e.action, e.toState])).toEqual([
      ['report', 'forwarding'],
      ['route', 'verifying'],
      ['return', 'forwarding'],
      ['overdue', 'forwarding'],
      ['forward', 'verifying'],
    ]);
    expect((await inbox(view.id, 'correction_to_verify')).map((n) => n.recipient)).toEqual([provider, owner]);
    await handle.executeUpdate(verifyUpdate, {
      args: [{ actor: reviewer(owner), outcome: 'corrected', note: '已更正' }],
    });
    expect(await getCorrection(database.db, view.id)).toMatchObject({
      state: 'corrected',
      assignedAgency: owner,
      forwardDueDate: returned.forwardDue!.dueDate,
    });
  });

  it('transfers a report to the agency that owns the data, which verifies it with its own clock', async () => {
    const { handle, view } = await report();
    expect(
      await refusal(
        handle.executeUpdate(verifyUpdate, {
          args: [
            {
              actor: reviewer(),
              outcome: 'transferred',
              note: '非本单位数据',
              transferTo: provider,
              transferredCorrectionId: randomUUID(),
            },
          ],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const next = randomUUID();
    await env.sleep(2 * 86_400_000);
    const moved = (await handle.executeUpdate(verifyUpdate, {
      args: [
        {
          actor: reviewer(),
          outcome: 'transferred',
          note: '数据归属市公安局',
          transferTo: owner,
          transferredCorrectionId: next,
        },
      ],
    })) as CorrectionView;
    expect(moved).toMatchObject({
      state: 'transferred',
      outcome: { transferTo: owner, transferredCorrectionId: next },
    });
    const child = env.client.workflow.getHandle(correctionWorkflowId(next));
    const transferred = (await child.executeUpdate(correctionRegisteredUpdate)) as CorrectionView;
    expect(transferred).toMatchObject({
      state: 'verifying',
      assignedAgency: owner,
      transferredFrom: { correctionId: view.id, agency: provider },
    });
    expect(transferred.verifyDue!.from > view.verifyDue!.from).toBe(true);
    expect(await eventually(disputed, (d) => d)).toBe(true);
    expect(await inbox(view.id, 'correction_transferred')).toHaveLength(1);
    await child.executeUpdate(verifyUpdate, {
      args: [{ actor: reviewer(owner), outcome: 'corrected', note: '已更正' }],
    });
    expect(await eventually(disputed, (d) => !d)).toBe(false);
  });

  it('moves the verification deadline when a calendar makes its due date a holiday, recording it in the audit and the read model', async () => {
    const { handle, view } = await report();
    const due = view.verifyDue!;
    const calendar = await currentCalendar(database.db);
    const year = due.dueDate.slice(0, 4);
    const moved = {
      ...calendar,
      [year]: {
        holidays: [...(calendar[year]?.holidays ?? []), due.dueDate],
        workdays: calendar[year]?.workdays ?? [],
      },
    };
    await handle.signal(calendarUpdatedSignal, moved);
    const newDue = addWorkingDays(due.from, due.days, moved).due;
    expect(newDue > due.dueDate).toBe(true);
    const row = await eventually(
      () => getCorrection(database.db, view.id),
      (r) => r?.verifyDueDate === newDue,
    );
    expect(row).toMatchObject({ verifyDueDate: newDue, overdue: false });
    expect((await listCaseEvents(database.db, view.id)).at(-1)).toMatchObject({
      action: 'deadlines_recomputed',
      actorId: 'system',
    });
    expect(((await handle.query(correctionViewQuery)) as CorrectionView).verifyDue?.dueDate).toBe(newDue);
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: reviewer(), outcome: 'corrected', note: '已更正' }] });
  });
});
