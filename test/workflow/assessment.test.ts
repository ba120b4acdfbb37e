// docs/processes.md P4 on the time-skipping server: a cycle fans out to every agency, each window's deadline
// passes on its own, appeals, final results with ranking, rectification reopened by a failed check.
import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentActivities } from '../../activities/assessment.js';
import { currentCalendar } from '../../activities/calendar.js';
import type { Database } from '../../db/client.js';
import { cycleProgress, getAgencyAssessment, getCycle, listCycleAgencies } from '../../db/queries/assessment.js';
import { createResource } from '../../db/queries/catalog.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { notifications } from '../../db/schema/notification.js';
import { defaultPolicy } from '../../policy/index.js';
import {
  agencyAssessmentWorkflowId,
  agencyViewQuery,
  answerAppealUpdate,
  appealUpdate,
  assessmentCycleWorkflowId,
  assignAssessorUpdate,
  cycleOpenedUpdate,
  cycleViewQuery,
  publishUpdate,
  rectifyUpdate,
  reviewAgencyUpdate,
  selfAssessUpdate,
  verifyRectificationUpdate,
} from '../../workflows/assessment/messages.js';
import { cycleOpened, openedAgency } from '../../workflows/assessment/rules.js';
import type { AgencyAssessmentView, CycleInput, CycleView, ScoreItem } from '../../workflows/assessment/types.js';
import { fixedContext } from '../../workflows/common/step.js';
import type { Actor } from '../../workflows/common/actors.js';
import { addCalendarDays, addWorkingDays, localDate } from '../../workflows/common/working-days.js';
import { eventually, refusal } from '../helpers/assertions.js';
import { freshDatabase } from '../helpers/db.js';
import { testLogger } from '../helpers/logger.js';
import { agency, resource } from '../helpers/fixtures.js';
import { sleepUntil, startWorker, timeSkippingEnvironment, type RunningWorker } from '../helpers/temporal.js';

let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let good: string, weak: string;

const admin: Actor = { id: 'admin-1', name: '管理员', role: 'bureau_admin', agency: null };
const assessor: Actor = { id: 'assessor-1', name: '第三方', role: 'assessor', agency: null };
const staff = (code: string): Actor => ({ id: `staff-${code}`, name: '填报人', role: 'agency_staff', agency: code });

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
  [good, weak] = [await agency(database.db, 'AG-GOOD'), await agency(database.db, 'AG-WEAK')];
  await resource(database.db, good, 'conditional');
  await createResource(database.db, {
    code: 'RES-COMPLETE',
    name: '企业登记信息',
    providerAgency: good,
    description: '全市企业登记信息',
    fields: [{ name: 'name' }],
    shareType: 'unconditional',
    openType: 'unconditional',
    updateCycle: 'daily',
    createdBy: 'fixture',
  });
});
afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

const sleepPast = (iso: string) => sleepUntil(env, iso, 60_000);
const agencyHandle = (year: number, code: string) =>
  env.client.workflow.getHandle(agencyAssessmentWorkflowId(year, code));
const view = (year: number, code: string) =>
  agencyHandle(year, code).query(agencyViewQuery) as Promise<AgencyAssessmentView>;
const cycleView = (h: WorkflowHandle) => h.query(cycleViewQuery) as Promise<CycleView>;
const items = (v: AgencyAssessmentView, score: number, key: 'evidence' | 'comment'): ScoreItem[] =>
  v.applicable.map((indicator) => ({ indicator, score, [key]: `${key} for ${indicator}` }));
const kinds = async (caseId: string) =>
  (await database.db.select().from(notifications).where(eq(notifications.caseId, caseId))).map((n) => n.kind);

