// One year's assessment cycle (年度评估), docs/processes.md P4. It claims the year, fans out in a two-level
// tree — one batch child per `batchSize` agencies, each opening one process per agency — so no
// history holds more than a batch's events, moves the cycle through its stages (continuing as new
// if its own history grows), and publishes results to every agency by a broadcast activity.
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
import { caseActivityOptions, clone, dueMs, nowIso, refused, today } from '../common/case.js';
import { openCase } from '../common/kernel.js';
import type { NotificationSpec } from '../common/events.js';
import { assessmentAgencyWorkflow } from './agency-workflow.js';
import {
  agencyAssessmentWorkflowId,
  assessmentCycleWorkflowId,
  cycleNudgeSignal,
  cycleOpenedUpdate,
  cycleViewQuery,
  publishUpdate,
} from './messages.js';
import { checkPublication, openedAgency, publicationWaitsFor, retrackStages, yearAssessedAt } from './rules.js';
import type {
  AgencyAssessmentChange,
  AgencyAssessmentInput,
  CycleInput,
  CycleRun,
  CycleState,
  CycleView,
  FanOut,
} from './types.js';

const broadcast = proxyActivities<Activities>({
  ...caseActivityOptions,
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
});

export const defaultFanOut: FanOut = { batchSize: 100, maxHistoryEvents: 10_000 };

/**
 * Cycles and batches started since this patch hand each agency's process its calendar and its metrics
 * (computed for the whole batch in one step), so an agency starts with one recording and no other
 * activity; older ones replay as they ran.
 */
export const ASSESSMENT_BATCH_INPUTS_PATCH = 'assessment-batch-inputs';

/**
 * Batches started since this patch open their agencies in one step (`openAgencyAssessments`): it
 * starts each agency's process as an `assessmentAgencyOpenedWorkflow` already in self_assessment,
 * with no step of its own to take, and records every agency's first transition (its metrics
 * collected, the self-assessment asked for) in one transaction. The agencies are not the batch's
 * children: each start costs the server no event in the batch's history and no workflow task of it.
 * Older batches started every agency as a child and replay as they ran.
 */
export const ASSESSMENT_BATCH_OPENINGS_PATCH = 'assessment-batch-openings';

