// One agency's annual assessment (年度评估), docs/processes.md P4: metrics from the system's records, the
// self-assessment with evidence, the assigned assessor's review, the preliminary result and its
// appeal during the notice period (公示), the final result, and rectification (整改) until verified.
import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, setHandler } from '@temporalio/workflow';
import { clone, dueMs, nowIso } from '../common/case.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import {
  agencyViewQuery,
  answerAppealUpdate,
  appealUpdate,
  assignAssessorUpdate,
  cycleNudgeSignal,
  finalPublishedSignal,
  preliminaryPublishedSignal,
  rectifyUpdate,
  reviewAgencyUpdate,
  selfAssessUpdate,
  verifyRectificationUpdate,
} from './messages.js';
import {
  agencyNextDeadline,
  agencyOverdue,
  agencyRecomputed,
  appealAnswered,
  appealed,
  assessorAssigned,
  checkAppeal,
  checkAppealAnswer,
  checkAssignment,
  checkRectification,
  checkRectificationVerification,
  checkReview,
  checkSelfAssessment,
  collectingView,
  finalResult,
  metricsCollected,
  preliminaryResult,
  rectificationChecked,
  rectified,
  retrackedAgency,
  reviewed,
  selfAssessed,
  type AgencyContext,
} from './rules.js';
import type { AgencyAssessmentInput, AgencyAssessmentState, AgencyAssessmentView, OpenedAgencyInput } from './types.js';

/** Agencies started since this patch take the calendar and metrics their batch handed them. */
export const AGENCY_BATCH_INPUTS_PATCH = 'assessment-agency-batch-inputs';

/** An agency's assessment, fanned out by its cycle's batch: it loads what it needs and opens itself. */
export async function assessmentAgencyWorkflow(input: AgencyAssessmentInput): Promise<AgencyAssessmentView> {
  return agencyAssessment(input, null);
}

/**
 * An agency's assessment its batch opened and recorded (since ASSESSMENT_BATCH_OPENINGS_PATCH): it starts
 * in self_assessment and takes no step until someone acts or a deadline passes. A workflow type of
 * its own, which only ever ran this way, so it needs no patch marker of its own.
 */
export async function assessmentAgencyOpenedWorkflow(input: OpenedAgencyInput): Promise<AgencyAssessmentView> {
  return agencyAssessment(input, input.opened);
}

