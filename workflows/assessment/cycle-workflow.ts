// One year's assessment cycle (年度评估), docs/processes.md P4. It claims the year, fans out one batch
// child per `batchSize` agencies (batch-workflow.ts: each opens its agencies' processes), moves the
// cycle through its stages (continuing as new if its own history grows), and publishes results to
// every agency by a broadcast activity.
import {
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  WorkflowExecutionAlreadyStartedError,
} from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../common/actors.js';
import { caseActivityOptions, clone, dueMs, refused } from '../common/case.js';
import { openCase } from '../common/kernel.js';
import { ASSESSMENT_BATCH_INPUTS_PATCH, assessmentBatchWorkflow } from './batch-workflow.js';
import {
  assessmentCycleWorkflowId,
  cycleNudgeSignal,
  cycleOpenedUpdate,
  cycleViewQuery,
  publishUpdate,
} from './messages.js';
import {
  checkPublication,
  cycleClosed,
  cycleCollected,
  cycleOpened,
  cycleRanked,
  published,
  publicationWaitsFor,
  retrackStages,
  selfAssessmentClosed,
  yearAssessedAt,
  type CycleContext,
} from './rules.js';
import type { CycleInput, CycleRun, CycleState, CycleView, FanOut } from './types.js';

const broadcast = proxyActivities<Activities>({
  ...caseActivityOptions,
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '15 seconds',
});

export const defaultFanOut: FanOut = { batchSize: 100, maxHistoryEvents: 10_000 };