const batchActs = proxyActivities<Activities>({ ...caseActivityOptions, startToCloseTimeout: '5 minutes' });

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
  const { transition } = kase;
  const acts = kase.acts;
  /** News for the waiting loops: an agency's nudge, a refused publication, a calendar to relay. */
  const nudge = () => {
    nudges += 1;
    kase.poke();
  };
  const toBureau = (kind: string, title: string): NotificationSpec => ({
    audience: 'bureau',
    recipient: null,
    kind,
    title,
  });

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
        if (i.stage === 'preliminary') {
          v.deadlines.notice = kase.track(today(), policy.noticeWd);
          v.publishedAt.preliminary = nowIso();
          await transition('publish_preliminary', 'notice', i.actor, {
            data: { noticeDueDate: v.deadlines.notice.dueDate },
            notify: [
              toBureau(
                'assessment_preliminary',
                `${year}年度评估初步结果已发布，公示期至 ${v.deadlines.notice.dueDate}`,
              ),
            ],
          });
        } else {
          v.publishedAt.final = nowIso();
          await transition('publish_final', 'final', i.actor, {
            notify: [toBureau('assessment_final', `${year}年度评估最终结果已发布，并报市人民政府`)],
          });
        }
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
    // processes.md P4: self-assessment within selfWd of the start; the review window follows it.
    const selfAssessment = kase.track(today(), policy.selfWd);
    const review = kase.track(selfAssessment.dueDate, policy.reviewWd);
    const view: CycleView = {
      year,
      state: 'collecting',
      version: 1,
      indicatorsVersion: indicators.version,
      agencyCount: 0,
      startedBy: input.startedBy,
      startedAt: nowIso(),
      deadlines: { selfAssessment, review, notice: null },
      publishedAt: { preliminary: null, final: null },
      rectifying: 0,
      closedAt: null,
      updatedAt: nowIso(),
    };
    const claim = await acts.claimAssessmentCycle({
      change: {
        view,
        indicators,
        event: {
          action: 'open',
          from: null,
          to: 'collecting',
          actor: input.startedBy,
          at: view.startedAt,
          reason: null,
          legalBasis: null,
          data: { indicatorsVersion: indicators.version },
        },
        notify: [],
      },
    });
    if (claim.outcome === 'taken')
      throw ApplicationFailure.create({
        type: 'DUPLICATE',
        message: `the assessment of ${year} has already run`,
        nonRetryable: true,
      });
    view.agencyCount = claim.agencyCount;
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
    await transition('metrics_collected', 'self_assessment', systemActor('metrics'), {
      data: { agencies: v.agencyCount, counts: p.counts },
      notify: [
        toBureau(
          'assessment_collected',
          `${year}年度评估：已为 ${v.agencyCount} 家单位采集指标，自评截至 ${v.deadlines.selfAssessment.dueDate}`,
        ),
      ],
    });
  }
  // ---- self-assessment window; then review, until the bureau publishes -----------------------------
  while (v.state === 'self_assessment') {
    if (await kase.changedBefore(dueMs(v.deadlines.selfAssessment))) {
      await maybeContinue();
      continue;
    }
    await transition('self_assessment_closed', 'review', systemActor('deadline'), {
      reason: `自评期已于 ${v.deadlines.selfAssessment.dueDate} 截止`,
    });
  }
  while (v.state === 'review') {
    await kase.changedBefore(null);
    await maybeContinue();
  }
  if (!run.told.preliminary) {
    await kase.recording();
    await broadcast.broadcastToAgencies({
      year,
      message: { signal: 'preliminaryPublished', args: [{ noticeDue: v.deadlines.notice }] },
    });
    run.told.preliminary = true;
  }
  while (v.state === 'notice') {
    await kase.changedBefore(null);
    await maybeContinue();
  }
  if (!run.told.final) {
    await kase.recording();
    await broadcast.broadcastToAgencies({ year, message: { signal: 'finalPublished', args: [] } });
    run.told.final = true;
  }
  if (!run.ranked) {
    // Seconds for most agencies; an appeal that raced the publication waits for the bureau's answer.
    const p = await until((x) => x.unfinalised === 0, 300_000);
    await acts.rankCycle({ year });
    run.ranked = true;
    v.rectifying = p.counts.rectification;
    await transition('ranked', 'final', systemActor('publication'), {
      data: { rectifying: v.rectifying, counts: p.counts },
    });
  }
  // ---- rectification: the cycle closes when every agency's assessment has closed ------------------
  // Rectifications take months: each one verified nudges the cycle; a daily read is the fallback.
  await until((x) => x.counts.closed === v.agencyCount, 86_400_000);
  v.closedAt = nowIso();
  await transition('close', 'closed', systemActor('rectification'), { reason: '各参评单位评估均已办结' });
  await settled();
  return v;
}

/**
 * One batch of the fan-out: computes its agencies' metrics at once and opens them (an older batch
 * started a child per agency and stayed open until they ended, so their starts and ends landed in
 * this small history and never in the cycle's).
 */
export async function assessmentBatchWorkflow(input: {
  agencies: { code: string; name: string }[];
  template: Omit<AgencyAssessmentInput, 'agency'>;
}): Promise<{ agencies: number }> {
  const { year, calendar } = input.template;
  const metrics = patched(ASSESSMENT_BATCH_INPUTS_PATCH)
    ? await batchActs.computeAssessmentMetricsBatch({ year, agencies: input.agencies.map((a) => a.code) })
    : null;
  // Since ASSESSMENT_BATCH_OPENINGS_PATCH the batch opens its agencies in one step; an agency whose
  // metrics are missing (and every agency of an older batch) is started as a child and opens itself.
  const openings: Record<string, AgencyAssessmentChange> = {};
  if (metrics && calendar && patched(ASSESSMENT_BATCH_OPENINGS_PATCH)) {
    for (const agency of input.agencies) {
      const m = metrics[agency.code];
      if (m) openings[agency.code] = openedAgency({ ...input.template, agency }, m, calendar, Date.now());
    }
    const opened = Object.values(openings);
    if (opened.length)
      await batchActs.openAgencyAssessments({ template: { ...input.template, calendar }, openings: opened });
  }
  await Promise.all(
    input.agencies
      .filter((agency) => !openings[agency.code])
      .map(async (agency) => {
        try {
          const child = await startChild(assessmentAgencyWorkflow, {
            workflowId: agencyAssessmentWorkflowId(year, agency.code),
            args: [{ ...input.template, agency, ...(metrics?.[agency.code] ? { metrics: metrics[agency.code] } : {}) }],
            parentClosePolicy: ParentClosePolicy.ABANDON,
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          await child.result();
        } catch (error) {
          // Already running (a retried batch): that process goes on without this one watching it.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }),
  );
  return { agencies: input.agencies.length };
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