async function agencyAssessment(
  input: AgencyAssessmentInput,
  opened: AgencyAssessmentView | null,
): Promise<AgencyAssessmentView> {
  const { year, policy, indicators } = input;
  const v: AgencyAssessmentView = opened ? clone(opened) : collectingView(input, nowIso());

  // Its batch's inputs are used only by code that knows them, marked in the history: an agency whose
  // first steps ran on a worker without this code (a rolling deploy) replays as it ran there.
  const batchInputs = !opened && !!(input.metrics || input.calendar) && patched(AGENCY_BATCH_INPUTS_PATCH);
  const kase = openCase<AgencyAssessmentView, AgencyAssessmentState>({
    process: 'agency assessment',
    view: () => v,
    logFields: () => ({ caseId: `${year}:${v.agencyCode}` }),
    record: (acts) => acts.recordAgencyAssessment,
    // Fanned out by its cycle, the case exists in `collecting` before its first transition.
    firstFrom: 'state',
    startsRegistered: true,
    // Started with its batch's inputs, an agency's only steps are its recordings: local ones (since
    // LOCAL_STEPS_PATCH) then save a round trip through the server each. Older agencies keep theirs.
    localSteps: opened ? 'always' : batchInputs ? undefined : false,
    ...((opened || batchInputs) && input.calendar ? { calendar: input.calendar } : {}),
  });
  /** The moment, the policy and the indicator set, for the next-state functions of rules.ts. */
  const ctx = (): AgencyContext => ({ ...kase.context(), policy, indicators });

  // News from the cycle, acted on by the main loop in order.
  let noticeDue = null as TrackedDeadline | null;
  let finalPublished = false as boolean;

  kase.viewQuery(agencyViewQuery);
  kase.action(
    assignAssessorUpdate,
    (i) => checkAssignment(v, i),
    async (i) => (await kase.apply(assessorAssigned(v, i, ctx())), v),
  );
  kase.action(
    selfAssessUpdate,
    (i) => checkSelfAssessment(v, i, Date.now()),
    async (i) => (await kase.apply(selfAssessed(v, i, ctx())), v),
  );
  kase.action(
    reviewAgencyUpdate,
    (i) => checkReview(v, i),
    async (i) => (await kase.apply(reviewed(v, i, ctx())), v),
  );
  kase.action(
    appealUpdate,
    (i) => checkAppeal(v, i, Date.now()),
    async (i) => (await kase.apply(appealed(v, i, ctx())), v),
  );
  kase.action(
    answerAppealUpdate,
    (i) => checkAppealAnswer(v, i),
    async (i) => (await kase.apply(appealAnswered(v, i, ctx())), v),
  );
  kase.action(
    rectifyUpdate,
    (i) => checkRectification(v, i),
    async (i) => (await kase.apply(rectified(v, i, ctx())), v),
  );
  kase.action(
    verifyRectificationUpdate,
    (i) => checkRectificationVerification(v, i),
    async (i) => (await kase.apply(rectificationChecked(v, i, ctx())), v),
  );
  setHandler(preliminaryPublishedSignal, ({ noticeDue: due }) => {
    noticeDue ??= due;
    kase.poke();
  });
  setHandler(finalPublishedSignal, () => {
    finalPublished = true;
    kase.poke();
  });
  /** Provisional deadlines not yet passed move with a published year; true when any moved. */
  const retrackAll = (): boolean => {
    const re = retrackedAgency(v, noticeDue, kase.calendar(), Date.now());
    v.deadlines = re.deadlines;
    if (v.rectification) v.rectification.planDue = re.planDue!;
    noticeDue = re.noticeDue;
    return re.moved;
  };
  kase.onCalendar(() => {
    const moved = retrackAll();
    kase.poke();
    return moved && v.version > 0 ? clone(agencyRecomputed(v)) : null;
  });

  // ---- 1. metrics from the system's own records ----------------------------------------------
  // (An opened agency's batch did this, on the same calendar, and recorded it.)
  await kase.loadCalendar();
  if (!opened) {
    // The cycle computed these deadlines on its calendar; a year published since moves them here too.
    retrackAll();
    const metrics =
      batchInputs && input.metrics
        ? input.metrics
        : await kase.acts.computeAssessmentMetrics({ year, agency: v.agencyCode });
    await kase.apply(metricsCollected(v, metrics, indicators));
  }

  // Until the case ends closed: should the database refuse its last step, the case is put back
  // where it was, and the workflow waits on (REOPENED_PATCH).
  for (;;) {
    while (v.state !== 'closed') {
      if (v.state === 'reviewed' && noticeDue) {
        // ---- 4. preliminary result, appeals during the notice period -----------------------------
        await kase.apply(preliminaryResult(v, noticeDue, ctx()));
        continue;
      }
      if (v.state === 'notice' && finalPublished) {
        // ---- 5. final result; 6. rectification when 不合格 or below a floor ---------------------------
        await condition(allHandlersFinished);
        // An appeal heard in time is answered before the final result, even if it raced the publication.
        if (v.appeal && !v.appeal.answer) {
          await condition(() => !!v.appeal?.answer);
          await condition(allHandlersFinished);
        }
        await kase.apply(finalResult(v, ctx()));
        continue;
      }
      // ---- deadlines: a stage missed is flagged once; a missed self-assessment goes to review -------
      const next = agencyNextDeadline(v);
      if (await kase.changedBefore(next ? dueMs(next.due) : null)) continue;
      const step = agencyOverdue(v);
      if (step) await kase.apply(step);
    }
    // Every recording written, also one a calendar signal started while the last step was recorded.
    const endedIn = v.state;
    await kase.settle();
    if (!kase.reopened(endedIn)) break;
  }
  // The cycle closes when the last rectification is verified; it waits for this word.
  if (v.rectification)
    await getExternalWorkflowHandle(input.cycleWorkflowId)
      .signal(cycleNudgeSignal)
      .catch(() => undefined);
  return v;
}