export async function assessmentCycleWorkflow(input: CycleInput): Promise<CycleView> {
  const { year, policy } = input;
  const fanOut = input.fanOut ?? defaultFanOut;
  let run = undefined as unknown as CycleRun;
  let nudges = 0;
  let publishing = false;
  let calendarToRelay = false;
  let relaying = false;

  const kase = openCase<CycleView, CycleState>({
    process: 'assessment cycle',
    view: () => run.view,
    logFields: () => ({ caseId: `assessment:${year}` }),
    record: (acts) => acts.recordAssessmentCycle,
    // The cycle's change carries the indicator set its agencies are scored by.
    extend: () => ({ indicators: run.indicators }),
    firstFrom: 'state',
    localSteps: false,
  });
  const acts = kase.acts;
  /** The moment and the policy, for the next-state functions of rules.ts. */
  const ctx = (): CycleContext => ({ ...kase.context(), policy });
  /** News for the waiting loops: an agency's nudge, a refused publication, a calendar to relay. */
  const nudge = () => {
    nudges += 1;
    kase.poke();
  };
  // ---- open: claim the year (a year runs at most once) and list its agencies ---------------------
  kase.registeredUpdate(cycleOpenedUpdate);
  const opened = kase.registered;
  setHandler(cycleViewQuery, () => {
    if (!run) throw new Error('the cycle is still being opened');
    return run.view;
  });
  setHandler(cycleNudgeSignal, nudge);
  kase.onCalendar((calendar) => {
    if (!opened()) return null;
    const before = JSON.stringify(run.view.deadlines);
    run.view.deadlines = retrackStages(run.view.deadlines, calendar, Date.now());
    // The agencies hear of it from the cycle, so a calendar upload costs one signal per cycle.
    calendarToRelay = true;
    nudge();
    return JSON.stringify(run.view.deadlines) === before ? null : { data: { deadlines: clone(run.view.deadlines) } };
  });
  setHandler(
    publishUpdate,
    async (i) => {
      const v = run.view;
      publishing = true;
      try {
        const progress = await acts.cycleProgress({ year });
        refused(publicationWaitsFor(i.stage, progress, v.agencyCount), v.state);
        await kase.apply(published(v, i, ctx()));
        return v;
      } finally {
        publishing = false;
        // A refused attempt still grew the history: the waiting loop reconsiders continuing as new.
        nudge();
      }
    },
    {
      validator: (i) => {
        if (!opened()) refused({ code: 'INVALID_STATE', message: 'the cycle is still being opened' }, 'collecting');
        if (publishing) refused({ code: 'INVALID_STATE', message: 'a publication is being recorded' }, run.view.state);
        // Every agency must have had its preliminary result, and so its notice period, before the final one.
        if (i.stage === 'final' && run.view.state === 'notice' && !run.told.preliminary)
          refused(
            { code: 'INVALID_STATE', message: 'the preliminary results are still being delivered to the agencies' },
            run.view.state,
          );
        refused(checkPublication(run.view, i, Date.now()), run.view.state);
      },
    },
  );

  if (input.resume) {
    run = input.resume;
    kase.markRegistered();
  }
  await kase.loadCalendar();
  if (!input.resume) {
    const indicators = await acts.loadIndicatorSet({ version: input.indicatorsVersion });
    const change = cycleOpened(input, indicators, ctx());
    const claim = await acts.claimAssessmentCycle({ change });
    if (claim.outcome === 'taken')
      throw ApplicationFailure.create({
        type: 'DUPLICATE',
        message: `the assessment of ${year} has already run`,
        nonRetryable: true,
      });
    const view = { ...change.view, agencyCount: claim.agencyCount };
    run = {
      view,
      indicators,
      afterCode: null,
      fannedOut: false,
      told: { preliminary: false, final: false },
      ranked: false,
    };
  }
  kase.markRegistered();
  const v = run.view;

  const settled = () => kase.settle(() => !publishing && !relaying && !calendarToRelay);
  /** Hands over to a fresh run when this one's history is long, once no handler is busy. */
  const maybeContinue = async (): Promise<void> => {
    if (!workflowInfo().continueAsNewSuggested && workflowInfo().historyLength < fanOut.maxHistoryEvents) return;
    await settled();
    await continueAsNew<typeof assessmentCycleWorkflow>({ ...input, resume: run });
  };
  /**
   * Reads the cycle's progress until `done` holds, polling with a back-off to `maxMs`; an agency's
   * nudge cuts a wait short. A nudge that comes while progress is being read is not lost: what was
   * seen is taken before the read.
   */
  /**
   * Waits while the cycle is `waitingIn`, then tells the agencies the publication once it is recorded.
   * Should the database refuse it, the cycle is back where it was (REOPENED_PATCH) and waits for the
   * bureau again, telling nobody.
   */
  const tellWhenPublished = async (
    waitingIn: CycleView['state'],
    stage: keyof typeof run.told,
    message: () => Parameters<typeof broadcast.broadcastToAgencies>[0]['message'],
  ): Promise<void> => {
    for (;;) {
      while (v.state === waitingIn) {
        await kase.changedBefore(null);
        await maybeContinue();
      }
      if (run.told[stage]) return;
      const endedIn = v.state;
      await kase.recording();
      if (kase.reopened(endedIn)) continue;
      await broadcast.broadcastToAgencies({ year, message: message() });
      run.told[stage] = true;
      return;
    }
  };
  const until = async (
    done: (p: Awaited<ReturnType<Activities['cycleProgress']>>) => boolean,
    maxMs: number,
  ): Promise<Awaited<ReturnType<Activities['cycleProgress']>>> => {
    for (let waitMs = 1000; ; waitMs = Math.min(waitMs * 2, maxMs)) {
      const seen = nudges;
      const p = await acts.cycleProgress({ year });
      if (done(p)) return p;
      await condition(() => nudges !== seen, waitMs);
      await maybeContinue();
    }
  };

  // A published calendar year reaches every agency by the broadcast activity, alongside the stages.
  void (async () => {
    for (;;) {
      await condition(() => calendarToRelay && !relaying);
      calendarToRelay = false;
      relaying = true;
      try {
        await broadcast.broadcastToAgencies({ year, message: { signal: 'calendarUpdated', args: [kase.calendar()] } });
      } finally {
        relaying = false;
      }
    }
  })();

  // ---- collecting: a batch child per page of agencies, which opens each agency's process ---------
  while (!run.fannedOut) {
    const page = await acts.listCycleAgencies({ year, afterCode: run.afterCode, limit: fanOut.batchSize });
    if (page.length) {
      const template = {
        year,
        indicators: run.indicators,
        deadlines: { selfAssessment: v.deadlines.selfAssessment, review: v.deadlines.review },
        policy,
        cycleWorkflowId: assessmentCycleWorkflowId(year),
        ...(patched(ASSESSMENT_BATCH_INPUTS_PATCH) ? { calendar: kase.calendar() } : {}),
      };
      try {
        await startChild(assessmentBatchWorkflow, {
          workflowId: `${assessmentCycleWorkflowId(year)}:batch:${page[0]!.code}`,
          args: [{ agencies: page, template }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      run.afterCode = page[page.length - 1]!.code;
    }
    run.fannedOut = page.length < fanOut.batchSize;
    await maybeContinue();
  }

  if (v.state === 'collecting') {
    const p = await until((x) => x.unstarted === 0 && x.counts.collecting === 0, 5_000);
    await kase.apply(cycleCollected(v, p.counts));
  }
  // ---- self-assessment window; then review, until the bureau publishes -----------------------------
  while (v.state === 'self_assessment') {
    if (await kase.changedBefore(dueMs(v.deadlines.selfAssessment))) {
      await maybeContinue();
      continue;
    }
    await kase.apply(selfAssessmentClosed(v));
  }
  await tellWhenPublished('review', 'preliminary', () => ({
    signal: 'preliminaryPublished',
    args: [{ noticeDue: v.deadlines.notice }],
  }));
  await tellWhenPublished('notice', 'final', () => ({ signal: 'finalPublished', args: [] }));
  if (!run.ranked) {
    // Seconds for most agencies; an appeal that raced the publication waits for the bureau's answer.
    const p = await until((x) => x.unfinalised === 0, 300_000);
    await acts.rankCycle({ year });
    run.ranked = true;
    await kase.apply(cycleRanked(p.counts));
  }
  // ---- rectification: the cycle closes when every agency's assessment has closed ------------------
  // Rectifications take months: each one verified nudges the cycle; a daily read is the fallback.
  await until((x) => x.counts.closed === v.agencyCount, 86_400_000);
  await kase.apply(cycleClosed(ctx()));
  await settled();
  return v;
}

// Set by the Schedule on every workflow it starts: the time the action was due (a backfill's too).
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** Started by the annual Schedule: the cycle of the year before the scheduled time (a backfill's too). */
export async function assessmentScheduledWorkflow(args: {
  policy: CycleInput['policy'];
}): Promise<{ year: number; started: boolean }> {
  const info = workflowInfo();
  const scheduled = info.typedSearchAttributes.get(scheduledStartTime);
  const year = yearAssessedAt((scheduled ?? info.startTime).getTime());
  try {
    await startChild(assessmentCycleWorkflow, {
      workflowId: assessmentCycleWorkflowId(year),
      args: [{ year, indicatorsVersion: null, startedBy: systemActor('annual schedule'), policy: args.policy }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { year, started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { year, started: false };
    throw error;
  }
}