/** The input a batch gave its openAgencyAssessments step, read from the batch's history. */
async function openingsOf(year: number, firstCode: string): Promise<Parameters<OpenAgencyAssessments>[0]> {
  const h = await env.client.workflow.getHandle(`${assessmentCycleWorkflowId(year)}:batch:${firstCode}`).fetchHistory();
  const step = h.events!.find(
    (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'openAgencyAssessments',
  )!.activityTaskScheduledEventAttributes!;
  return JSON.parse(Buffer.from(step.input!.payloads![0]!.data!).toString('utf8'));
}
type OpenAgencyAssessments = ReturnType<typeof createAssessmentActivities>['openAgencyAssessments'];

async function startCycle(
  year: number,
  extra: Partial<CycleInput> = {},
  workflowId = assessmentCycleWorkflowId(year),
): Promise<WorkflowHandleWithFirstExecutionRunId> {
  const input: CycleInput = {
    year,
    indicatorsVersion: null,
    startedBy: admin,
    policy: defaultPolicy.assessment,
    ...extra,
  };
  const handle = await env.client.workflow.start('assessmentCycleWorkflow', {
    workflowId,
    taskQueue: worker.taskQueue,
    args: [input],
  });
  await handle.executeUpdate(cycleOpenedUpdate);
  return handle;
}

describe('annual assessment (年度评估) workflows', () => {
  let year: number;
  let cycle: WorkflowHandle;

  it('computes metrics for every agency and opens the self-assessment window with working-day deadlines', async () => {
    const today = localDate(await env.currentTimeMs());
    year = Number(today.slice(0, 4));
    cycle = await startCycle(year);
    const c = await eventually(
      () => cycleView(cycle),
      (x) => x.state === 'self_assessment',
    );
    expect(c.state).toBe('self_assessment');
    expect(c.agencyCount).toBe(2);
    const calendar = await currentCalendar(database.db);
    const selfDue = addWorkingDays(today, defaultPolicy.assessment.selfWd, calendar).due;
    expect(c.deadlines.selfAssessment.dueDate).toBe(selfDue);
    expect(c.deadlines.review.dueDate).toBe(addWorkingDays(selfDue, defaultPolicy.assessment.reviewWd, calendar).due);

    const g = await view(year, good);
    expect(g.state).toBe('self_assessment');
    expect(g.deadlines.selfAssessment.dueDate).toBe(selfDue);
    // The catalog always applies; sources with nothing to measure are not applicable, never zero.
    // One entry lacks its description: half the catalogue is complete.
    expect(g.metrics!.catalog).toMatchObject({ applicable: true, total: 2, ok: 1, systemScore: 50 });
    expect(g.metrics!.share).toMatchObject({ applicable: false, total: 0, ratio: null, systemScore: null });
    expect(g.applicable).toEqual(['catalog_completeness', 'data_freshness']);
    const w = await view(year, weak);
    expect(w.metrics!.catalog).toMatchObject({ applicable: true, total: 0, ratio: 0, systemScore: 0 });
    expect(w.applicable).toEqual(['catalog_completeness']);
    expect((await getAgencyAssessment(database.db, year, weak))!.state).toBe('self_assessment');
    expect(await kinds(`${year}:${weak}`)).toContain('assessment_self');
  });

  it('refuses a second cycle of the same year, even under another workflow id', async () => {
    const other = await env.client.workflow.start('assessmentCycleWorkflow', {
      workflowId: `assessment:${year}:again`,
      taskQueue: worker.taskQueue,
      args: [{ year, indicatorsVersion: null, startedBy: admin, policy: defaultPolicy.assessment }],
    });
    // Polled, not awaited with result(): that would leap the shared clock past the open windows.
    expect(
      (
        await eventually(
          () => other.describe(),
          (d) => d.status.name !== 'RUNNING',
        )
      ).status.name,
    ).toBe('FAILED');
    const failed = (await other.fetchHistory()).events?.at(-1)?.workflowExecutionFailedEventAttributes;
    expect(failed?.failure?.applicationFailureInfo?.type).toBe('DUPLICATE');
    expect((await getCycle(database.db, year))!.workflowId).toBe(assessmentCycleWorkflowId(year));
  });

  it('takes a self-assessment from the agency itself only, with evidence for every applicable indicator', async () => {
    const g = await view(year, good);
    expect(
      await refusal(
        agencyHandle(year, good).executeUpdate(selfAssessUpdate, {
          args: [{ actor: staff(weak), items: items(g, 90, 'evidence') }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await refusal(
        agencyHandle(year, good).executeUpdate(selfAssessUpdate, {
          args: [{ actor: staff(good), items: items(g, 90, 'evidence').slice(1) }],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await refusal(
        agencyHandle(year, good).executeUpdate(selfAssessUpdate, {
          args: [
            {
              actor: staff(good),
              items: [...items(g, 90, 'evidence'), { indicator: 'share_timeliness', score: 90, evidence: 'x' }],
            },
          ],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const after = await agencyHandle(year, good).executeUpdate(selfAssessUpdate, {
      args: [{ actor: staff(good), items: items(g, 95, 'evidence') }],
    });
    expect(after.state).toBe('review');
    expect(
      await refusal(
        agencyHandle(year, good).executeUpdate(selfAssessUpdate, {
          args: [{ actor: staff(good), items: items(g, 95, 'evidence') }],
        }),
      ),
    ).toBe('INVALID_STATE');
  });

  it('closes the self-assessment window on its own: the silent agency is overdue and goes to review', async () => {
    await agencyHandle(year, weak).executeUpdate(assignAssessorUpdate, {
      args: [{ actor: admin, assessor: { id: assessor.id, name: assessor.name ?? null } }],
    });
    await agencyHandle(year, good).executeUpdate(assignAssessorUpdate, {
      args: [{ actor: admin, assessor: { id: assessor.id, name: assessor.name ?? null } }],
    });
    const c = await cycleView(cycle);
    await sleepPast(c.deadlines.selfAssessment.dueAt);
    const w = await eventually(
      () => view(year, weak),
      (x) => x.state === 'review',
    );
    expect(w).toMatchObject({
      state: 'review',
      overdue: true,
      selfAssessmentMissed: true,
      overdueStages: ['self_assessment'],
    });
    expect(await kinds(`${year}:${weak}`)).toEqual(expect.arrayContaining(['overdue', 'assessment_assigned']));
    expect(
      (
        await eventually(
          () => cycleView(cycle),
          (x) => x.state === 'review',
        )
      ).state,
    ).toBe('review');
    // Preliminary results wait for every review: nothing is published because time ran out.
    expect(await refusal(cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'preliminary' }] }))).toBe(
      'INVALID_STATE',
    );
  });

  it('takes reviews from the assigned assessor only, flagging one that comes after its deadline', async () => {
    const g = await view(year, good);
    const stranger: Actor = { ...assessor, id: 'assessor-2' };
    expect(
      await refusal(
        agencyHandle(year, good).executeUpdate(reviewAgencyUpdate, {
          args: [{ actor: stranger, items: items(g, 92, 'comment') }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await agencyHandle(year, good).executeUpdate(reviewAgencyUpdate, {
          args: [{ actor: assessor, items: items(g, 92, 'comment') }],
        })
      ).state,
    ).toBe('reviewed');
    await sleepPast(g.deadlines.review.dueAt);
    const w = await eventually(
      () => view(year, weak),
      (x) => x.overdueStages.includes('review'),
    );
    expect(w.overdueStages).toEqual(['self_assessment', 'review']);
    expect(
      (
        await agencyHandle(year, weak).executeUpdate(reviewAgencyUpdate, {
          args: [{ actor: assessor, items: items(w, 40, 'comment') }],
        })
      ).state,
    ).toBe('reviewed');
  });

  it('publishes preliminary results; appeals are heard during the notice period only', async () => {
    const published = await cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'preliminary' }] });
    expect(published.state).toBe('notice');
    const calendar = await currentCalendar(database.db);
    expect(published.deadlines.notice!.dueDate).toBe(
      addWorkingDays(localDate(await env.currentTimeMs()), defaultPolicy.assessment.noticeWd, calendar).due,
    );
    const g = await eventually(
      () => view(year, good),
      (x) => x.state === 'notice',
    );
    expect(g.result).toMatchObject({ stage: 'preliminary', total: 92, grade: 'excellent', needsRectification: false });
    const w = await eventually(
      () => view(year, weak),
      (x) => x.state === 'notice',
    );
    expect(w.result).toMatchObject({
      total: 40,
      grade: 'fail',
      needsRectification: true,
      belowFloor: ['catalog_completeness'],
    });

    expect(
      await refusal(
        agencyHandle(year, weak).executeUpdate(appealUpdate, { args: [{ actor: staff(good), text: 'not ours' }] }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await agencyHandle(year, weak).executeUpdate(appealUpdate, {
          args: [{ actor: staff(weak), text: '目录已补充' }],
        })
      ).appeal?.text,
    ).toBe('目录已补充');
    expect(
      await refusal(
        agencyHandle(year, weak).executeUpdate(appealUpdate, { args: [{ actor: staff(weak), text: 'again' }] }),
      ),
    ).toBe('INVALID_STATE');
    // Final results wait for the notice period and for every appeal's answer.
    expect(await refusal(cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'final' }] }))).toBe(
      'INVALID_STATE',
    );
    await sleepPast(published.deadlines.notice!.dueAt);
    expect(
      await refusal(
        agencyHandle(year, good).executeUpdate(appealUpdate, { args: [{ actor: staff(good), text: 'late' }] }),
      ),
    ).toBe('INVALID_STATE');
    expect(await refusal(cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'final' }] }))).toBe(
      'INVALID_STATE',
    );
    const answered = await agencyHandle(year, weak).executeUpdate(answerAppealUpdate, {
      args: [{ actor: admin, text: '部分采纳', revised: [{ indicator: 'catalog_completeness', score: 50 }] }],
    });
    expect(answered.result).toMatchObject({ total: 50, grade: 'fail' });
  });

  it('publishes final results with ranking; a failing agency must rectify, and a failed check reopens it', async () => {
    expect((await cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'final' }] })).state).toBe(
      'final',
    );
    const g = await eventually(
      () => view(year, good),
      (x) => x.state === 'closed',
    );
    expect(g.result).toMatchObject({ stage: 'final', total: 92 });
    const w = await eventually(
      () => view(year, weak),
      (x) => x.state === 'rectification',
    );
    expect(w.rectification).toMatchObject({
      state: 'awaiting_plan',
      reasons: [expect.stringContaining('不合格'), expect.stringContaining('catalog_completeness')],
    });
    const calendar = await currentCalendar(database.db);
    expect(w.rectification!.planDue.dueDate).toBe(
      addWorkingDays(localDate(await env.currentTimeMs()), defaultPolicy.assessment.rectifyPlanWd, calendar).due,
    );
    await eventually(
      () => getAgencyAssessment(database.db, year, weak),
      (r) => r?.rank === 2,
    );
    expect((await getAgencyAssessment(database.db, year, good))!.rank).toBe(1);

    // The plan deadline passes on its own; the plan is still taken, and starts the completion period.
    await sleepPast(w.rectification!.planDue.dueAt);
    expect(
      (
        await eventually(
          () => view(year, weak),
          (x) => x.overdueStages.includes('rectification_plan'),
        )
      ).overdue,
    ).toBe(true);
    expect(
      await refusal(
        agencyHandle(year, weak).executeUpdate(rectifyUpdate, {
          args: [{ actor: staff(weak), stage: 'report', text: 'done' }],
        }),
      ),
    ).toBe('INVALID_STATE');
    const planned = await agencyHandle(year, weak).executeUpdate(rectifyUpdate, {
      args: [{ actor: staff(weak), stage: 'plan', text: '补录目录' }],
    });
    const today = localDate(await env.currentTimeMs());
    expect(planned.rectification?.completionDue?.dueDate).toBe(
      addCalendarDays(today, defaultPolicy.assessment.rectifyDays),
    );
    await agencyHandle(year, weak).executeUpdate(rectifyUpdate, {
      args: [{ actor: staff(weak), stage: 'report', text: '已补录' }],
    });
    expect(
      await refusal(
        agencyHandle(year, weak).executeUpdate(verifyRectificationUpdate, {
          args: [{ actor: staff(weak), passed: true, note: null }],
        }),
      ),
    ).toBe('FORBIDDEN');
    const reopened = await agencyHandle(year, weak).executeUpdate(verifyRectificationUpdate, {
      args: [{ actor: admin, passed: false, note: '字段说明缺失' }],
    });
    expect(reopened.rectification).toMatchObject({ state: 'in_progress' });
    await sleepPast(reopened.rectification!.completionDue!.dueAt);
    const late = await eventually(
      () => view(year, weak),
      (x) => x.overdueStages.some((s) => s.startsWith('rectification_completion')),
    );
    expect(late.state).toBe('rectification');
    await agencyHandle(year, weak).executeUpdate(rectifyUpdate, {
      args: [{ actor: staff(weak), stage: 'report', text: '已补充说明' }],
    });
    expect(
      (
        await agencyHandle(year, weak).executeUpdate(verifyRectificationUpdate, {
          args: [{ actor: admin, passed: true, note: null }],
        })
      ).state,
    ).toBe('closed');

    expect(
      (
        await eventually(
          () => cycleView(cycle),
          (x) => x.state === 'closed',
        )
      ).state,
    ).toBe('closed');
    const actions = (await listCaseEvents(database.db, `${year}:${weak}`)).map((e) => e.action);
    expect(actions).toEqual([
      'metrics',
      'assign_assessor',
      'overdue',
      'overdue',
      'review',
      'preliminary_result',
      'appeal',
      'appeal_answered',
      'final_result',
      'overdue',
      'rectification_plan',
      'rectification_report',
      'rectification_reopened',
      'overdue',
      'rectification_report',
      'rectification_verified',
    ]);
    expect((await listCaseEvents(database.db, String(year))).map((e) => e.toState)).toEqual([
      'collecting',
      'self_assessment',
      'review',
      'notice',
      'final',
      'final',
      'closed',
    ]);
  });

  it('fans out in batches and continues as new, so no run holds every child', async () => {
    for (let i = 0; i < 3; i++) await agency(database.db, `AG-MORE${i}`);
    // Started without waiting on the opened update: with this budget the first run hands over at once.
    const input: CycleInput = {
      year: year - 1,
      indicatorsVersion: null,
      startedBy: admin,
      policy: defaultPolicy.assessment,
      fanOut: { batchSize: 2, maxHistoryEvents: 1 },
    };
    const handle = await env.client.workflow.start('assessmentCycleWorkflow', {
      workflowId: assessmentCycleWorkflowId(year - 1),
      taskQueue: worker.taskQueue,
      args: [input],
    });
    // Read from the read model: the runs hand over too often here for queries to be meaningful.
    const c = await eventually(
      () => getCycle(database.db, year - 1),
      (x) => x?.state === 'self_assessment',
    );
    expect(c?.agencyCount).toBe(5);
    for (const code of [good, weak, 'AG-MORE0', 'AG-MORE1', 'AG-MORE2'])
      expect((await getAgencyAssessment(database.db, year - 1, code))?.state).toBe('self_assessment');
    // One batch child per page of two agencies, which opens that page's agencies; the cycle's own
    // runs continued as new (a tiny history budget here) and carried the fan-out's cursor on.
    const childStarts = (h: Awaited<ReturnType<WorkflowHandle['fetchHistory']>>) =>
      h.events?.filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes).length ?? 0;
    const first = await env.client.workflow
      .getHandle(assessmentCycleWorkflowId(year - 1), handle.firstExecutionRunId)
      .fetchHistory();
    expect(childStarts(first)).toBe(1);
    expect(first.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    for (const [batch, codes] of [
      ['AG-GOOD', [good, 'AG-MORE0']],
      ['AG-MORE1', ['AG-MORE1', 'AG-MORE2']],
      ['AG-WEAK', [weak]],
    ] as const) {
      const h = await env.client.workflow
        .getHandle(`${assessmentCycleWorkflowId(year - 1)}:batch:${batch}`)
        .fetchHistory();
      expect(childStarts(h)).toBe(0);
      expect((await openingsOf(year - 1, batch)).openings.map((c) => c.view.agencyCode).sort()).toEqual(
        [...codes].sort(),
      );
    }
  });

  it('opens each agency from its batch: one recorded first transition per agency, and a retry does nothing twice', async () => {
    const y = year - 1;
    const batch = await env.client.workflow.getHandle(`${assessmentCycleWorkflowId(y)}:batch:AG-GOOD`).fetchHistory();
    expect(
      batch
        .events!.filter((e) => e.activityTaskScheduledEventAttributes)
        .map((e) => e.activityTaskScheduledEventAttributes!.activityType?.name),
    ).toEqual(['computeAssessmentMetricsBatch', 'openAgencyAssessments']);
    // The agencies run as opened processes: already in self_assessment, with no step of their own.
    for (const code of [good, 'AG-MORE0']) {
      const h = env.client.workflow.getHandle(agencyAssessmentWorkflowId(y, code));
      expect((await h.describe()).type).toBe('assessmentAgencyOpenedWorkflow');
      expect((await h.query(agencyViewQuery)).state).toBe('self_assessment');
      const events = (await h.fetchHistory()).events!;
      expect(events.some((e) => e.activityTaskScheduledEventAttributes || e.markerRecordedEventAttributes)).toBe(false);
      expect((await listCaseEvents(database.db, `${y}:${code}`)).map((e) => e.action)).toEqual(['metrics']);
    }
    // The batch's step, retried with the very input it was given: every process runs, every change is written.
    const acts = createAssessmentActivities({ db: database.db, logger: testLogger, temporal: env.client });
    const again = await new MockActivityEnvironment({ taskQueue: worker.taskQueue }).run(
      acts.openAgencyAssessments,
      await openingsOf(y, 'AG-GOOD'),
    );
    expect(again).toEqual({ started: 0, written: 0 });
    expect((await listCaseEvents(database.db, `${y}:${good}`)).map((e) => e.action)).toEqual(['metrics']);
    expect(await kinds(`${y}:${good}`)).toEqual(['assessment_self']);
  });

  it('an opening step cut off after some starts writes nothing; the cycle waits, and the retry starts the rest and writes all', async () => {
    // A cycle claimed by hand (year - 3, no workflow of its own): its agencies are in collecting.
    const y = year - 3;
    const acts = createAssessmentActivities({ db: database.db, logger: testLogger, temporal: env.client });
    const run = <A, R>(fn: (a: A) => Promise<R>, a: A) =>
      new MockActivityEnvironment({ taskQueue: worker.taskQueue }).run(fn, a) as Promise<R>;
    const nowMs = await env.currentTimeMs();
    const indicators = await run(acts.loadIndicatorSet, { version: null });
    const calendar = await currentCalendar(database.db);
    const ctx = { ...fixedContext(nowMs, calendar), policy: defaultPolicy.assessment };
    const input: CycleInput = { year: y, indicatorsVersion: null, startedBy: admin, policy: defaultPolicy.assessment };
    const claim = await run(acts.claimAssessmentCycle, { change: cycleOpened(input, indicators, ctx) });
    expect(claim.outcome).toBe('claimed');
    const agencies = await listCycleAgencies(database.db, y, null, 100);
    expect(agencies.length).toBe(claim.agencyCount);
    const template = {
      year: y,
      indicators,
      deadlines: { selfAssessment: ctx.track(ctx.today, 10), review: ctx.track(ctx.today, 25) },
      policy: defaultPolicy.assessment,
      cycleWorkflowId: assessmentCycleWorkflowId(y),
      calendar,
    };
    const metrics = await run(acts.computeAssessmentMetricsBatch, {
      year: y,
      agencies: agencies.map((a) => a.code),
    });
    const openings = agencies.map((a) => openedAgency({ ...template, agency: a }, metrics[a.code]!, calendar, nowMs));

    // The first attempt: the Temporal connection drops after the first start.
    let starts = 0;
    const flaky = {
      workflow: {
        start: (...args: Parameters<typeof env.client.workflow.start>) => {
          if (++starts > 1) return Promise.reject(new Error('connection reset'));
          return env.client.workflow.start(...args);
        },
      },
    } as unknown as typeof env.client;
    const cut = createAssessmentActivities({ db: database.db, logger: testLogger, temporal: flaky });
    await expect(run(cut.openAgencyAssessments, { template, openings })).rejects.toThrow('connection reset');
    // Nothing was recorded: every agency is still collecting, so the cycle does not count any as started.
    const progress = await cycleProgress(database.db, y);
    expect(progress.unstarted).toBe(agencies.length);
    expect(progress.counts.collecting).toBe(agencies.length);

    // The retry starts the processes still missing and records every agency's first transition once.
    const again = await run(acts.openAgencyAssessments, { template, openings });
    expect(again).toEqual({ started: agencies.length - 1, written: agencies.length });
    expect((await cycleProgress(database.db, y)).unstarted).toBe(0);
    for (const a of agencies) {
      expect((await getAgencyAssessment(database.db, y, a.code))?.state).toBe('self_assessment');
      expect((await listCaseEvents(database.db, `${y}:${a.code}`)).map((e) => e.action)).toEqual(['metrics']);
      expect((await agencyHandle(y, a.code).describe()).type).toBe('assessmentAgencyOpenedWorkflow');
    }
  });
});
