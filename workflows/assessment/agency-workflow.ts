// One agency's annual assessment (年度评估), docs/processes.md P4: metrics from the system's records, the
// self-assessment with evidence, the assigned assessor's review, the preliminary result and its
// appeal during the notice period (公示), the final result, and rectification (整改) until verified.
import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, setHandler } from '@temporalio/workflow';
import { systemActor } from '../common/actors.js';
import { clone, dueMs, nowIso, today } from '../common/case.js';
import { retrack, type TrackedDeadline } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import type { NotificationSpec } from '../common/events.js';
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
  checkAppeal,
  checkAppealAnswer,
  checkAssignment,
  checkRectification,
  checkRectificationVerification,
  checkReview,
  checkSelfAssessment,
  collectingView,
  completionDeadline,
  finalItems,
  metricsCollected,
  rectificationReasons,
  retrackStages,
  scoreAgency,
} from './rules.js';
import {
  gradeLabels,
  type AgencyAssessmentInput,
  type AgencyAssessmentState,
  type AgencyAssessmentView,
  type OpenedAgencyInput,
} from './types.js';

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
  const label = `the ${year} assessment of ${v.agencyName} (${v.agencyCode})`;
  const toAgency = (kind: string, title: string): NotificationSpec => ({
    audience: 'agency',
    recipient: v.agencyCode,
    kind,
    title,
  });
  const toBureau = (kind: string, title: string): NotificationSpec => ({
    audience: 'bureau',
    recipient: null,
    kind,
    title,
  });
  const toUser = (id: string, kind: string, title: string): NotificationSpec => ({
    audience: 'user',
    recipient: id,
    kind,
    title,
  });

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
  const { transition, track } = kase;
  const calendar = kase.calendar;
  const missed = (stage: string) => v.overdueStages.includes(stage);

  // News from the cycle, acted on by the main loop in order.
  let noticeDue = null as TrackedDeadline | null;
  let finalPublished = false as boolean;

  kase.viewQuery(agencyViewQuery);
  kase.action(
    assignAssessorUpdate,
    (i) => checkAssignment(v, i),
    async (i) => {
      v.assessor = { id: i.assessor.id, name: i.assessor.name, assignedBy: i.actor, at: nowIso() };
      await transition('assign_assessor', v.state, i.actor, {
        data: { assessor: i.assessor.id },
        notify: [toUser(i.assessor.id, 'assessment_assigned', `您被指派评审：${label}`)],
      });
      return v;
    },
  );
  kase.action(
    selfAssessUpdate,
    (i) => checkSelfAssessment(v, i, Date.now()),
    async (i) => {
      v.selfAssessment = { by: i.actor, at: nowIso(), value: i.items };
      await transition('self_assessment', 'review', i.actor, {
        notify: v.assessor
          ? [
              toUser(
                v.assessor.id,
                'assessment_to_review',
                `自评已提交，请于 ${v.deadlines.review.dueDate} 前完成评审：${label}`,
              ),
            ]
          : [],
      });
      return v;
    },
  );
  kase.action(
    reviewAgencyUpdate,
    (i) => checkReview(v, i),
    async (i) => {
      v.review = { by: i.actor, at: nowIso(), value: i.items };
      await transition('review', 'reviewed', i.actor, {
        notify: [toBureau('assessment_reviewed', `评审已完成：${label}`)],
      });
      return v;
    },
  );
  kase.action(
    appealUpdate,
    (i) => checkAppeal(v, i, Date.now()),
    async (i) => {
      v.appeal = { text: i.text, by: i.actor, at: nowIso(), answer: null };
      await transition('appeal', 'notice', i.actor, {
        reason: i.text,
        notify: [toBureau('assessment_appeal', `收到对初步结果的申诉：${label}`)],
      });
      return v;
    },
  );
  kase.action(
    answerAppealUpdate,
    (i) => checkAppealAnswer(v, i),
    async (i) => {
      v.appeal!.answer = { by: i.actor, at: nowIso(), value: { text: i.text, revised: i.revised } };
      if (i.revised.length) v.result = scoreAgency(indicators, v.applicable, finalItems(v), 'preliminary', nowIso());
      await transition('appeal_answered', 'notice', i.actor, {
        reason: i.text,
        data: { revised: i.revised.map((r) => r.indicator), total: v.result?.total ?? null },
        notify: [toAgency('assessment_appeal_answered', `大数据局已答复您的申诉：${label}`)],
      });
      return v;
    },
  );
  kase.action(
    rectifyUpdate,
    (i) => checkRectification(v, i),
    async (i) => {
      const r = v.rectification!;
      if (i.stage === 'plan') {
        r.plan = { by: i.actor, at: nowIso(), value: i.text };
        r.state = 'in_progress';
        r.completionDue = completionDeadline(today(), policy.rectifyDays);
        await transition('rectification_plan', 'rectification', i.actor, {
          data: { completionDueDate: r.completionDue.dueDate },
          notify: [toBureau('rectification_plan', `已提交整改方案：${label}`)],
        });
      } else {
        r.reports.push({ by: i.actor, at: nowIso(), value: i.text });
        r.state = 'awaiting_verification';
        await transition('rectification_report', 'rectification', i.actor, {
          notify: [toBureau('rectification_report', `已报告整改完成，待验收：${label}`)],
        });
      }
      return v;
    },
  );
  kase.action(
    verifyRectificationUpdate,
    (i) => checkRectificationVerification(v, i),
    async (i) => {
      const r = v.rectification!;
      r.verifications.push({ by: i.actor, at: nowIso(), value: { passed: i.passed, note: i.note } });
      if (i.passed) {
        r.state = 'verified';
        await transition('rectification_verified', 'closed', i.actor, {
          reason: i.note,
          notify: [toAgency('rectification_verified', `整改验收通过：${label}`)],
        });
      } else {
        // processes.md P4 step 6: a failed check reopens the rectification with a fresh completion period.
        r.state = 'in_progress';
        r.completionDue = completionDeadline(today(), policy.rectifyDays);
        const due = r.completionDue.dueDate;
        await transition('rectification_reopened', 'rectification', i.actor, {
          reason: i.note ?? 'the bureau did not accept the rectification',
          data: { completionDueDate: due },
          notify: [toAgency('rectification_reopened', `整改验收未通过，请于 ${due} 前重新报告：${label}`)],
        });
      }
      return v;
    },
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
    const before = JSON.stringify([v.deadlines, v.rectification?.planDue, noticeDue]);
    v.deadlines = retrackStages(v.deadlines, calendar(), Date.now());
    if (v.rectification) v.rectification.planDue = retrack(v.rectification.planDue, calendar(), Date.now());
    if (noticeDue) noticeDue = retrack(noticeDue, calendar(), Date.now());
    return JSON.stringify([v.deadlines, v.rectification?.planDue, noticeDue]) !== before;
  };
  kase.onCalendar(() => {
    const moved = retrackAll();
    kase.poke();
    if (!moved || v.version === 0) return null;
    return {
      data: { deadlines: clone(v.deadlines), planDue: v.rectification?.planDue ?? null },
      notify: [toAgency('deadlines_recomputed', `工作日历已发布，办理期限已重算：${label}`)],
    };
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

  const nextDue = (): { dueAt: string } | null => {
    const r = v.rectification;
    if (v.state === 'self_assessment') return v.deadlines.selfAssessment;
    if (v.state === 'review' && !missed('review')) return v.deadlines.review;
    if (v.state === 'rectification' && r?.state === 'awaiting_plan' && !missed('rectification_plan')) return r.planDue;
    if (
      v.state === 'rectification' &&
      r?.state === 'in_progress' &&
      r.completionDue &&
      !missed(`rectification_completion:${r.completionDue.dueDate}`)
    )
      return r.completionDue;
    return null;
  };
  const overdue = (stage: string, to: AgencyAssessmentState, reason: string, notify: NotificationSpec[]) => {
    v.overdue = true;
    v.overdueStages.push(stage);
    return transition('overdue', to, systemActor('deadline'), { reason, data: { stage }, notify });
  };

  while (v.state !== 'closed') {
    if (v.state === 'reviewed' && noticeDue) {
      // ---- 4. preliminary result, appeals during the notice period -----------------------------
      v.deadlines.notice = noticeDue;
      v.result = scoreAgency(indicators, v.applicable, finalItems(v), 'preliminary', nowIso());
      await transition('preliminary_result', 'notice', systemActor('publication'), {
        data: { total: v.result.total, grade: v.result.grade, noticeDueDate: noticeDue.dueDate },
        notify: [
          toAgency(
            'assessment_preliminary',
            `初步结果：${label} ${v.result.total} 分（${gradeLabels[v.result.grade]}），公示期至 ${noticeDue.dueDate}，可提出申诉`,
          ),
        ],
      });
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
      v.result = scoreAgency(indicators, v.applicable, finalItems(v), 'final', nowIso());
      const data = { total: v.result.total, grade: v.result.grade, belowFloor: v.result.belowFloor };
      if (v.result.needsRectification) {
        v.rectification = {
          state: 'awaiting_plan',
          reasons: rectificationReasons(v.result, indicators),
          planDue: track(today(), policy.rectifyPlanWd),
          completionDue: null,
          plan: null,
          reports: [],
          verifications: [],
        };
        await transition('final_result', 'rectification', systemActor('publication'), {
          data: { ...data, planDueDate: v.rectification.planDue.dueDate },
          notify: [
            toAgency(
              'rectification_required',
              `最终结果：${label} ${v.result.total} 分（${gradeLabels[v.result.grade]}），请于 ${v.rectification.planDue.dueDate} 前提交整改方案`,
            ),
          ],
        });
      } else {
        await transition('final_result', 'closed', systemActor('publication'), {
          data,
          notify: [
            toAgency('assessment_final', `最终结果：${label} ${v.result.total} 分（${gradeLabels[v.result.grade]}）`),
          ],
        });
      }
      continue;
    }
    const due = nextDue();
    if (await kase.changedBefore(due ? dueMs(due) : null)) continue;
    const r = v.rectification;
    if (v.state === 'self_assessment') {
      // processes.md P4 step 2: the window closes; the review goes ahead on the records alone.
      v.selfAssessmentMissed = true;
      await overdue('self_assessment', 'review', `the self-assessment was due ${v.deadlines.selfAssessment.dueDate}`, [
        toAgency('overdue', `自评超期未提交：${label}`),
        toBureau('overdue', `自评超期（督办）：${label}`),
        ...(v.assessor
          ? [
              toUser(
                v.assessor.id,
                'assessment_to_review',
                `请于 ${v.deadlines.review.dueDate} 前完成评审（该单位未提交自评）：${label}`,
              ),
            ]
          : []),
      ]);
    } else if (v.state === 'review') {
      await overdue('review', 'review', `the review was due ${v.deadlines.review.dueDate}`, [
        ...(v.assessor ? [toUser(v.assessor.id, 'overdue', `评审超期，请尽快完成：${label}`)] : []),
        toBureau('overdue', `评审超期（督办）：${label}${v.assessor ? '' : '，尚未指派评估机构'}`),
      ]);
    } else if (r?.state === 'awaiting_plan') {
      await overdue('rectification_plan', 'rectification', `the rectification plan was due ${r.planDue.dueDate}`, [
        toAgency('overdue', `整改方案超期未提交：${label}`),
        toBureau('overdue', `整改方案超期（督办）：${label}`),
      ]);
    } else if (r?.state === 'in_progress' && r.completionDue) {
      await overdue(
        `rectification_completion:${r.completionDue.dueDate}`,
        'rectification',
        `the rectification was due ${r.completionDue.dueDate}`,
        [toAgency('overdue', `整改超期未完成：${label}`), toBureau('overdue', `整改超期（督办）：${label}`)],
      );
    }
  }
  // Every recording written, also one a calendar signal started while the last step was recorded.
  await kase.settle();
  // The cycle closes when the last rectification is verified; it waits for this word.
  if (v.rectification)
    await getExternalWorkflowHandle(input.cycleWorkflowId)
      .signal(cycleNudgeSignal)
      .catch(() => undefined);
  return v;
}
